# str.replace including count and empty patterns
s = 'one two one two one'
print(s.replace('one', '1'), s.replace('one', '1', 2), s.replace('one', '1', 0), s.replace('one', '1', -1))
print(s.replace('three', '3'), s.replace(' ', ''), s.replace('o', 'OO', 1))
print('abc'.replace('', '-'), 'abc'.replace('', '-', 2), ''.replace('', 'x'), ''.replace('a', 'b'))
print('aaa'.replace('a', ''), 'aaaa'.replace('aa', 'b'), 'abab'.replace('ab', 'abab'))
print('x'.replace('x', 'y' * 5), 'ÄÖÜ'.replace('Ö', 'oe'))
print('hello'.replace('l', 'L', count=1))
try:
    'abc'.replace('a')
except TypeError as e:
    print(type(e).__name__, e)
try:
    'abc'.replace('a', 1)
except TypeError as e:
    print(type(e).__name__, e)
print(type('abc'.replace('z', 'y')).__name__)
