# common bytes methods
b = b'  Hello, World  '
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b' Hd'), b.upper(), b.lower(), b.swapcase())
print(b.split(), b.split(b','), b.split(b'l', 1), b.rsplit(b'l', 1), b'a\nb\r\nc'.splitlines())
print(b'-'.join([b'a', bytearray(b'b'), memoryview(b'c')]), b''.join([]))
print(b.replace(b'l', b'L'), b.replace(b'l', b'L', 2), b.find(b'o'), b.rfind(b'o'), b.find(111))
print(b.index(b'W'), b.count(b'l'), b.count(108), b.startswith(b'  H'), b.endswith((b'x', b'  ')))
print(b.partition(b','), b.rpartition(b'o'), b'abc'.center(9, b'*'), b'7'.zfill(3))
print(b'hello world'.title(), b'hello'.capitalize(), b'abc'.isalpha(), b'12'.isdigit(), b'  '.isspace())
print(b'Ab1'.isalnum(), b'abc'.islower(), b'ABC'.isupper(), b'Title Case'.istitle(), b'\x80'.isascii())
print(b'a\tb'.expandtabs(4), b'abc'.translate(bytes.maketrans(b'abc', b'xyz')), b'abc'.translate(None, b'b'))
print(b'TestCase'.removeprefix(b'Test'), b'file.py'.removesuffix(b'.py'), b'x'.ljust(3, b'-'), b'x'.rjust(3))
print(b'h\xc3\xa9'.decode(), b'abc'.decode('ascii'), b'\xff\xfe'.decode('latin-1'))
for errors in ('replace', 'ignore', 'backslashreplace', 'surrogateescape'):
    print(errors, repr(b'a\xffb'.decode('utf-8', errors)))
try:
    b'a\xffb'.decode()
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    b'\xe9'.decode('ascii')
except UnicodeDecodeError as e:
    print(type(e).__name__, e, e.start, e.end, e.object)
for fn in (lambda: b'abc'.find('a'), lambda: b'abc' + 'd', lambda: b'a'.join(['x']),
           lambda: b'abc'.split('b'), lambda: 'a' in b'abc', lambda: b'abc'.index(b'z')):
    try:
        fn()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(256 in b'' if False else 97 in b'abc', b'bc' in b'abc')
try:
    256 in b'abc'
except ValueError as e:
    print(type(e).__name__, e)
