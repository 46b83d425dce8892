# Float-heavy numeric loops: a small n-body simulation and a Mandelbrot grid.

SOLAR_MASS = 4.0 * 3.141592653589793 * 3.141592653589793
DAYS_PER_YEAR = 365.24


def make_bodies():
    # Made-up planetary system (position, velocity, mass).
    bodies = [
        [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS],
        [4.8, -1.2, -0.1, 0.0016, 0.0077, -0.00007, 0.00095 * SOLAR_MASS],
        [8.3, 4.1, -0.4, -0.0028, 0.0050, 0.00002, 0.00028 * SOLAR_MASS],
        [12.9, -15.1, -0.2, 0.0030, 0.0024, -0.00003, 0.000044 * SOLAR_MASS],
        [15.4, -25.9, 0.2, 0.0027, 0.0016, -0.00009, 0.000051 * SOLAR_MASS],
    ]
    for b in bodies:
        b[3] *= DAYS_PER_YEAR
        b[4] *= DAYS_PER_YEAR
        b[5] *= DAYS_PER_YEAR
    px = py = pz = 0.0
    for b in bodies:
        px += b[3] * b[6]
        py += b[4] * b[6]
        pz += b[5] * b[6]
    sun = bodies[0]
    sun[3] = -px / SOLAR_MASS
    sun[4] = -py / SOLAR_MASS
    sun[5] = -pz / SOLAR_MASS
    return bodies


def energy(bodies):
    e = 0.0
    n = len(bodies)
    for i in range(n):
        b = bodies[i]
        e += 0.5 * b[6] * (b[3] * b[3] + b[4] * b[4] + b[5] * b[5])
        for j in range(i + 1, n):
            c = bodies[j]
            dx = b[0] - c[0]
            dy = b[1] - c[1]
            dz = b[2] - c[2]
            e -= b[6] * c[6] / (dx * dx + dy * dy + dz * dz) ** 0.5
    return e


def advance(bodies, dt, steps):
    n = len(bodies)
    for _ in range(steps):
        for i in range(n):
            b = bodies[i]
            for j in range(i + 1, n):
                c = bodies[j]
                dx = b[0] - c[0]
                dy = b[1] - c[1]
                dz = b[2] - c[2]
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt / (d2 * d2 ** 0.5)
                bm = b[6] * mag
                cm = c[6] * mag
                b[3] -= dx * cm
                b[4] -= dy * cm
                b[5] -= dz * cm
                c[3] += dx * bm
                c[4] += dy * bm
                c[5] += dz * bm
        for b in bodies:
            b[0] += dt * b[3]
            b[1] += dt * b[4]
            b[2] += dt * b[5]


def mandelbrot(size, max_iter):
    inside = 0
    total_iter = 0
    for py in range(size):
        ci = 2.0 * py / size - 1.0
        for px in range(size):
            cr = 2.5 * px / size - 2.0
            zr = 0.0
            zi = 0.0
            i = 0
            while i < max_iter:
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                i += 1
            total_iter += i
            if i == max_iter:
                inside += 1
    return inside, total_iter


def main():
    bodies = make_bodies()
    e0 = energy(bodies)
    advance(bodies, 0.01, NBODY_STEPS)
    e1 = energy(bodies)
    print("energy %.9f %.9f" % (e0, e1))
    inside, iters = mandelbrot(MANDEL_SIZE, 50)
    print("mandelbrot", inside, iters)


NBODY_STEPS = 140000
MANDEL_SIZE = 360

main()
