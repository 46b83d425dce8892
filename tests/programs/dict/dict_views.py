# keys/values/items views and set operations
d = {'a': 1, 'b': 2, 'c': 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
print(len(k), 'a' in k, 1 in v, ('a', 1) in it, ('a', 2) in it, 'z' in k)
d['d'] = 4
print(list(k), list(v), list(it))
print(k & {'a', 'z'}, sorted(k | {'z'}), sorted(k - {'a'}), sorted(k ^ {'a', 'q'}))
print(it & {('a', 1), ('b', 0)}, sorted(it - {('a', 1)}))
print(k == {'a', 'b', 'c', 'd'}, k <= {'a', 'b', 'c', 'd', 'e'}, k < k, k.isdisjoint({'x'}))
print(v == v, v == d.values(), list(reversed(k)), list(reversed(v)), list(reversed(it)))
print(type(k).__name__, type(v).__name__, type(it).__name__, type(iter(k)).__name__)
print(k.mapping, d.items().mapping is d if False else type(k.mapping).__name__)
try:
    k[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    v & {1}
except TypeError as e:
    print(type(e).__name__, e)
print({'x': [1]}.items() & {('x', 1)} if False else 'skip')
try:
    {'x': [1]}.items() & {('x', 1)}
except TypeError as e:
    print(type(e).__name__, e)
print(sorted({1: 'a'}.keys() | [2, 3]), {}.keys() == set(), dict.fromkeys('ab').keys() - 'a')
print(d.values()[0])
