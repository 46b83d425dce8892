# repr/str of floats is the shortest round-tripping form
vals = [0.1, 0.2, 0.1 + 0.2, 1.0, -0.0, 0.0, 1e16, 1e15, 123456789012345678.0,
        1e22, 1e-5, 1e-4, 0.0001234, 5e-324, 2.2250738585072014e-308,
        1.7976931348623157e308, 1 / 3, 2 / 3, 100.0, 1e100, 12345.678,
        float('inf'), float('-inf'), float('nan'), 3.14159, 9007199254740993.0,
        0.5, 1.5e-10, 123e-20, 1e21, 9.999999999999999e22, 4.35, 2.675]
for v in vals:
    print(repr(v), str(v))
print(float(10 ** 16), float(2 ** 63), float(-(2 ** 70)))
print(1e16 + 1, 1e16 + 2)
print([0.1, -0.0, 1e300 * 10])
print((0.1, float('nan')))
print(0.1 * 3, 1.1 * 1.1, 100 * 1.1)
print(round(2.675, 2), round(0.125, 2), round(0.375, 2))
print(f'{0.1!r} {0.1!s} {1e16!r}')
