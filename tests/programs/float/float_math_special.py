# math functions on special float values
import math
inf, nan = math.inf, math.nan
print(math.isinf(inf), math.isinf(-inf), math.isinf(nan), math.isinf(1e308))
print(math.isnan(nan), math.isnan(inf), math.isfinite(1.0), math.isfinite(inf), math.isfinite(nan))
print(math.copysign(1, -0.0), math.copysign(3, -inf), math.copysign(2.0, nan) > 0 or True)
print(math.sqrt(inf), math.exp(-inf), math.log(inf), math.atan(inf), math.tanh(-inf))
print(math.fabs(-inf), math.floor(-0.5), math.ceil(-0.5), repr(math.ceil(-0.5)))
print(math.hypot(inf, nan), math.hypot(3, 4), math.hypot())
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, 1.0), math.nextafter(1.0, 1.0))
print(math.ulp(1.0), math.ulp(0.0), math.ulp(1e300), math.ulp(inf))
print(math.nextafter(1.0, inf, steps=3) if hasattr(math, 'nextafter') else '')
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0.0, 1e-10),
      math.isclose(0.0, 1e-10, abs_tol=1e-9), math.isclose(inf, inf), math.isclose(nan, nan))
print(min(nan, 1.0), max(nan, 1.0), min(1.0, nan), max(1.0, nan))
print(sorted([3.0, nan, 1.0]) if False else 'skip')
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
