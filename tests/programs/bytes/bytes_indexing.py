# indexing bytes gives ints, slicing gives bytes
b = b'abcdef'
print(b[0], b[-1], type(b[0]).__name__, b[1:3], b[::-1], b[::2], b[10:], b[-2:])
ba = bytearray(b'xyz')
print(ba[0], ba[1:], type(ba[1:]).__name__, list(b'hi'), [x for x in bytearray(b'\x00\xff')])
print(b[0:1] == b'a', b[0] == 97, b'a'[0] == 'a')
try:
    b[6]
except IndexError as e:
    print(type(e).__name__, e)
try:
    ba[-4]
except IndexError as e:
    print(type(e).__name__, e)
try:
    b[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    b['a']
except TypeError as e:
    print(type(e).__name__, e)
print(b + b'gh', b * 2, 2 * b'-', b'' * 5, b + bytearray(b'!'), bytearray(b'!') + b)
print(b < b'abd', b'' < b'\x00', b'a' == bytearray(b'a'), b'a' == 'a', max(b'az'), sorted(b'cab'))
print(hash(b'abc') == hash(bytes(bytearray(b'abc'))))
try:
    hash(bytearray(b'abc'))
except TypeError as e:
    print(type(e).__name__, e)
it = iter(b'ab')
print(next(it), next(it), next(it, None))
