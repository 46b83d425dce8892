# str.format with positional, keyword, index and attribute fields
class P:
    x = 3
    y = [10, 20]
    def __init__(self):
        self.name = 'pt'
print('{} {} {}'.format(1, 'two', 3.0))
print('{0} {1} {0}'.format('a', 'b'))
print('{name} is {age}'.format(name='Ann', age=30))
print('{0[1]} {0[0]}'.format(['x', 'y']), '{d[key]} {d[0]}'.format(d={'key': 'v', 0: 'zero'}))
print('{p.x} {p.y[1]} {p.name}'.format(p=P()))
print('{0!r} {0!s} {0!a}'.format('é'))
print('{:>10}|{:<10}|{:^10}|'.format('r', 'l', 'c'))
print('{0:{1}}|{0:{fill}{align}{width}}|'.format('x', 5, fill='*', align='^', width=7))
print('{{literal}} {}'.format('v'), '{{}}'.format(), '}}{{'.format())
print('{:.{prec}f}'.format(3.14159, prec=2), '{:{}{}}'.format(42, '+', 8))
print('{0.real} {0.imag}'.format(3 + 4j))
print('{!r:>8}'.format('a'))
print('{0:,} {0:_} {0:x} {0:#b}'.format(1234567))
print('{:%Y}'.format(__import__('datetime').date(2024, 5, 17)))
print('{:s}'.format('plain'), '{}'.format(None), '{}'.format([1, 'a']))
errors = ['{', '}', '{0', '{:', '{!x}', '{0!}', '{1}', '{a}', '{0[}', '{.}', '{0.}', '{:d}', '{:,s}',
          '{0:{1:{2}}}', '{} {0}', '{0} {}']
for fmt in errors:
    try:
        print(repr(fmt), '->', fmt.format('s'))
    except (ValueError, IndexError, KeyError, AttributeError, TypeError) as e:
        print(repr(fmt), type(e).__name__, e)
print('{0[a]}'.format({'a': 1}), '{0[-1]}'.format({'-1': 'str key'}))
