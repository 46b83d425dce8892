# int() with objects implementing __int__, __index__, __trunc__
class I:
    def __int__(self):
        return 7
class X:
    def __index__(self):
        return 9
class F:
    def __float__(self):
        return 2.5
print(int(I()), int(X()))
try:
    int(F())
except TypeError as e:
    print(type(e).__name__, e)
class Sub(int):
    def __repr__(self):
        return 'Sub(%d)' % int(self)
s = Sub(5)
print(repr(s), s + 1, type(s + 1).__name__, int(s), type(int(s)).__name__)
print(Sub('12', 8), Sub())
print(int('10', base=2), int(x='11') if False else 'skip')
try:
    int(x='5')
except TypeError as e:
    print(type(e).__name__, e)
try:
    int('5', 10, 1)
except TypeError as e:
    print(type(e).__name__, e)
class BadInt:
    def __int__(self):
        return 'nope'
try:
    int(BadInt())
except TypeError as e:
    print(type(e).__name__, e)
print(int(-0.0), int(1e20), int(1.5e30))
try:
    int(float('nan'))
except ValueError as e:
    print(type(e).__name__, e)
print(int.__name__, int.__qualname__, int.__module__ if hasattr(int, '__module__') else '')
print(int.__new__(int, 5), int.__new__(Sub, 6))
