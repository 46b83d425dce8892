class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        try:
            return obj.__dict__[self.name]
        except KeyError:
            raise AttributeError(f"{self.name} not set") from None
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, got {type(value).__name__}")
        obj.__dict__[self.name] = value
    def __delete__(self, obj):
        print(f"deleting {self.name}")
        del obj.__dict__[self.name]
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age
p = Person("Ann", 30)
print(p.name, p.age)
try:
    p.age = "old"
except TypeError as e:
    print(type(e).__name__, e)
del p.age
try:
    p.age
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(p, "age"), getattr(p, "age", "default"))
setattr(p, "age", 31)
print(p.age)
delattr(p, "name")
print(vars(p))
class ReadOnly:
    def __get__(self, obj, objtype=None):
        return 42
    def __set__(self, obj, value):
        raise AttributeError("read-only attribute")
class R:
    answer = ReadOnly()
r = R()
try:
    r.answer = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del r.answer
except AttributeError as e:
    print(type(e).__name__, e)
R.answer = "replaced on class"
print(r.answer)
class Log:
    def __get__(self, obj, t):
        print("get")
        return 1
    def __set__(self, obj, v):
        print("set", v)
    def __delete__(self, obj):
        print("delete")
class L:
    x = Log()
l = L()
l.x = 1
l.x += 1
del l.x
print(l.x)
