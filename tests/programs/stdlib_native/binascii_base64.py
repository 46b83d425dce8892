# binascii: hex (with separators), base64 (strict and lenient), quoted-printable,
# uuencode, CRCs, str input for a2b_* functions, error types and messages; and the
# pure-Python users base64 and quopri on top of it.
import binascii


def t(f):
    try:
        return repr(f())
    except Exception as e:
        return f"{type(e).__module__}.{type(e).__name__}: {e}"


print(binascii.Error, binascii.Error.__mro__, binascii.Incomplete.__mro__, sorted(k for k in dir(binascii) if not k.startswith('__')))
print(t(lambda: binascii.hexlify(b'\x01\xab\xff')), t(lambda: binascii.b2a_hex(b'abc', '-')), t(lambda: binascii.hexlify(b'abcdef', b':', 2)), t(lambda: binascii.hexlify(b'abcdef', ':', -2)), t(lambda: binascii.hexlify(b'abcde', ':', 2)), t(lambda: binascii.hexlify(b'abcde', ':', -2)))
print(t(lambda: binascii.hexlify('abc')), t(lambda: binascii.hexlify(b'ab', '::')), t(lambda: binascii.hexlify(b'ab', 'é')), t(lambda: binascii.hexlify(b'ab', 1)), t(lambda: binascii.hexlify(b'', ':')), t(lambda: binascii.hexlify(b'abc', ':', 0)), t(lambda: binascii.hexlify(b'abc', sep=':', bytes_per_sep=5)), t(lambda: binascii.hexlify(data=b'a')))
print(t(lambda: binascii.hexlify(bytearray(b'ab'))), t(lambda: binascii.hexlify(memoryview(b'ab'))), t(lambda: binascii.hexlify(b'ab', ':', 2**70)))
print(t(lambda: binascii.unhexlify(b'01abFF')), t(lambda: binascii.unhexlify('01abff')), t(lambda: binascii.unhexlify('01abf')), t(lambda: binascii.unhexlify('01xy')), t(lambda: binascii.a2b_hex('é1')), t(lambda: binascii.unhexlify(1)), t(lambda: binascii.unhexlify(bytearray(b'00'))))
print(t(lambda: binascii.b2a_base64(b'hello world')), t(lambda: binascii.b2a_base64(b'hi', newline=False)), t(lambda: binascii.b2a_base64(b'')), t(lambda: binascii.b2a_base64('hi')), t(lambda: binascii.b2a_base64(b'x', False)))
for s in [b'aGVsbG8gd29ybGQ=\n', b'aGVsbG8', b'aGVsbG8=', b'aGVsbG8==', b'aGVs bG8=', b'a', b'ab', b'abc', b'abcd', b'=abc', b'ab=c', b'ab==c', b'ab==', b'ab===', b'aGVsbG8=extra', '', 'aGk=', 'aGké', b'\xff\xfe', b'YQ==YQ==', b'a===', b'====', b'abcde', b'abcdef', b'abcdefg']:
    print(s, t(lambda: binascii.a2b_base64(s)), t(lambda: binascii.a2b_base64(s, strict_mode=True)))
print(t(lambda: binascii.crc32(b'hello')), t(lambda: binascii.crc32(b'hello', 12345)), t(lambda: binascii.crc32(b'hello', -1)), t(lambda: binascii.crc32(b'hello', 2**40)), t(lambda: binascii.crc32('hello')), t(lambda: binascii.crc32(b'')))
print(t(lambda: binascii.crc_hqx(b'hello', 0)), t(lambda: binascii.crc_hqx(b'hello', 0xffff)), t(lambda: binascii.crc_hqx(b'hello', -1)), t(lambda: binascii.crc_hqx(b'hello', 2**40)), t(lambda: binascii.crc_hqx(b'hello')))
for s in [b'hello world', b'a=b\tc \n', b'line with trailing space \nnext', b'\xff\x00\x80', b'x'*100, b'.\n', b'a\r\nb', b'From x', b' ', b'\t\n', b'a'*75 + b'=', b'=' * 30]:
    print(s, t(lambda: binascii.b2a_qp(s)), t(lambda: binascii.b2a_qp(s, quotetabs=True)), t(lambda: binascii.b2a_qp(s, istext=False)), t(lambda: binascii.b2a_qp(s, header=True)))
for s in [b'hello=20world', b'a=\nb', b'a=\r\nb', b'=41=4g=', b'under_score', b'=', b'==', b'=4', b'a =  \nb', 'str=41', b'=\n', b'abc=', b'=4x']:
    print(s, t(lambda: binascii.a2b_qp(s)), t(lambda: binascii.a2b_qp(s, header=True)))
for s in [b'', b'a', b'hello world', b'x'*45, b'x'*46]:
    print(s[:5], t(lambda: binascii.b2a_uu(s)), t(lambda: binascii.b2a_uu(s, backtick=True)))
for s in [b'+:&5L;&\\\n', b'', b'\n', b' ', b'!80``\n', b'!80  \n', b'#86)C\n', b'$86)C', b'M' + b'x'*70, b'!80xx\n', b'&86)C=V]L\n', b'%86)C', 'abc', b'\x7f']:
    print(s, t(lambda: binascii.a2b_uu(s)))
print(t(lambda: binascii.b2a_uu(b'x'*46)), t(lambda: binascii.b2a_base64()), t(lambda: binascii.a2b_base64(b'a', True)))
print(binascii.Error('x').__class__.__module__, binascii.Incomplete)
print(t(lambda: binascii.hexlify(b'ab', 'Ā')), t(lambda: binascii.hexlify(b'ab', '€')), t(lambda: binascii.hexlify(b'abc', bytearray(b'-'))), t(lambda: binascii.crc32(b'a', 1.5)), t(lambda: binascii.crc32(b'a', '1')), t(lambda: binascii.crc_hqx(b'a', 1.0)))
print(t(lambda: binascii.a2b_base64(b'abcd=')), t(lambda: binascii.a2b_base64(b'abcd=', strict_mode=True)), t(lambda: binascii.a2b_base64(b'abcd', strict_mode=1)), t(lambda: binascii.a2b_base64(b'ab\n==', strict_mode=True)), t(lambda: binascii.a2b_base64(b'ab=\n=', strict_mode=True)))
print(t(lambda: binascii.b2a_qp(data=b'a', quotetabs=1, istext=0, header=0)), t(lambda: binascii.a2b_qp(data=b'a_b', header=1)), t(lambda: binascii.b2a_uu(b'abc', backtick=1)), t(lambda: binascii.b2a_uu(data=b'abc')), t(lambda: binascii.a2b_uu(data=b'abc')))
print(t(lambda: binascii.hexlify(b'abcdef', sep='-', bytes_per_sep=3)), t(lambda: binascii.hexlify(b'abcdef', '-', 6)), t(lambda: binascii.hexlify(b'abcdef', '-', -7)), t(lambda: binascii.hexlify(b'abcdef', bytes_per_sep=2)), t(lambda: binascii.hexlify(b'a', None)))
print(t(lambda: binascii.b2a_base64(b'\xff'*10)), t(lambda: binascii.a2b_base64(b'+/+/')), t(lambda: binascii.a2b_base64(b'-_-_')), t(lambda: binascii.unhexlify(b'')), t(lambda: binascii.unhexlify()), t(lambda: binascii.crc32()), t(lambda: binascii.a2b_hex(memoryview(b'ab'))))
print(t(lambda: binascii.b2a_qp(b'a\nb\r\nc')), t(lambda: binascii.b2a_qp(b'a \r\nb')), t(lambda: binascii.b2a_qp(b'\x00.')),t(lambda: binascii.b2a_qp(b'.')), t(lambda: binascii.b2a_qp(b'a\r')), t(lambda: binascii.b2a_qp(b'x'*75+b'\n')), t(lambda: binascii.b2a_qp(b'x'*76)), t(lambda: binascii.b2a_qp(b'x'*77)), t(lambda: binascii.b2a_qp('abc')))
import base64, quopri
print(base64.b64encode(b'hello'), base64.b64decode('aGVsbG8='), base64.urlsafe_b64encode(b'\xff\xfe'), base64.b32encode(b'hello'), base64.b16encode(b'hi'), base64.b85encode(b'hello'), base64.a85encode(b'hello'), base64.b32decode(b'NBSWY3DP'), base64.b64decode(b'aGVsbG8', validate=False) if False else '')
print(quopri.encodestring(b'hello = world\t\n'), quopri.decodestring(b'hello =3D world'))
print(t(lambda: base64.b64decode(b'a')), t(lambda: base64.b64decode(b'a!==', validate=True)))

# --- round trips and larger inputs ---
data = bytes(range(256)) * 3
print(binascii.a2b_base64(binascii.b2a_base64(data)) == data, binascii.b2a_base64(data)[:40])
print(binascii.unhexlify(binascii.hexlify(data)) == data, binascii.crc32(data), binascii.crc_hqx(data, 0))
print(binascii.a2b_qp(binascii.b2a_qp(data)) == data, binascii.b2a_qp(data)[:120])
print(binascii.a2b_qp(binascii.b2a_qp(data, quotetabs=True, istext=False, header=True), header=True) == data)
uu = b''.join(binascii.b2a_uu(data[i:i + 45]) for i in range(0, len(data), 45))
print(b''.join(binascii.a2b_uu(line) for line in uu.splitlines(True)) == data, uu[:70])
for n in range(0, 10):
    chunk = data[:n]
    print(n, binascii.b2a_base64(chunk, newline=False), binascii.b2a_uu(chunk), binascii.hexlify(chunk, '.', -3))
crc = 0
for i in range(0, len(data), 100):
    crc = binascii.crc32(data[i:i + 100], crc)
print(crc == binascii.crc32(data), binascii.crc32(b'The quick brown fox jumps over the lazy dog'))
print(binascii.crc_hqx(b'123456789', 0), binascii.crc_hqx(b'123456789', 0xffff), binascii.crc32(b'123456789'))
print(binascii.b2a_qp(b'=\xe9t\xe9 ' * 20), binascii.b2a_qp(b'a' * 80 + b'\r\n' + b'b' * 10))

import base64
import quopri
print(base64.b64encode(data[:50]), base64.b64decode(base64.b64encode(data)) == data, base64.standard_b64decode('AAEC'))
print(base64.urlsafe_b64decode(b'__4='), base64.b32decode(base64.b32encode(data)) == data, base64.b32hexencode(b'abc'))
print(base64.b16decode(b'4869'), base64.b16decode('4869'), base64.b85decode(base64.b85encode(data)) == data, base64.a85decode(base64.a85encode(data)) == data)
print(base64.encodebytes(data[:100]), base64.decodebytes(base64.encodebytes(data)) == data)
print(t(lambda: base64.b64decode('YQ', validate=True)), t(lambda: base64.b64decode(b'Y!Q==', validate=True)), t(lambda: base64.b16decode(b'zz')), t(lambda: base64.b32decode(b'A')))
print(quopri.encodestring(b'caf\xc3\xa9 = 1\t\nend '), quopri.decodestring(b'caf=C3=A9 =3D 1=09\nend=20'), quopri.encodestring(b'a b', quotetabs=True, header=True))
