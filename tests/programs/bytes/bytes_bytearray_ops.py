# bytearray supports bytes methods returning bytearray
ba = bytearray(b'Hello World')
print(ba.upper(), ba.lower(), ba.split(), ba.replace(b'o', b'0'), ba.strip(b'Hd'))
print(type(ba.upper()).__name__, type(ba.split()[0]).__name__, type(ba[0:2]).__name__)
print(ba.find(b'World'), ba.count(b'l'), ba.startswith(b'Hell'), ba.decode(), ba.hex(' '))
print(bytearray(b'a,b').partition(b','), bytearray(b' x ').strip())
print(bytearray(b'abc') == b'abc', bytearray(b'abc') < b'abd', b'abc' in bytearray(b'xabcx'))
print(bytes(ba) is ba, bytes(ba) == ba, ba * 2, bytearray(b'-').join([b'a', b'b']))
ba2 = bytearray(b'abc')
alias = ba2
ba2 += b'd'
print(alias, alias is ba2)
b2 = b'abc'
alias2 = b2
b2 += b'd'
print(alias2, alias2 is b2)
print(ba.isupper(), ba.istitle(), bytearray(b'123').isdigit())
print(ba.__alloc__() >= len(ba))
