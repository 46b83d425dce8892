# collections.namedtuple
from collections import namedtuple
Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[-1], len(p), tuple(p), list(p))
print(p._fields, Point._fields, p._asdict(), p._replace(x=10), Point._make([3, 4]))
print(p == (1, 2), isinstance(p, tuple), hash(p) == hash((1, 2)), repr(p))
x, y = p
print(x, y)
P3 = namedtuple('P3', 'x y z', defaults=[0])
print(P3(1, 2), P3._field_defaults, P3(1, 2, 3))
R = namedtuple('R', 'a, b, class, _d', rename=True)
print(R._fields)
try:
    namedtuple('Bad', ['a', 'a'])
except ValueError as e:
    print(type(e).__name__, e)
try:
    namedtuple('Bad', ['class'])
except ValueError as e:
    print(type(e).__name__, e)
try:
    Point(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    p.x = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    p._replace(z=1)
except TypeError as e:
    print(type(e).__name__, e)
print(Point.__name__, Point.__doc__, Point.x.__doc__)
class Pt(Point):
    def norm2(self):
        return self.x ** 2 + self.y ** 2
print(Pt(3, 4).norm2(), Pt(3, 4))
