# pairwise, starmap, tee, zip_longest
from itertools import pairwise, starmap, tee, zip_longest
print(list(pairwise('ABCD')), list(pairwise('A')), list(pairwise([])), list(pairwise(range(4))))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(lambda *a: sum(a), [(), (1,), (1, 2, 3)])))
print(list(starmap(str.upper, ['ab', 'cd'])) if False else list(starmap(max, ['ab', 'cd'])))
a, b = tee(iter([1, 2, 3]))
print(next(a), next(a), list(b), list(a))
x, y, z = tee('hi', 3)
print(list(x), list(y), list(z))
print(tee([], 0), len(tee('a')))
try:
    tee('a', -1)
except ValueError as e:
    print(type(e).__name__, e)
t1, t2 = tee(range(3))
t3, = tee(t1, 1)
print(list(t3), list(t2), type(t1).__name__)
print(list(zip_longest('ABCD', 'xy')), list(zip_longest('AB', 'xyz', fillvalue='-')), list(zip_longest()))
print(list(zip_longest([1], [], [2, 3], fillvalue=0)))
try:
    zip_longest('a', 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    list(starmap(pow, [1, 2]))
except TypeError as e:
    print(type(e).__name__, e)
