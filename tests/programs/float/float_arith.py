# basic float arithmetic and special values
inf = float('inf')
nan = float('nan')
print(1.5 + 2.25, 1.5 - 2.25, 1.5 * 2.25, 1.5 / 2.25)
print(2.0 ** 10, 2.0 ** -1, (-2.0) ** 3, 2.0 ** 0.5, 4 ** 0.5)
print(inf + 1, inf - inf, inf * 0, -inf * -1, inf / inf, 1 / inf, -1 / inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf > 1e308, -inf < -1e308)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10, 5e-324 / 2)
print(0.0 == -0.0, repr(-0.0 + 0.0), repr(-0.0 - 0.0), repr(0.0 * -1))
print(abs(-0.0), abs(-2.5), -(-0.0), +(-0.0))
print(3 * 0.1 == 0.3, abs(3 * 0.1 - 0.3) < 1e-15)
print(1 + 2.0, type(1 + 2.0).__name__, 3 / 1, type(3 / 1).__name__)
print((-8.0) ** (1 / 3))
print(pow(2.0, 3), pow(-1.0, 0.5))
print(0.0 ** 0, nan ** 0, 1 ** nan, inf ** 0)
print(1e300 * 1e300, 2.0 ** 1023 * 2)
x = 0.1
x += 0.2
x *= 3
x -= 0.5
x /= 2
print(x)
print(sum([0.1] * 10), sum([0.1] * 10) == 1.0)
import math
print(math.fsum([0.1] * 10))
print(float.__add__(1.0, 2), float.__radd__(1.0, 2), float.__add__(1.0, 'x'))
print(7.0.__truediv__(2), 7.0.__rtruediv__(2), 2.0.__pow__(3), 2.0.__rpow__(3))
