# hex and fromhex
b = b'\x00\x01\xab\xff\x10'
print(b.hex(), b.hex(':'), b.hex('-', 2), b.hex(' ', -2), b.hex(':', 1), b.hex('_', 5), b.hex('|', 10))
print(bytearray(b).hex(), memoryview(b).hex(), b''.hex(), b''.hex(':'))
print(bytes.fromhex(''), bytes.fromhex('  '), bytes.fromhex('0a0B'), bytes.fromhex('\t0a\n0b '))
print(bytes.fromhex(b.hex()) == b)
for bad in ('0', 'zz', '0 a', 'ab cd e'):
    try:
        bytes.fromhex(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    b.hex('::')
except ValueError as e:
    print(type(e).__name__, e)
try:
    b.hex('é')
except ValueError as e:
    print(type(e).__name__, e)
