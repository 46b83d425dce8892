# math integer functions
import math
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10 ** 50), math.isqrt(True))
print(math.comb(5, 2), math.comb(10, 0), math.comb(3, 5), math.comb(100, 50), math.comb(0, 0))
print(math.perm(5, 2), math.perm(5), math.perm(3, 5), math.perm(10, 0), math.perm(20, 20))
print(math.gcd(), math.gcd(12), math.gcd(12, 18), math.gcd(12, 18, 27), math.gcd(-4, 6), math.gcd(0, 5), math.gcd(2 ** 100, 6 ** 50))
print(math.lcm(), math.lcm(4), math.lcm(4, 6), math.lcm(2, 3, 4, 5), math.lcm(-4, 6), math.lcm(0, 5))
print(math.factorial(0), math.factorial(1), math.factorial(20), math.factorial(25))
checks = [
    ('isqrt(-1)', lambda: math.isqrt(-1)),
    ('comb(-1, 2)', lambda: math.comb(-1, 2)),
    ('comb(5, -1)', lambda: math.comb(5, -1)),
    ('perm(-3)', lambda: math.perm(-3)),
    ('factorial(-1)', lambda: math.factorial(-1)),
    ('factorial(2.5)', lambda: math.factorial(2.5)),
    ('factorial(5.0)', lambda: math.factorial(5.0)),
    ('factorial("5")', lambda: math.factorial('5')),
    ('gcd(1.5)', lambda: math.gcd(1.5)),
    ('comb(5.0, 2)', lambda: math.comb(5.0, 2)),
    ('isqrt(4.0)', lambda: math.isqrt(4.0)),
]
for label, fn in checks:
    try:
        print(label, fn())
    except (ValueError, TypeError) as e:
        print(label, type(e).__name__, e)
