# partition and rpartition
for s in ['key=value', 'key=val=ue', 'novalue', '=start', 'end=', '', '==']:
    print(repr(s), s.partition('='), s.rpartition('='))
print('abcabc'.partition('bc'), 'abcabc'.rpartition('bc'), 'abc'.partition('abcd'))
try:
    'abc'.partition('')
except ValueError as e:
    print(type(e).__name__, e)
try:
    'abc'.rpartition(None)
except TypeError as e:
    print(type(e).__name__, e)
head, sep, tail = 'user@example.com'.partition('@')
print(head, sep, tail)
print(type('a'.partition('b')).__name__)
