# cmath: every function on ordinary values, branch cuts, constants, conversions, errors
import cmath, math

print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj)
zs = [0j, complex(-0.0, 0.0), complex(0.0, -0.0), complex(-0.0, -0.0), 1 + 0j, -1 + 0j,
      1j, -1j, 2 + 3j, -2 - 3j, 0.5 - 0.25j, complex(-2.0, 0.0), complex(-2.0, -0.0),
      complex(0.0, 2.0), complex(-0.0, -2.0), 1e-200 + 1e-200j, 3e300 + 4e300j]
names = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "exp", "log",
         "log10", "sin", "sinh", "sqrt", "tan", "tanh", "phase", "polar", "isfinite",
         "isinf", "isnan"]
for name in names:
    f = getattr(cmath, name)
    row = []
    for z in zs:
        try:
            row.append(repr(f(z)))
        except (ValueError, OverflowError) as e:
            row.append(f"{type(e).__name__}({e})")
    print(name, " ".join(row))

# log with a base, rect, isclose.
for args in [(8, 2), (100, 10), (1j, 1j), (-1, 2), (2, 1), (0, 2), (2, 0), (1e308, 1e-308),
             (2 + 3j, 4 - 5j)]:
    try:
        print("log", args, cmath.log(*args))
    except ValueError as e:
        print("log", args, "ValueError", e)
for r, phi in [(1, 0), (2, math.pi), (1, -0.0), (-0.0, 1), (3, math.pi / 2), (1e308, 1.5),
               (math.inf, 0.0), (math.inf, 1.0), (-math.inf, 2.0), (math.nan, 0.0),
               (1.0, math.inf), (0.0, math.inf)]:
    try:
        print("rect", r, phi, cmath.rect(r, phi))
    except ValueError as e:
        print("rect", r, phi, "ValueError", e)
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 1.1j),
      cmath.isclose(1j, 1.1j, rel_tol=0.2), cmath.isclose(0j, 1e-10j, abs_tol=1e-9),
      cmath.isclose(complex(math.inf, 1), complex(math.inf, 1)),
      cmath.isclose(complex(math.inf, 1), complex(math.inf, 2)),
      cmath.isclose(cmath.nanj, cmath.nanj))

# Accepted arguments: complex, __complex__, __float__, __index__, int, bool.
class Z:
    def __complex__(self):
        return 3 + 4j
class F:
    def __float__(self):
        return 0.25
class I:
    def __index__(self):
        return 9
class Sub(complex):
    pass
print(cmath.sqrt(Z()), cmath.sqrt(F()), cmath.sqrt(I()), cmath.sqrt(Sub(-4)),
      cmath.sqrt(True), cmath.sqrt(16), cmath.exp(2**10 // 1000))

# Errors, with CPython's messages.
class BadC:
    def __complex__(self):
        return 1
class BadF:
    def __float__(self):
        return "x"
for f in [lambda: cmath.sqrt("1"), lambda: cmath.sqrt(None), lambda: cmath.sqrt(BadC()),
          lambda: cmath.sqrt(BadF()), lambda: cmath.sqrt(), lambda: cmath.sqrt(1, 2),
          lambda: cmath.sqrt(z=1), lambda: cmath.log(), lambda: cmath.log(1, 2, 3),
          lambda: cmath.log(1, base=2), lambda: cmath.log(1, "e"), lambda: cmath.rect(1),
          lambda: cmath.rect(1j, 0), lambda: cmath.rect(1, phi=0), lambda: cmath.phase(1, 2),
          lambda: cmath.isclose(1), lambda: cmath.isclose(1, 2, 3),
          lambda: cmath.isclose(1, 2, rel_tol=-1), lambda: cmath.isclose(1, 2, abs_tol=1j),
          lambda: cmath.isclose(1, 2, tol=1), lambda: cmath.exp(1000), lambda: cmath.cosh(1e3j + 1e3),
          lambda: cmath.atanh(1), lambda: cmath.log(0), lambda: cmath.sqrt(10 ** 400),
          lambda: cmath.polar(complex(1e308, 1e308)), lambda: cmath.polar(complex(1.7e308, 1.7e308)),
          lambda: cmath.phase(complex(2.0, 5e-324)), lambda: cmath.phase(complex(1e300, 1e-300))]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
print(cmath.sqrt.__doc__, cmath.__doc__, sep=" | ")
