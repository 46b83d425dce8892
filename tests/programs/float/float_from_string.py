# float() parsing
for s in ['1.5', ' 1.5 ', '\n-2.25\t', '+3', '1e3', '1E-3', '.5', '5.', '1_000.5',
          '1_0e1_0', 'inf', '-inf', '+INF', 'Infinity', '-iNfInItY', 'nan', '-nan', 'NaN',
          '0x1p3' if False else '1e500', '-1e500', '1e-500', '00001.0', '١٫٥' if False else '٣.٥',
          '0.1e-1', '1234567890123456789012345678901234567890']:
    print(repr(s), repr(float(s)))
print(float(5), float(-0), float(True), float(2 ** 70), float())
print(float(b'2.5'), float(bytearray(b' 3 ')))
for s in ['', ' ', 'abc', '1.5.', '1__0', '_1', '1_', '1e', 'e1', 'in', 'infinit', '0x10',
          '1,5', '- 1', 'nan1', '1.5j']:
    try:
        float(s)
        print('no error for', repr(s))
    except ValueError as e:
        print(type(e).__name__, e)
for bad in [None, [1.0], {}, 1j]:
    try:
        float(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    float(2 ** 1024)
except OverflowError as e:
    print(type(e).__name__, e)
class F:
    def __float__(self):
        return 1.25
class I:
    def __index__(self):
        return 3
print(float(F()), float(I()))
class BadF:
    def __float__(self):
        return 1
try:
    float(BadF())
except TypeError as e:
    print(type(e).__name__, e)
