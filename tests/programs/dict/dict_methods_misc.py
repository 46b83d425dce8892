# misc dict behaviour: len, in, del, iteration, equality, reversed
d = {'one': 1, 'two': 2, 'three': 3}
print(len(d), 'one' in d, 1 in d, 'four' not in d, list(reversed(d)), list(reversed(d.items())))
del d['two']
print(d, d == {'three': 3, 'one': 1}, d != {}, bool({}), bool(d))
for k in d:
    print(k, d[k])
for k, v in sorted(d.items()):
    print(k, v)
print(list(iter(d)), [m for m in dir(dict) if not m.startswith('_')])
try:
    d < d
except TypeError as e:
    print(type(e).__name__, e)
try:
    d + d
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash(d)
except TypeError as e:
    print(type(e).__name__, e)
print(max({'a': 3, 'b': 1}), min({'a': 3, 'b': 1}, key=lambda k: {'a': 3, 'b': 1}[k]))
print({1: 'a'}.__getitem__(1), dict.__len__({1: 2}), dict.__contains__({1: 2}, 1))
print(type({}.keys()).__name__, {}.__class__.__name__)
