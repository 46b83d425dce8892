# repr of recursive dicts
d = {}
d['self'] = d
print(d)
a = {'name': 'a'}
b = {'name': 'b', 'peer': a}
a['peer'] = b
print(a)
print(b)
l = [d]
print(l)
d2 = {1: [2, {3: None}]}
d2[1][1][3] = d2
print(d2)
print(repr({}), repr({'k': 'v'}), str({1: (2,)}), repr({'q': "it's"}))
from collections import OrderedDict
o = OrderedDict()
o['o'] = o
print(o)
