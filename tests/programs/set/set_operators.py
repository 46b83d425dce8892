# set operators on small ints
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [7]), a.intersection(b, {4}), a.difference(b, [1]), a.symmetric_difference([4, 9]))
print(a <= b, a < a, a <= a, {1} < a, a > {1, 2}, a >= a, a == {4, 3, 2, 1}, a != b)
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({9}), a.isdisjoint(b))
print({3, 1, 2}, {10, 5, 1, 7}, {100, 3, 50}, set(range(10, 0, -1)), {-1, -5, 3})
print(sorted(a | b), len(a | b), 3 in a, 9 not in a)
for fn in (lambda: a | [1], lambda: a & 'x', lambda: a - (1,), lambda: a < [1]):
    try:
        fn()
    except TypeError as e:
        print(type(e).__name__, e)
c = {1, 2}
c |= {3}
c &= {2, 3, 4}
c -= {2}
c ^= {5, 3}
print(c)
print(set() == frozenset(), {1, 2} == frozenset({1, 2}), set() < {0})
print({1, 2} + {3})
