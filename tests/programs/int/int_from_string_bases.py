# int() parsing of strings in different bases
print(int('42'), int('-42'), int('+42'), int('  42  '), int('\t\n42\n'))
print(int('1_000_000'), int('0_0'), int('00012'))
print(int('ff', 16), int('FF', 16), int('0xff', 16), int('0XfF', 16))
print(int('777', 8), int('0o777', 8), int('11', 2), int('0b11', 2))
print(int('z', 36), int('Zz', 36), int('10', 36))
print(int('12', 3), int('1_2', 3))
for b in range(2, 37):
    print(b, int('10', b), end='; ')
print()
print(int('0x1f', 0), int('0o17', 0), int('0b101', 0), int('99', 0), int('0', 0), int('000', 0))
print(int('0x_1f', 0), int('1_0', 0))
print(int(' -0x10 ', 0), int('-0b1', 0))
print(int('١٢٣'))
print(int(b'42'), int(bytearray(b' 7 ')))
print(int(3.99), int(-3.99), int(True), int())
print(int('9' * 50))
bad = [('', 10), ('1__0', 10), ('_1', 10), ('1_', 10), ('0x', 16), ('12', 2),
       ('010', 0), ('1.5', 10), ('- 1', 10), ('0b2', 0), ('g', 16), ('1 2', 10)]
for s, b in bad:
    try:
        int(s, b)
    except ValueError as e:
        print(type(e).__name__, e)
for b in (1, 37, -1):
    try:
        int('1', b)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int(12, 10)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int([1])
except TypeError as e:
    print(type(e).__name__, e)
