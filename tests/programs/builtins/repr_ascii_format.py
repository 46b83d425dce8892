# repr, ascii, format builtins
print(repr(1), repr('a'), repr([1, 'b']), repr(None), repr(1.0), repr(b'x'), repr({'k': (1,)}))
print(ascii('é'), ascii([1, 'ü']), ascii('plain'))
print(format(3.14159, '.2f'), format(42), format('x', '>3'), format(255, '#x'), format(1234567, ','))
class Custom:
    def __format__(self, spec):
        return f'Custom<{spec}>'
    def __repr__(self):
        return 'Custom()'
print(format(Custom(), 'abc'), f'{Custom():xyz}', '{:q}'.format(Custom()), repr(Custom()), str(Custom()))
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)
class BadFormat:
    def __format__(self, spec):
        return 1
try:
    format(BadFormat())
except TypeError as e:
    print(type(e).__name__, e)
try:
    format(1, 5)
except TypeError as e:
    print(type(e).__name__, e)
print(format(None), format(True), format([1, 2]), format((1,), ''))
try:
    format(None, 'x')
except TypeError as e:
    print(type(e).__name__, e)
