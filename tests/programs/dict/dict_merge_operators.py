# | and |= on dicts
a = {'x': 1, 'y': 2}
b = {'y': 20, 'z': 30}
print(a | b, b | a, a, b)
c = a.copy()
c |= b
print(c)
c |= [('w', 0)]
print(c)
c |= {}
print(c)
try:
    a | [('q', 1)]
except TypeError as e:
    print(type(e).__name__, e)
try:
    c |= 5
except TypeError as e:
    print(type(e).__name__, e)
from collections import OrderedDict, defaultdict
print(OrderedDict(a) | b, type(OrderedDict(a) | b).__name__, type(a | OrderedDict(b)).__name__)
dd = defaultdict(int, a)
print(type(dd | b).__name__, dd | b)
print({**a, **b}, {**b, 'extra': True})
