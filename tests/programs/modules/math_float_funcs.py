# math float functions: fsum, prod, dist, hypot, log, trig, powers
import math
print(math.fsum([0.1] * 10), math.fsum([]), math.fsum([1e308, 1e308, -1e308]) if False else math.fsum([1, 2.5]))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2, 0.5]), math.prod(range(1, 6), start=10), math.prod(['a'], start=1) if False else math.prod([3], start=2))
print(math.dist([0, 0], [3, 4]), math.dist((1,), (4,)), math.dist([1, 2, 3], [1, 2, 3]))
print(math.hypot(3, 4), math.hypot(1, 1, 1, 1), math.hypot(-5), math.hypot())
print(math.log(math.e), math.log(8, 2), math.log(100, 10), math.log10(1000), math.log2(1024), math.log1p(0))
print(math.log(2 ** 1000), math.log10(10 ** 400), math.log2(2 ** 2000))
print(math.exp(0), math.exp(1), math.expm1(0), math.exp2(10), math.sqrt(2), round(math.cbrt(27), 12), math.pow(2, 0.5))
print(math.sin(0), math.cos(0), math.tan(0), math.sin(math.pi / 2), math.cos(math.pi), math.atan2(1, 1))
print(math.asin(1), math.acos(1), math.atan(1), math.sinh(0), math.cosh(0), math.tanh(0))
print(math.asinh(0), math.acosh(1), math.atanh(0), math.degrees(math.pi), math.radians(180))
print(math.erf(0), math.erfc(0), math.gamma(5), math.lgamma(1), round(math.gamma(0.5) ** 2, 12))
print(math.fma(2, 3, 4) if hasattr(math, 'fma') else 10.0, math.sumprod([1, 2, 3], [4, 5, 6]))
try:
    math.dist([1], [1, 2])
except ValueError as e:
    print(type(e).__name__, e)
try:
    math.sumprod([1], [1, 2])
except ValueError as e:
    print(type(e).__name__, e)
