# divmod with floats and the relationship a == q*b + r
cases = [(7.0, 3.0), (-7.0, 3.0), (7.0, -3.0), (-7.0, -3.0), (1.0, 0.3), (0.5, 0.25),
         (1e16, 3.0), (-1e-300, 1.0), (2.0 ** 60, 7.0)]
for a, b in cases:
    q, r = divmod(a, b)
    print(repr(a), repr(b), repr(q), repr(r), q * b + r == a)
print(divmod(7, 2.0), divmod(7.0, 2), divmod(True, 0.5))
print(type(divmod(7, 2.0)[0]).__name__)
import math
print(math.fmod(7.0, -3.0), math.remainder(7.0, 3.0), math.remainder(5.0, 2.0), math.remainder(7.0, 2.0))
print(math.modf(3.75), math.modf(-3.75), math.modf(float('inf')))
print(math.frexp(8.0), math.frexp(0.1), math.frexp(-0.0), math.ldexp(0.5, 4))
print(divmod(-0.0, 1.0), divmod(0.0, -1.0), divmod(float('inf'), 2.0))
print(divmod(5.5, float('inf')), divmod(-5.5, float('inf')))
try:
    divmod(1.5, 0.0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
