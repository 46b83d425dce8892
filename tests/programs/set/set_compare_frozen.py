# comparisons between set and frozenset
s = {1, 2}
f = frozenset({1, 2, 3})
print(s < f, s <= f, f > s, f >= s, s == f, s != f, f == frozenset(s | {3}))
print(s.issubset(f), f.issuperset(s), {1, 2} == frozenset({2, 1}))
print(set.__lt__(s, f), s.__eq__([1, 2]), s == [1, 2], s < {1, 2, 3, 4})
print({1} < {2}, {1} > {2}, {1} <= {2}, sorted([{3}, {1}, {2}], key=min))
print(max([{1, 2}, {1}], key=len), {1, 2} > {1} > set())
print(frozenset() < {1}, frozenset({1}) <= {1}, {1} >= frozenset(), frozenset({1, 2}) ^ {2, 3})
print(type(frozenset({1}) & {1}).__name__, type({1} & frozenset({1})).__name__)
print({1, 2}.issubset(frozenset({1, 2})), frozenset({1}).isdisjoint({2}))
try:
    {1} < frozenset({1}) < 5
except TypeError as e:
    print(type(e).__name__, e)
