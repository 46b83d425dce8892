# packing and unpacking, and the error messages
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x, *rest = [1, 2, 3, 4]
print(x, rest)
*init, last = 'abcd'
print(init, last)
first, *mid, end = range(5)
print(first, mid, end)
p, *q = [1]
print(p, q)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = 'xy'
print(f, g)
h, = [42]
print(h)
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    print(a, b, c)
cases = [
    lambda: exec('a, b = 1, 2, 3'),
    lambda: exec('a, b, c = 1, 2'),
    lambda: exec('a, b = 1'),
    lambda: exec('a, b = [1]'),
    lambda: exec('a, *b, c = [1]'),
    lambda: exec('a, b = "xyz"'),
    lambda: exec('a, b = iter(range(5))'),
    lambda: exec('a, = ()'),
    lambda: exec('(a, b), c = (1, 2, 3), 4'),
    lambda: exec('a, b = {1: 2, 3: 4, 5: 6}'),
]
for fn in cases:
    try:
        fn()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
t = 1, 2, 3
print(t, type(t).__name__)
u = 1,
print(u, () == tuple())
def f():
    return 1, 'two'
print(f(), type(f()).__name__)
print(*(1, 2), *[3], sep='-')
