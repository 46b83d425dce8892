# center, ljust, rjust, zfill
for w in [0, 1, 3, 4, 5, 6, 7, 10]:
    print(w, repr('abc'.center(w)), repr('abc'.ljust(w, '*')), repr('abc'.rjust(w, '.')),
          repr('abcd'.center(w, '-')))
print(repr('a'.center(4)), repr('ab'.center(5)), repr('abc'.center(6)), repr(''.center(3, 'x')))
for s in ['42', '-42', '+42', '', '-', 'abc', '3.14', '-0.5', '+', '1_000']:
    print(repr(s), repr(s.zfill(6)), repr(s.zfill(1)))
try:
    'a'.center(5, 'ab')
except TypeError as e:
    print(type(e).__name__, e)
try:
    'a'.ljust(5, '')
except TypeError as e:
    print(type(e).__name__, e)
try:
    'a'.rjust('5')
except TypeError as e:
    print(type(e).__name__, e)
print(repr('é'.center(5, 'ü')), repr('x'.ljust(-3)))
