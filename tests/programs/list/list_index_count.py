# index with ranges, count
a = ['a', 'b', 'c', 'a', 'b', 'a']
print(a.index('a'), a.index('a', 1), a.index('a', 4), a.index('b', -3), a.index('a', -1), a.index('c', 0, 3))
print(a.count('a'), a.count('z'), [1, 1.0, True, 2].count(1), [[1], [1]].count([1]), [].count(None))
for args in [('z',), ('a', 1, 3), ('c', 3), ('a', 10)]:
    try:
        a.index(*args)
    except ValueError as e:
        print(type(e).__name__, e)
print(a.index('a', -100, 100), a.index('b', 2, -1))
try:
    a.index()
except TypeError as e:
    print(type(e).__name__, e)
try:
    a.index('a', 'x')
except TypeError as e:
    print(type(e).__name__, e)
n = float('nan')
print([n].index(n), [n].count(n), [float('nan')].count(float('nan')))
