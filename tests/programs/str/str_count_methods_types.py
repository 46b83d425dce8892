# method availability and return types
s = 'Hello'
methods = sorted(m for m in dir(str) if not m.startswith('_'))
print(len(methods))
print(methods)
print(type(s.split()).__name__, type(s.partition('l')).__name__, type(s.find('l')).__name__)
print(type(s.encode()).__name__, type(s.isalpha()).__name__, type(str.maketrans('a', 'b')).__name__)
print(str.upper('x'), str.join(',', 'ab'), str.__len__('abc'))
try:
    str.upper(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    str.upper()
except TypeError as e:
    print(type(e).__name__, e)
