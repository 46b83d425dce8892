# builtins commonly applied to lists
a = [3, 1, 4, 1, 5, 9, 2, 6]
print(len(a), min(a), max(a), sum(a), sorted(a)[:3], any(a), all(a), all([]), any([]))
print(list(enumerate(a, 1))[:2], list(zip(a, a[1:]))[:2], list(filter(None, [0, 1, '', 'x'])))
print(list(map(lambda x: x * 2, a)), 5 in a, 7 not in a, a.index(5))
print(bool([]), bool([0]), [] == list(), [1, 2, 3][1:2] == [2])
print(list(reversed(a)), sum([[1], [2]], []), [x for x in a if x > 3])
print(hasattr([], '__hash__'), [].__hash__ is None)
try:
    hash([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    {[1]: 2}
except TypeError as e:
    print(type(e).__name__, e)
print(a.__len__(), a.__getitem__(0), a.__contains__(9), list.__name__)
print(dir(list) == sorted(dir(list)), [m for m in dir(list) if not m.startswith('_')])
