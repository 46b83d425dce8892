# Argument parsing of _struct, binascii and _random functions: keywords, arity and
# conversion errors with CPython's messages.
import struct, binascii, _random


def t(f):
    try: return repr(f())
    except Exception as e: return f"{type(e).__name__}: {e}"
cases = [
 lambda: struct.unpack_from(format='<h', buffer=b'ab'),
 lambda: struct.unpack_from('<h', b'ab', offset=0, buffer=b'x'),
 lambda: struct.unpack_from('<h', b'abc', ofset=1),
 lambda: struct.calcsize(format='i'),
 lambda: struct.pack('i', 1, x=2),
 lambda: struct.pack_into('i', bytearray(4), 0, 1, x=2),
 lambda: struct.unpack('i', b'abcd', x=1),
 lambda: struct.iter_unpack('i', b'abcd', x=1),
 lambda: struct.Struct('i').unpack(b'abcd', x=1),
 lambda: struct.Struct('i').unpack_from(b'abcd', 0, 1),
 lambda: struct.Struct('i').iter_unpack(b'abcd', 1),
 lambda: struct.Struct('i').pack_into(bytearray(4), 0, 1, x=1),
 lambda: struct.Struct('i', format='i'),
 lambda: struct.Struct(fmt='i'),
 lambda: struct._clearcache(1),
 lambda: binascii.hexlify(),
 lambda: binascii.hexlify(b'a', ':', 1, 2),
 lambda: binascii.hexlify(b'a', spe=':'),
 lambda: binascii.b2a_base64(b'a', newline=True, x=1),
 lambda: binascii.b2a_base64(data=b'a'),
 lambda: binascii.a2b_base64(b'YQ==', strict_mode=[]),
 lambda: binascii.a2b_qp(),
 lambda: binascii.a2b_qp(b'a', True, 1),
 lambda: binascii.b2a_qp(b'a', 1, 2, 3, 4),
 lambda: binascii.crc32(b'a', 1, 2),
 lambda: binascii.crc32(b'a', crc=1),
 lambda: binascii.crc_hqx(b'a', 1, 2),
 lambda: binascii.a2b_uu(b'a', b'b'),
 lambda: binascii.b2a_uu(b'a', True),
 lambda: binascii.unhexlify(hexstr=b'00'),
 lambda: binascii.a2b_hex(),
 lambda: _random.Random().getrandbits(),
 lambda: _random.Random().getrandbits(k=3),
 lambda: _random.Random().setstate(),
 lambda: _random.Random().seed(1, x=2),
 lambda: _random.Random.seed(),
 lambda: _random.Random.getstate(),
 lambda: _random.Random.random(),
 lambda: _random.Random().random(x=1),
 lambda: binascii.b2a_hex(b'abc', sep=None),
 lambda: binascii.b2a_hex(b'abc', bytes_per_sep=True, sep='/'),
 lambda: binascii.b2a_hex(b'abc', '/', 1.0),
]
for c in cases: print(t(c))
