# as_integer_ratio, is_integer, conversions to int, math.trunc/floor/ceil
for v in [0.5, 0.1, -2.75, 3.0, 1e20, 5e-324, -0.0, 1e300]:
    print(repr(v), v.as_integer_ratio(), v.is_integer())
for v in [float('inf'), float('nan')]:
    try:
        v.as_integer_ratio()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
    print(v.is_integer())
import math
for v in [2.5, -2.5, 1e20, -0.5, 3.9999999999999996, 1.7976931348623157e308]:
    print(int(v), math.trunc(v), math.floor(v), math.ceil(v))
print(type(math.floor(2.5)).__name__, type(math.ceil(2.5)).__name__)
for fn in (int, math.floor, math.ceil, math.trunc):
    try:
        fn(float('inf'))
    except OverflowError as e:
        print(fn.__name__, type(e).__name__, e)
    try:
        fn(float('nan'))
    except ValueError as e:
        print(fn.__name__, type(e).__name__, e)
print((2.5).real, (2.5).imag, (2.5).conjugate())
print(float.__trunc__(2.7), float.__floor__(-2.5), float.__ceil__(-2.5))
