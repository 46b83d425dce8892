# bytes and bytearray literals and their reprs
print(b'abc', b"it's", b'say "hi"', b'both \' and "', b'\x00\x01\x7f\x80\xff')
print(b'\n\t\r\\', b'\x0b\x0c', rb'\n raw', br'\x41', b'\101\102', b'\xe9')
print(bytearray(b'abc'), bytearray(), bytearray(b'\x00\xff'), bytes(), b'')
print(repr(b"'"), repr(b'"'), repr(b'\'"'), ascii(b'\x80'), str(b'x'))
print(len(b'\x00\x00'), len(b''), b'ab' b'cd', type(b'').__name__, type(bytearray()).__name__)
print(bytes(range(32, 127)))
print(bytes(range(0, 256, 17)))
class BA(bytearray):
    pass
print(BA(b'x'), repr(BA()))
class B(bytes):
    pass
print(B(b'y'), repr(B(b'\x01')))
print(repr(b'\\'), repr(b'\x7f'), repr(bytearray(b'"\'')), len(b'\x00\x00\x00'))
