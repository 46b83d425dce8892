# "math domain error" and range errors
import math
cases = [
    ('sqrt(-1)', lambda: math.sqrt(-1)),
    ('log(0)', lambda: math.log(0)),
    ('log(-1)', lambda: math.log(-1)),
    ('log(1, 1)', lambda: math.log(1, 1)),
    ('log(2, 0)', lambda: math.log(2, 0)),
    ('log10(0)', lambda: math.log10(0)),
    ('log2(-2)', lambda: math.log2(-2)),
    ('acos(2)', lambda: math.acos(2)),
    ('asin(-1.5)', lambda: math.asin(-1.5)),
    ('acosh(0)', lambda: math.acosh(0)),
    ('atanh(1)', lambda: math.atanh(1)),
    ('gamma(0)', lambda: math.gamma(0)),
    ('gamma(-1)', lambda: math.gamma(-1)),
    ('lgamma(0)', lambda: math.lgamma(0)),
    ('fmod(1, 0)', lambda: math.fmod(1, 0)),
    ('remainder(1, 0)', lambda: math.remainder(1, 0)),
    ('sin(inf)', lambda: math.sin(math.inf)),
    ('pow(0, -1)', lambda: math.pow(0, -1)),
    ('pow(-1, 0.5)', lambda: math.pow(-1, 0.5)),
    ('exp(1000)', lambda: math.exp(1000)),
    ('sinh(1000)', lambda: math.sinh(1000)),
    ('gamma(200)', lambda: math.gamma(200)),
    ('ldexp(1, 10000)', lambda: math.ldexp(1, 10000)),
    ('log(-inf)', lambda: math.log(-math.inf)),
    ('sqrt(nan)', lambda: math.sqrt(math.nan)),
    ('log(0.0)', lambda: math.log(0.0)),
    ('exp2(2000)', lambda: math.exp2(2000)),
]
for label, fn in cases:
    try:
        print(label, '->', fn())
    except (ValueError, OverflowError, ZeroDivisionError) as e:
        print(label, '->', type(e).__name__, e)
math.sqrt(-4)
