# get and setdefault
d = {'a': 1, 'b': None}
print(d.get('a'), d.get('z'), d.get('z', 0), d.get('b', 'dflt'), d.get('a', 99))
print(d.setdefault('a', 100), d.setdefault('c', []), d.setdefault('d'), d)
d.setdefault('c', []).append(1)
d.setdefault('c', []).append(2)
print(d)
try:
    d.get()
except TypeError as e:
    print(type(e).__name__, e)
try:
    d.get([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    d.setdefault({}, 1)
except TypeError as e:
    print(type(e).__name__, e)
print(d.get(1, 'none'), {1: 'x'}.get(1.0), {1: 'x'}.get(True))
try:
    d.get('a', 1, 2)
except TypeError as e:
    print(type(e).__name__, e)
