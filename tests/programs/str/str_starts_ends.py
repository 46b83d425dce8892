# startswith / endswith with tuples and ranges
s = 'hello world'
print(s.startswith('hello'), s.startswith('world'), s.startswith('world', 6), s.startswith('lo', 3, 5))
print(s.endswith('world'), s.endswith('hello', 0, 5), s.endswith('o', 0, -6), s.endswith('', 20))
print(s.startswith(('x', 'he')), s.startswith(()), s.endswith(('ld', 'zz')), s.endswith(('a', 'b')))
print(s.startswith(''), ''.startswith(''), ''.endswith('a'), s.startswith('', 11), s.startswith('', 12))
print(s.startswith('h', -11), s.startswith('w', -5), s.endswith('w', None, -4))
try:
    s.startswith(['he'])
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(s.endswith(('ld', 5)))
    s.endswith((5, 'ld'))
except TypeError as e:
    print(type(e).__name__, e)
try:
    s.startswith(None)
except TypeError as e:
    print(type(e).__name__, e)
