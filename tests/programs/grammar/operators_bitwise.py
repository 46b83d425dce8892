a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 2, a >> 2)
print(-12 & 10, -12 | 10, -12 ^ 10, -12 >> 1, -1 >> 10, -12 << 3)
print(1 << 100, (1 << 100) >> 99, (2 ** 70) & (2 ** 70 - 1))
print(True & False, True | False, True ^ True, type(True & True).__name__)
print({1, 2, 3} & {2, 3, 4} == {2, 3}, sorted({1, 2} | {3}), sorted({1, 2, 3} ^ {3, 4}), sorted({1, 2, 3} - {1}))
print({"a": 1} | {"b": 2}, {"a": 1, "b": 2} | {"a": 3})
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1.0 & 1
except TypeError as e:
    print(e)
try:
    ~1.5
except TypeError as e:
    print(e)
x = 0b1111
x &= 0b0110
print(x)
x |= 0b1000
print(x)
x ^= 0b1111
print(x)
x <<= 4
print(x)
x >>= 2
print(x)
print(bin(0b1011 & ~0b0010), hex(0xF0 | 0x0F), oct(0o70 ^ 0o07))
print(int.bit_count(255), (0).bit_count(), (-5).bit_count())
