# equality versus identity; sys.intern
import sys
a = ''.join(['hel', 'lo'])
b = 'hello'
print(a == b, sys.intern(a) is sys.intern(b), sys.intern(b) is b)
c = sys.intern(a)
print(c == 'hello', type(c).__name__)
try:
    sys.intern(5)
except TypeError as e:
    print(type(e).__name__, e)
class S(str):
    pass
try:
    sys.intern(S('x'))
except TypeError as e:
    print(type(e).__name__, e)
print('' == str(), len(''), bool(''))
