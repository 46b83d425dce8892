# float.hex and float.fromhex
for v in [0.0, -0.0, 1.0, 0.5, 0.1, -2.5, 1e300, 5e-324, 2.2250738585072014e-308,
          1.7976931348623157e308, 3.0, 1 / 3, float('inf'), float('-inf'), float('nan')]:
    print(repr(v), v.hex())
for s in ['0x1p0', '0x1.8p1', '-0x1p-2', '0x.8', '0X1P+3', '0x1.fffffffffffffp+1023',
          '0x0.0000000000001p-1022', '1', 'ff', '0x1.0000000000000800000000p0',
          '  0x1p4  ', 'inf', '-Infinity', 'nan', '0x1_0p0' if False else '0x10p0']:
    print(repr(s), repr(float.fromhex(s)))
for s in ['0x', '0xg', '', '0x1p', '1.0.0']:
    try:
        float.fromhex(s)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    float.fromhex('0x1p10000')
except OverflowError as e:
    print(type(e).__name__, e)
print(float.fromhex((0.1).hex()) == 0.1)
class MyF(float):
    pass
r = MyF.fromhex('0x1p1')
print(type(r).__name__, r)
