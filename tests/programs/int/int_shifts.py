# left and right shifts, including negatives and big values
print(1 << 0, 1 << 1, 1 << 63, 1 << 64, 1 << 200)
print(-1 << 10, -3 << 70)
print(1024 >> 3, 1023 >> 3, -1024 >> 3, -1023 >> 3)
print(-1 >> 1, -1 >> 100, -2 >> 1, -3 >> 1)
print(5 >> 100, (2 ** 300) >> 299, (2 ** 300 + 1) >> 300)
print(-(2 ** 300) >> 299, (-(2 ** 300) - 1) >> 300)
print(0 << 1000, 0 >> 1000)
print(True << 3, False << 3)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1 >> -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1 << 1.0
except TypeError as e:
    print(type(e).__name__, e)
try:
    1.0 >> 1
except TypeError as e:
    print(type(e).__name__, e)
x = 7
x <<= 5
print(x)
x >>= 3
print(x)
print(1 >> (2 ** 100))
print(-1 >> (2 ** 100))
print(0 << (2 ** 100))
print(8 >> 1, 8 << -1)
