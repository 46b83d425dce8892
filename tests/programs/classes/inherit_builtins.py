class MyList(list):
    def total(self):
        return sum(self)
ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.total(), type(ml).__name__, type(ml + [5]).__name__, type(ml[1:]).__name__)
class MyDict(dict):
    def __missing__(self, key):
        return f"no {key}"
md = MyDict(a=1)
print(md["a"], md["zz"], md.get("zz"), "zz" in md)
class UpperStr(str):
    def __new__(cls, value):
        return super().__new__(cls, value.upper())
    def shout(self):
        return self + "!"
u = UpperStr("hello")
print(u, u.shout(), type(u).__name__, type(u + "x").__name__, type(u.lower()).__name__, len(u))
class Money(int):
    def __repr__(self):
        return f"Money({int(self)})"
    def __add__(self, other):
        return Money(int(self) + int(other))
m = Money(5)
print(repr(m), repr(m + 3), repr(3 + m), m * 2, type(m * 2).__name__)
class Celsius(float):
    unit = "C"
c = Celsius(21.5)
print(c, c.unit, c + 1, isinstance(c, float), c.is_integer())
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
p = Pair(1, 2)
print(p, p.first, len(p), p == (1, 2), type(p).__name__)
class CountingDict(dict):
    def __setitem__(self, k, v):
        print("custom __setitem__", k)
        super().__setitem__(k, v)
cd = CountingDict()
cd["x"] = 1
cd.update(y=2)
print(cd, dict.__repr__(cd))
class Stack(list):
    push = list.append
    def peek(self):
        return self[-1]
s = Stack()
s.push(1); s.push(2)
print(s.peek(), s.pop(), s)
class Flags(set):
    pass
f = Flags([1, 2])
print(sorted(f | {3}), type(f | {3}).__name__, isinstance(f, set))
class MyException(ValueError):
    pass
print(MyException.__mro__[1:3], isinstance(MyException("x"), ValueError))
class B(bytes):
    pass
print(B(b"ab"), type(B(b"ab")[0:1]).__name__)
print(ml.__dict__, hasattr(u, "__dict__"))
