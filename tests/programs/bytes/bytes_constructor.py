# bytes() constructor forms and errors
print(bytes(5), bytes(0), bytes([1, 2, 255]), bytes((65, 66)), bytes(range(3)))
print(bytes('héllo', 'utf-8'), bytes('abc', encoding='ascii'), bytes(b'copy'), bytes(bytearray(b'ba')))
print(bytes(memoryview(b'mv')), bytes(iter([104, 105])), bytearray(3), bytearray([7, 8]))
print(bytearray('ö', 'latin-1'), bytes.fromhex('de ad BE EF'), bytearray.fromhex('00ff'))
for arg in ([256], [-1], [1, 300], [2 ** 70]):
    try:
        bytes(arg)
    except ValueError as e:
        print(type(e).__name__, e)
for fn in (lambda: bytes('abc'), lambda: bytes(['a']), lambda: bytes(1.5), lambda: bytes(None),
           lambda: bytes([1.0]), lambda: bytes(b'x', 'utf-8'), lambda: bytearray('x')):
    try:
        fn()
    except TypeError as e:
        print(type(e).__name__, e)
try:
    bytes(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    bytearray([256])
except ValueError as e:
    print(type(e).__name__, e)
try:
    bytes.fromhex('0g')
except ValueError as e:
    print(type(e).__name__, e)
try:
    bytes.fromhex('abc')
except ValueError as e:
    print(type(e).__name__, e)
class WithBytes:
    def __bytes__(self):
        return b'custom'
print(bytes(WithBytes()))
class Idx:
    def __index__(self):
        return 2
print(bytes([Idx(), 3]), bytes(Idx()))
