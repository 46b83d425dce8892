# %-formatting on bytes
print(b'%s and %s' % (b'spam', bytearray(b'eggs')))
print(b'%d|%5d|%-5d|%05d|%x|%X|%o|%#x' % (42, 42, 42, 42, 255, 255, 8, 255))
print(b'%c%c' % (65, b'B'), b'%%', b'%r' % b'x' if False else b'%a' % 'é')
print(b'%f %.2e %g' % (1.5, 1234.5, 0.0001))
print(b'%(k)s=%(v)d' % {b'k': b'key', b'v': 7})
print(b'%b' % b'bytes', b'%s' % memoryview(b'mv'))
for fn in (lambda: b'%s' % 'str', lambda: b'%d' % b'1', lambda: b'%s %s' % (b'a',),
           lambda: b'%s' % (b'a', b'b'), lambda: b'%c' % 256, lambda: b'%c' % b'ab'):
    try:
        fn()
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
print(bytearray(b'%s!') % b'hi', type(bytearray(b'%s') % b'').__name__)
print(b'%5s|%-5s|' % (b'ab', b'cd'), b'%.1s' % b'xyz', b'%x' % 255)
print(b'%(a)s %(a)s' % {b'a': b'twice'})
