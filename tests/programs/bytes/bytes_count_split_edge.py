# edge cases of bytes searching
b = b'aaaa'
print(b.count(b'aa'), b.count(b''), b.find(b''), b.rfind(b''), b.find(b'', 5), b.count(b'a', 1, 3))
print(b.split(b'a'), b.split(b'aa'), b''.split(), b''.split(b'x'), b'  '.split(b' '), b'a b'.split(None, 0))
print(b'x'.replace(b'', b'-'), b'abc'.replace(b'', b'.', 2), b'xyz'.rsplit(b'y'))
print(b'abc'.startswith((b'x', b'a')), b'abc'.endswith(b'bc', 0, 2), b'abc'.find(b'c', -1))
print(b'\x00a\x00'.strip(b'\x00'), b'\tx\n'.strip(), b'\x1cx\x1c'.strip())
print(bytes.maketrans(b'', b'') == bytes(range(256)))
try:
    b.split(b'')
except ValueError as e:
    print(type(e).__name__, e)
try:
    bytes.maketrans(b'ab', b'c')
except ValueError as e:
    print(type(e).__name__, e)
