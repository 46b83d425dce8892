# _struct: every format character, byte order and alignment, counts, the Struct type,
# pack_into/unpack_from offsets, iter_unpack and CPython's error messages.
import struct
import _struct


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__module__, type(e).__name__, e)


def r(f):
    try:
        return repr(f())
    except Exception as e:
        return f"{type(e).__name__}: {e}"


print(struct.error, struct.error.__mro__, _struct.Struct, _struct.Struct.__mro__)
print(sorted(k for k in dir(_struct) if not k.startswith('__')), struct.error is _struct.error)
print([k for k in ('format', 'size', 'pack', 'pack_into', 'unpack', 'unpack_from', 'iter_unpack') if k in _struct.Struct.__dict__])

# --- integers: ranges per format and byte order ---
for fmt in ['b','B','h','H','i','I','l','L','q','Q','n','N', 'P']:
  for pre in ['', '<']:
    if pre and fmt in 'nNP': continue
    print(pre+fmt, ' | '.join(f"{v}:{r(lambda: struct.pack(pre+fmt, v))}" for v in [-2**64, -2**63-1, -1, 2**63, 2**64, 1.0, True]))

# --- every value through every integer format ---
for fmt in ['b','B','h','H','i','I','l','L','q','Q','n','N']:
    for v in [-2**63-1, -2**31-1, -32769, -129, -1, 0, 255, 256, 65536, 2**32, 2**64, 1.0, '1', None, True]:
        t(lambda: struct.pack(fmt, v))
        if fmt not in 'nN':
            t(lambda: struct.pack('<'+fmt, v))
            t(lambda: struct.pack('>'+fmt, v))

# --- floats: e f d, rounding, overflow, conversions ---
for fmt in ['e','f','d']:
    for v in [1.5, 1, 2**1000, 1e300, 65504.0, 65520.0, 65519.99, 1e-8, 6e-8, float('inf'), float('nan'), -0.0, 'x', None, 3.4028235e38, 3.4028236e38, 3.402823669e38]:
        t(lambda: struct.pack(fmt, v))
        t(lambda: struct.pack('>'+fmt, v))
for fmt in 'efd':
  for pre in ['', '<']:
    print(pre+fmt, ' | '.join(f"{v}:{r(lambda: struct.pack(pre+fmt, v))}" for v in [2**1000, 1e300, 3.4028235e38, 3.4028236e38, 3.402823669e38, 65519.99, 65520.0, 'x', 2**64]))
class F:
    def __float__(self): raise KeyError(1)
class H:
    def __float__(self): return 1e300
class OI:
    def __index__(self): raise OverflowError("boom")
for fmt in ['e','<e','f','<f','d','<d', 'i', '<i', 'q', 'Q', 'P', '?', 'c', 'b']:
    print(fmt, r(lambda: struct.pack(fmt, 2**1025)), r(lambda: struct.pack(fmt, F())), r(lambda: struct.pack(fmt, H())), r(lambda: struct.pack(fmt, OI())), r(lambda: struct.pack(fmt, True)))
print(r(lambda: struct.pack('e', float('nan'))), r(lambda: struct.pack('<e', -float('nan'))), r(lambda: struct.pack('<f', -float('nan'))), r(lambda: struct.pack('<f', float('-inf'))))
print(r(lambda: struct.unpack('<e', b'\x01\xfe')), r(lambda: struct.unpack('<f', b'\x01\x00\xc0\x7f')), r(lambda: struct.unpack('<f', b'\x00\x00\x80\xff')))
import math
for x in [1.0009765625, 1.00048828125, 1.00146484375, 2049.0, 2051.0, 6.103515625e-05, 6.097555160522461e-05, 3e-8, 2.98e-8, 65504.00001, 65519.9999999]:
    print(x, struct.pack('<e', x), struct.pack('<f', x))
print(struct.pack('<f', 1.00000005960464477539), struct.pack('<f', 1.0000000596046448), struct.pack('<f', 1.4e-45), struct.pack('<f', 7e-46), struct.pack('<f', 8e-46))

# --- strings, chars, bools, pads, pointers ---
for fmt in ['c', 's', '3s', 'p', '3p', '?', 'x', 'P', '0s', '2x', '300p']:
    for v in [b'a', b'abcd', bytearray(b'xy'), 'a', 1, 0, [], None, 2**64, -1]:
        t(lambda: struct.pack(fmt, v))
for fmt in ['', '@', '<i', 'ii', 'i i', '2 i', '2', '3iq', 'bq', '<bq', 'q b', 'hi', 'ci', 'i0l', '!h', 'P', '<P', '=n', 'z', '3!', 'i<', '999999999999999999999i', '99999999999999999999s', '1000000000000s', '2147483647q2147483647q', '\x00', 'é']:
    t(lambda: struct.calcsize(fmt))
t(lambda: struct.pack('i'))
t(lambda: struct.pack('i', 1, 2))
t(lambda: struct.pack())
t(lambda: struct.pack(b'i', 1))
t(lambda: struct.pack(1, 1))
t(lambda: struct.unpack('i', b'123'))
t(lambda: struct.unpack('i', b'12345'))
t(lambda: struct.unpack('i', 'abcd'))
t(lambda: struct.unpack('<i', memoryview(b'abcd')))
t(lambda: struct.unpack('<hH?cs3sp3p', b'\xff\xff\xff\xff\x02abcdef\x05xyz\x01zz'))
t(lambda: struct.unpack_from('<h', b'\x00\x01\x02\x03', 1))
t(lambda: struct.unpack_from('<h', b'\x00\x01\x02\x03', offset=3))
t(lambda: struct.unpack_from('<h', b'\x00\x01\x02\x03', -1))
t(lambda: struct.unpack_from('<h', b'\x00\x01\x02\x03', -5))
t(lambda: struct.unpack_from('<h', b'\x00\x01\x02\x03', 5))
t(lambda: struct.unpack_from('<h', buffer=b'\x00\x01\x02\x03'))
b = bytearray(8)
t(lambda: struct.pack_into('<hi', b, 1, 2, 3)); print(b)
t(lambda: struct.pack_into('<hi', b, 3, 2, 3)); print(b)
t(lambda: struct.pack_into('<hi', b, -6, 2, 3)); print(b)
t(lambda: struct.pack_into('<hi', b, -9, 2, 3)); print(b)
t(lambda: struct.pack_into('<hi', b, 9, 2, 3)); print(b)
t(lambda: struct.pack_into('<hi', b'12345678', 0, 2, 3))
t(lambda: struct.pack_into('<hi', b, 0, 2))
t(lambda: struct.pack_into('<hi', b))
m = memoryview(bytearray(6)); t(lambda: struct.pack_into('<hi', m, 0, 7, 8)); print(bytes(m))
t(lambda: list(struct.iter_unpack('<h', b'\x01\x00\x02\x00')))
t(lambda: list(struct.iter_unpack('<h', b'\x01\x00\x02')))
t(lambda: struct.iter_unpack('', b''))
it = struct.iter_unpack('<h', b'\x01\x00\x02\x00'); print(it.__length_hint__(), type(it), next(it), it.__length_hint__())
s = struct.Struct('<2hq')
print(s.format, s.size, s.pack(1,2,3), s.unpack(s.pack(1,2,3)), repr(s))
t(lambda: struct.Struct(b'<i').format)
t(lambda: struct.Struct())
t(lambda: struct.Struct(format='i').size)
t(lambda: struct.Struct('i', 'j'))
t(lambda: s.pack(1,2))
class S(struct.Struct):
    def __init__(self, *a): super().__init__('<' + 'i'*len(a)); self.extra = 1
t(lambda: S(1,2).size)
print(struct.pack('?', []), struct.pack('?', [1]), struct.unpack('??', b'\x00\x05'))
print(struct.pack('e', 1e-7), struct.pack('e', 5.960464477539063e-08), struct.pack('e', 2.9802322387695312e-08), struct.pack('e', 2.98023223876953125e-08*1.0000001))
print(struct.unpack('<e', b'\x00\x7c'), struct.unpack('<e', b'\x01\x7c'), struct.unpack('<e', b'\x01\x00'), struct.unpack('<e', b'\xff\xfb'))
print(struct.unpack('<d', struct.pack('<d', 0.1)), struct.unpack('<f', struct.pack('<f', 0.1)))
print(struct.pack('@bhiq', 1,2,3,4), struct.pack('=bhiq', 1,2,3,4), struct.pack('bi0q', 1, 2))
print(struct.pack('5s', b'ab'), struct.pack('2p', b'abc'), struct.pack('256p', b'a'*300)[:2], struct.pack('<3c', b'a', b'b', b'c'))
print(struct.pack('P', 0), struct.unpack('P', b'\x01'*8))
class I:
    def __index__(self): return 7
print(struct.pack('i', I()), struct.pack('d', I()) if False else '')
t(lambda: struct.pack('d', I()))
t(lambda: struct.pack('i', 1.5))
class F:
    def __float__(self): return 2.5
t(lambda: struct.pack('d', F()))
t(lambda: struct.pack('f', 1e39))
t(lambda: struct.pack('<f', -1e39))
t(lambda: struct.pack('e', 1e39))
t(lambda: struct.pack('e', 65520.0))
t(lambda: struct.pack('i', 2**70))
t(lambda: struct.pack('L', -1))
t(lambda: struct.pack('>Q', -1))
t(lambda: struct.pack('>q', 2**63))
t(lambda: struct.unpack('>q', b'\x80'+b'\x00'*7))
t(lambda: struct.unpack('>Q', b'\xff'*8))
t(lambda: struct.pack('1000000000000s', b''))
t(lambda: struct.pack_into('1000000000000s', bytearray(1), 0, b''))
t(lambda: struct.unpack('1000000000000s', b''))

# --- argument handling and offsets ---
b = bytearray(8)
print(r(lambda: struct.pack_into('<hi', b, -2, 1, 2)))
print(r(lambda: struct.pack_into('<hi')))
print(r(lambda: struct.pack_into('<hi', b)))
print(r(lambda: struct.pack_into()))
print(r(lambda: struct.pack_into('<h', b, 'x', 1)))
print(r(lambda: struct.pack_into('<h', b, 2**70, 1)))
print(r(lambda: struct.pack_into('<h', memoryview(b'ab'), 0, 1)))
print(r(lambda: struct.pack_into('<h', 'ab', 0, 1)))
print(r(lambda: struct.unpack_from('<h', b'ab', 'x')))
print(r(lambda: struct.unpack_from('<h', b'ab', 2**70)))
print(r(lambda: struct.unpack_from('<h')))
print(r(lambda: struct.unpack_from('<h', b'ab', 0, 1)))
print(r(lambda: struct.unpack_from('<h', b'ab', offset=0, x=1)))
print(r(lambda: struct.unpack('<h')))
print(r(lambda: struct.unpack('<h', b'ab', 1)))
print(r(lambda: struct.unpack()))
print(r(lambda: struct.calcsize()))
print(r(lambda: struct.calcsize(1)))
print(r(lambda: struct.calcsize(b'<ii')))
print(r(lambda: struct.calcsize(bytearray(b'<ii'))))
print(r(lambda: struct.calcsize(b'\x00')))
print(r(lambda: struct.calcsize(b'\xff')))
print(r(lambda: struct.iter_unpack('<h')))
print(r(lambda: struct.iter_unpack('<h', 'ab')))
s = struct.Struct('<h')
print(r(lambda: s.pack_into(b)), r(lambda: s.pack_into()), r(lambda: s.unpack()), r(lambda: s.unpack_from()), r(lambda: s.unpack_from(buffer=b'ab')), r(lambda: s.iter_unpack()))
print(r(lambda: s.pack(x=1)))
s2 = struct.Struct.__new__(struct.Struct)
print(r(lambda: s2.size), r(lambda: s2.format), r(lambda: repr(s2)), r(lambda: s2.pack()), r(lambda: s2.unpack(b'')))
s.__init__('>q'); print(s.size, s.format)
it = s.iter_unpack(b'\x00'*16); print(list(it), it.__length_hint__(), r(lambda: type(it)()))
print(struct.Struct('i').__sizeof__() > 0)
print(r(lambda: struct.pack('c', bytearray(b'x'))), r(lambda: struct.pack('s', memoryview(b'x'))))
t(lambda: struct.unpack("<3s2x0sc", b"abcdefg"))
print(r(lambda: struct.pack('<3s2x0sc', b'abc', b'', b'q')))

# --- every half-float bit pattern round-trips ---
bad = []
nans = 0
total = 0.0
for h in range(65536):
    (x,) = struct.unpack('<e', h.to_bytes(2, 'little'))
    if x != x:
        nans += 1
        continue
    total += abs(x) if abs(x) != float('inf') else 0
    if struct.pack('<e', x) != h.to_bytes(2, 'little'):
        bad.append(h)
print(nans, total, bad)
print([struct.pack('>e', x) for x in [0.1, 0.333, 1e-5, -1e-7, 1/3, 100.06, 5e-324, -5e-324]])
print([struct.unpack('>f', struct.pack('>f', x))[0] for x in [0.1, 1/3, 1e-40, 1e-46, -1e-45, 3.4e38]])

# --- native alignment and round trips of every format ---
fmt = '@c?bBhHiIlLqQnNefdP3s4p2x'
vals = (b'z', True, -5, 200, -300, 60000, -70000, 4000000000, -2**40, 2**63, -2**62, 2**64 - 1, -7, 2**63 + 5, 0.5, 0.25, 1e100, 12345, b'abc', b'xy')
for order in '@=<>!':
    f = order + fmt[1:] if order != '@' else fmt
    try:
        data = struct.pack(f, *vals)
        print(order, struct.calcsize(f), len(data), struct.unpack(f, data) == vals, data.hex())
    except struct.error as e:
        print(order, 'error', e)
std = '<c?bBhHiIlLqQefd3s4p2x'
sv = (b'z', False, -5, 200, -300, 60000, -70000, 4000000000, -2**31, 2**32 - 1, -2**62, 2**64 - 1, 0.5, 0.25, 1e100, b'abc', b'xy')
for order in '=<>!':
    f = order + std[1:]
    data = struct.pack(f, *sv)
    print(order, struct.calcsize(f), struct.unpack(f, data) == sv, data.hex())
print([struct.calcsize(f) for f in ['b', 'bh', 'bi', 'bq', 'bd', 'be', 'bf', 'b0q', 'qb', 'hb', 'xq', '3xq', 'cd', '5s q', '7p d', '?P', '@3b5h', '=3b5h']])

# --- Struct objects ---
s = struct.Struct('<2hq')
print(s.format, s.size, s.pack(1, 2, 3), s.unpack(s.pack(1, 2, 3)), repr(s), s.unpack_from(b'\x00' + s.pack(4, 5, 6), 1))
s = struct.Struct(b'>Ld')
print(s.format, type(s.format), s.size, s.pack(7, 1.5), list(s.iter_unpack(s.pack(1, 2.0) + s.pack(3, 4.0))))
buf = bytearray(20)
s.pack_into(buf, 4, 9, -0.5)
print(buf)


class MyStruct(struct.Struct):
    def __init__(self, *names):
        super().__init__('<' + 'i' * len(names))
        self.names = names

    def as_dict(self, data):
        return dict(zip(self.names, self.unpack(data)))


ms = MyStruct('a', 'b', 'c')
print(type(ms).__name__, ms.size, ms.format, ms.as_dict(ms.pack(1, 2, 3)), isinstance(ms, struct.Struct))


class Plain(struct.Struct):
    pass


p = Plain('>h')
p.extra = 5
print(p.size, p.extra, p.pack(-2), repr(p))
print(struct.pack('>q', -1), struct.unpack('>q', b'\x80' + b'\x00' * 7), struct.unpack('>Q', b'\xff' * 8))
t(lambda: struct.pack('1000000000000s', b''))
t(lambda: struct.pack('1000000000000x'))
t(lambda: struct.pack('99999999999b'))
t(lambda: struct.pack_into('1000000000000s', bytearray(1), 0, b''))
t(lambda: struct.unpack('1000000000000s', b''))
t(lambda: struct.unpack_from('1000000000000s', b'', 5))
t(lambda: list(struct.iter_unpack('1000000000000s', b'')))
t(lambda: struct.calcsize('9223372036854775807x'))
t(lambda: struct.calcsize('9223372036854775808x'))
t(lambda: struct.calcsize('9223372036854775807xb'))
t(lambda: struct.calcsize('b4611686018427387904h'))
t(lambda: struct.calcsize('b4611686018427387903h'))

# --- weak references and cycles through Struct subclasses ---
import gc
import weakref
s = struct.Struct('i')
w = weakref.ref(s)
del s
print(w() is None)
for i in range(3):
    p = Plain('i')
    p.me = p
    w = weakref.ref(p)
    del p
    gc.collect()
    print(w() is None)
it = struct.iter_unpack('b', b'abc')
print(list(it), list(it), it.__length_hint__())

# --- iter_unpack reads a bytearray live and keeps it from being resized ---
ba = bytearray(6)
it = struct.iter_unpack('h', ba)
ba[0] = 1
print(next(it), it.__length_hint__())
print(t(lambda: ba.append(1)), t(lambda: ba.clear()), len(ba))
print(list(it), it.__length_hint__(), t(lambda: ba.append(1)), len(ba))
ba2 = bytearray(4)
it2 = struct.iter_unpack('h', ba2)
del it2
print(t(lambda: ba2.append(1)), len(ba2))
ba3 = bytearray(4)
it3 = struct.iter_unpack('h', ba3)
class B(bytearray): pass
b4 = B(4); it4 = struct.iter_unpack('h', b4); b4.it = it4; del it4, b4; gc.collect(); print('ok')
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00')))
