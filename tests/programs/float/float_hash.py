# hash of floats is deterministic and consistent with int
import sys
for v in [0.0, -0.0, 1.0, -1.0, 2.0, 0.5, 1.5, -0.5, 0.1, 1e20, 2.0 ** 61, 2.0 ** 62,
          1e300, 5e-324, 123.456, float('inf'), float('-inf')]:
    print(repr(v), hash(v))
print(hash(float('inf')) == sys.hash_info.inf)
print(hash(1.0) == hash(1), hash(2.0 ** 70) == hash(2 ** 70), hash(-1.0) == hash(-1))
print(hash(0.5) == hash(__import__('fractions').Fraction(1, 2)))
n = float('nan')
print(hash(n) == hash(n))
d = {1: 'int', 1.0: 'float'}
print(d)
d = {0.0: 'a'}
d[-0.0] = 'b'
print(d)
print({2.0: 'x'}[2], {2: 'y'}[2.0])
print(hash(complex(3, 0)) == hash(3), hash(1 + 1j))
print(n in [n], n in {n}, float('nan') in [float('nan')])
