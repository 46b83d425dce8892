# collections.defaultdict
from collections import defaultdict
dd = defaultdict(list)
dd['a'].append(1)
dd['a'].append(2)
dd['b']
print(dd, dict(dd), len(dd), dd.default_factory)
counts = defaultdict(int)
for w in 'the cat and the hat and the bat'.split():
    counts[w] += 1
print(counts)
print('missing' in counts, counts.get('missing'), len(counts))
nested = defaultdict(lambda: defaultdict(int))
nested['x']['y'] += 5
print(dict(nested['x']), list(nested))
none_dd = defaultdict()
try:
    none_dd['k']
except KeyError as e:
    print(type(e).__name__, e)
try:
    defaultdict(5)
except TypeError as e:
    print(type(e).__name__, e)
s = defaultdict(set, {'init': {1}})
s['init'].add(2)
s['new'].add(3)
print(s)
print(repr(defaultdict(int)), type(defaultdict(int).copy()).__name__)
