# strings are immutable
s = 'hello'
try:
    s[0] = 'H'
except TypeError as e:
    print(type(e).__name__, e)
try:
    del s[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[1:3] = 'xx'
except TypeError as e:
    print(type(e).__name__, e)
try:
    s.foo = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    s.upper = None
except AttributeError as e:
    print(type(e).__name__, e)
t = s
s += ' world'
print(s, t)
print(s is not t)
s2 = 'x'
s2 *= 3
print(s2)
s[0] = 'J'
