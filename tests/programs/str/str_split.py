# str.split and str.rsplit
s = '  a  b c   d  '
print(s.split())
print(s.split(' '))
print(s.split(None, 1), s.split(maxsplit=2))
print(s.rsplit(None, 1), s.rsplit(maxsplit=2))
print('a,b,,c,'.split(','), 'a,b,,c,'.split(',', 2), 'a,b,,c,'.rsplit(',', 2))
print(''.split(), ''.split(','), '   '.split(), '   '.split(' '))
print('abc'.split('abc'), 'aXbXXc'.split('XX'), 'aaa'.split('a'), 'aaaa'.split('aa'))
print('a b c'.split(' ', 0), 'a b c'.split(' ', -1), 'a b c'.rsplit(' ', 0))
print('one\ttwo\nthree\x0bfour\x0cfive\rsix\x1cseven\u2003eight'.split())
print('1<>2<>3'.rsplit('<>', 1), 'x'.split('x'), 'xyx'.rsplit('x'))
print('a.b.c'.split(sep='.', maxsplit=1))
try:
    'abc'.split('')
except ValueError as e:
    print(type(e).__name__, e)
try:
    'abc'.rsplit('')
except ValueError as e:
    print(type(e).__name__, e)
try:
    'abc'.split(1)
except TypeError as e:
    print(type(e).__name__, e)
print('  lead'.split(' '), 'trail  '.rsplit(' ', 1))
print('ä ö ü'.split(), 'naïve café'.rsplit(None, 1))
