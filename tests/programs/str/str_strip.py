# strip, lstrip, rstrip with and without chars
s = ' \t\n hello world \r\n\x0b\x0c '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr('xxhixx'.strip('x')), repr('xyhiyx'.strip('xy')), repr('abchiabc'.lstrip('cba')))
print(repr('www.example.com'.strip('cmowz.')), repr('hello'.rstrip('lo')), repr('aaa'.strip('a')))
print(repr('  x  '.strip(None)), repr('--x--'.rstrip('-')), repr(''.strip()), repr('x'.strip('')))
print(repr('\u3000wide\u3000'.strip()), repr('\xa0nbsp\xa0'.strip()), repr('\u200bzw\u200b'.strip()))
print(repr('\x1c\x1d\x1e\x1fsep'.strip()))
try:
    'abc'.strip(1)
except TypeError as e:
    print(type(e).__name__, e)
print(repr('abc'.strip('')), repr('mississippi'.rstrip('ips')), repr('mississippi'.lstrip('mis')))
print(repr(' x '.lstrip(' ')), repr('xyx'.strip('y')), repr('\t\n'.strip()))
print(repr('abcba'.strip('ab')), repr('abcba'.lstrip('ba')), repr('abcba'.rstrip('ba')))
