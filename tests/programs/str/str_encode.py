# str.encode with encodings and error handlers
s = 'héllo €😀'
print(s.encode(), s.encode('utf-8'), s.encode('utf-16-le'), len(s.encode('utf-32')))
for errors in ['strict', 'ignore', 'replace', 'xmlcharrefreplace', 'backslashreplace', 'namereplace']:
    try:
        print(errors, s.encode('ascii', errors))
    except UnicodeEncodeError as e:
        print(errors, type(e).__name__, e)
print(s.encode('latin-1', 'replace'), 'abc'.encode('ascii'), ''.encode())
try:
    s.encode('latin-1')
except UnicodeEncodeError as e:
    print(type(e).__name__, e, e.start, e.end, repr(e.object[e.start:e.end]), e.encoding, e.reason)
try:
    'x'.encode('no-such-codec')
except LookupError as e:
    print(type(e).__name__, e)
try:
    '\ud800'.encode('utf-8')
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
print('\ud800'.encode('utf-8', 'surrogatepass'), '\udcff'.encode('utf-8', 'surrogateescape'))
print('caf\xe9'.encode('cp1252'), 'ÿ'.encode('latin1'), 'abc'.encode(encoding='UTF8'))
print(b'h\xc3\xa9llo'.decode(), b'\xff'.decode('latin-1'))
