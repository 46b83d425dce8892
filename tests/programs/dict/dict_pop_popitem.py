# pop and popitem
d = {'a': 1, 'b': 2, 'c': 3, 'd': 4}
print(d.pop('a'), d.pop('z', 'default'), d.pop('z', None), d)
try:
    d.pop('z')
except KeyError as e:
    print(type(e).__name__, e, repr(e), e.args)
print(d.popitem(), d.popitem(), d)
d['x'] = 10
d['y'] = 20
print(d.popitem(), d)
d.clear()
try:
    d.popitem()
except KeyError as e:
    print(type(e).__name__, e)
try:
    {}.pop()
except TypeError as e:
    print(type(e).__name__, e)
try:
    {}.pop((1, 2))
except KeyError as e:
    print(type(e).__name__, e)
e = {1: 'one'}
print(e.pop(1.0), e)
