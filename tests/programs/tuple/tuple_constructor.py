# tuple() from iterables
print(tuple(), tuple([1, 2]), tuple('abc'), tuple(range(4)), tuple({'k': 'v'}), tuple({5}))
print(tuple(x * 2 for x in range(3)), tuple(b'AB'), tuple(iter([1])), tuple(enumerate('ab')))
t = (1, 2)
print(tuple(t) is t, t[:] is t, tuple(list(t)) is t)
for bad in (1, None, 2.5):
    try:
        tuple(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    tuple([1], [2])
except TypeError as e:
    print(type(e).__name__, e)
class T(tuple):
    def first(self):
        return self[0]
x = T([5, 6])
print(x, x.first(), type(x).__name__, type(x + (7,)).__name__, type(x[:]).__name__, x == (5, 6))
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    def __repr__(self):
        return f'Point{tuple.__repr__(self)}'
print(Point(1, 2), Point(1, 2)[1])
