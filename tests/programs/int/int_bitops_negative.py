# bitwise operations use infinite two's complement
vals = [0, 1, -1, 5, -5, 12, -12, 255, -256]
for a in vals:
    print(a, ~a, a & 0xF, a | 0x10, a ^ -1)
print(-5 & -3, -5 | -3, -5 ^ -3)
print(-5 & 3, -5 | 3, -5 ^ 3)
big = 2 ** 100
print(big & -big)
print(-big & (big - 1))
print(~big)
print((-big) | 1)
print((-(2 ** 70)) ^ (2 ** 70 - 1))
print(-1 & (2 ** 64 - 1))
print(bin(-10 & 0xFF))
print(True & False, True | False, True ^ True, ~True, ~False)
print(type(True & True), type(True & 1))
print(0b1010 & 0b0110, 0b1010 | 0b0110, 0b1010 ^ 0b0110)
x = 0x1234_5678_9abc_def0_1234
print(hex(x & 0xFFFF_FFFF), hex(x >> 40), hex(~x))
