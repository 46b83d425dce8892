# copysign, isclose, nextafter, ulp, frexp/ldexp, modf, fmod, remainder, trunc/floor/ceil, constants
import math
print(math.copysign(3, -0.0), math.copysign(-3, 1), math.copysign(0.0, -1), math.fabs(-2), math.fabs(-0.0))
print(math.isclose(1, 1 + 1e-9), math.isclose(1, 1 + 1e-8), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-12, abs_tol=1e-10))
print(math.nextafter(0, 1), math.nextafter(1, 0), math.nextafter(-0.0, 1), math.ulp(1), math.ulp(2 ** 52), math.ulp(-1.0))
print(math.frexp(0), math.frexp(1), math.frexp(1024), math.frexp(-0.75), math.ldexp(3, 2), math.ldexp(1, -1075), math.ldexp(1, -1074))
print(math.modf(1.5), math.modf(-0.0), math.modf(7), math.fmod(10, 3), math.fmod(-10, 3), math.fmod(10, -3))
print(math.remainder(10, 3), math.remainder(11, 3), math.remainder(-10, 3), math.remainder(5, 2), math.remainder(7, 2))
big = 1e300
print(math.trunc(big) == int(big), math.floor(1e20), math.ceil(-1e20), math.floor(-0.5), math.ceil(0.2), math.trunc(-7.9))
print(math.floor(2 ** 70), math.ceil(10 ** 30), type(math.floor(5)).__name__)
class F:
    def __floor__(self):
        return 'floored'
    def __ceil__(self):
        return 'ceiled'
    def __trunc__(self):
        return 'truncated'
print(math.floor(F()), math.ceil(F()), math.trunc(F()))
print(math.pi, math.e, math.tau, math.inf, math.nan, math.tau == 2 * math.pi)
print(math.isfinite(1), math.isinf(-math.inf), math.isnan(math.nan), math.isqrt(99))
try:
    math.trunc('x')
except TypeError as e:
    print(type(e).__name__, e)
try:
    math.floor(None)
except TypeError as e:
    print(type(e).__name__, e)
