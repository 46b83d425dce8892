# collections.OrderedDict
from collections import OrderedDict
o = OrderedDict([('a', 1), ('b', 2), ('c', 3)])
print(o, list(o))
o.move_to_end('a')
print(list(o))
o.move_to_end('c', last=False)
print(list(o))
print(o.popitem(), o.popitem(last=False), o)
o['x'] = 9
o['y'] = 10
print(o == OrderedDict([('b', 2), ('x', 9), ('y', 10)]), o == OrderedDict([('x', 9), ('b', 2), ('y', 10)]))
print(o == {'y': 10, 'x': 9, 'b': 2}, dict(o) == {'y': 10, 'x': 9, 'b': 2})
try:
    o.move_to_end('zz')
except KeyError as e:
    print(type(e).__name__, e)
try:
    OrderedDict().popitem()
except KeyError as e:
    print(type(e).__name__, e)
print(repr(OrderedDict()), list(reversed(o)), o.copy(), type(o.copy()).__name__)
