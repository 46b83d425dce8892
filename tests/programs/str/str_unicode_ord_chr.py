# unicode: lengths, ord/chr, surrogates
print(len('a'), len('é'), len('e\u0301'), len('😀'), len('👨‍👩‍👧'), len('\U0010ffff'))
print(ord('a'), ord('é'), ord('€'), ord('😀'), ord('\x00'), ord('\U0010ffff'))
print(chr(97), chr(0xe9), chr(0x20ac), chr(0x1f600), repr(chr(0)), repr(chr(0xd800)))
print(chr(0x10ffff) == '\U0010ffff', '\N{GREEK SMALL LETTER ALPHA}', '\N{SNOWMAN}')
s = '\ud800'
print(len(s), repr(s), s.isprintable(), ord(s), hex(ord('\udfff')))
print(len('\ud83d\ude00'), '\ud83d\ude00' == '😀')
for fn in (lambda: ord(''), lambda: ord('ab'), lambda: ord(b'ab'), lambda: ord(1)):
    try:
        fn()
    except TypeError as e:
        print(type(e).__name__, e)
for v in [-1, 0x110000, 2 ** 40]:
    try:
        chr(v)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    chr('a')
except TypeError as e:
    print(type(e).__name__, e)
try:
    chr(1.5)
except TypeError as e:
    print(type(e).__name__, e)
print(ord(b'a'), ord(bytearray(b'z')))
import unicodedata
print(unicodedata.name('é'), unicodedata.category('A'), unicodedata.normalize('NFC', 'e\u0301') == 'é')
print(sorted('bAéa'), 'é' > 'f', max('abc😀'))
