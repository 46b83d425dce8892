# edge cases of str methods with empty strings and unicode
print(repr(''.upper()), repr(''.title()), repr(''.capitalize()), repr(''.swapcase()))
print(repr(''.center(0)), repr(''.zfill(0)), repr(''.expandtabs()), repr(''.strip('x')))
print(''.isalpha(), ''.isspace(), ''.isidentifier(), ''.isprintable(), ''.isascii(), ''.istitle())
print('ǆ'.capitalize(), 'ǆ'.title(), 'ﬃ'.upper(), 'ﬃ'.title(), 'ﬃ'.capitalize())
print('İ'.lower(), len('İ'.lower()), 'ΌΣΟΣ'.lower(), 'ΑΣ ΒΣ'.lower())
print('hello world'.title(), 'HELLO 2WORLD'.title(), 'hello\tworld'.title())
print('a1b2'.title(), 'αβγ'.title(), 'ßa'.title(), 'ßa'.capitalize())
print('ɐ'.upper(), 'Ɐ'.lower(), 'ǈ'.swapcase(), 'ǉ'.title())
print('hello_world'.title(), 'x-ray'.capitalize(), "it's".title())
print('ΣΑΣ'.swapcase(), 'aΣ'.lower(), 'Σa'.lower(), 'aΣb'.lower())
for s in ['ß', 'ﬀ', 'ŉ', 'ǰ']:
    print(repr(s), len(s.upper()), s.upper().lower())
print('İ'.casefold(), len('İ'.casefold()))
