class Logged:
    def __new__(cls, *args, **kwargs):
        print("__new__", cls.__name__, args, kwargs)
        return super().__new__(cls)
    def __init__(self, a, b=2):
        print("__init__", a, b)
        self.a, self.b = a, b
obj = Logged(1, b=3)
print(obj.a, obj.b)
class Alt:
    def __new__(cls, kind):
        if kind == "int":
            return 0
        return super().__new__(cls)
    def __init__(self, kind):
        print("Alt.__init__ runs only for Alt instances:", kind)
print(Alt("int"), type(Alt("obj")).__name__)
class Other:
    def __init__(self):
        print("Other.__init__ is not run automatically")
class ReturnsOther:
    def __new__(cls):
        return Other.__new__(Other)
print(type(ReturnsOther()).__name__)
class Parent:
    def __init__(self):
        print("Parent.__init__")
class ReturnsSub:
    def __new__(cls):
        return super().__new__(Sub)
class Sub(ReturnsSub):
    def __init__(self):
        print("Sub.__init__ runs because result is an instance of the class")
print(type(ReturnsSub()).__name__)
try:
    object.__new__(int)
except TypeError as e:
    print(type(e).__name__, e)
try:
    object.__new__(5)
except TypeError as e:
    print(type(e).__name__, e)
class NoInit:
    pass
try:
    NoInit(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
class OnlyNew:
    def __new__(cls, x):
        inst = super().__new__(cls)
        inst.x = x
        return inst
print(OnlyNew(5).x)
class Copyish:
    def __init__(self, v):
        self.v = v
c = Copyish.__new__(Copyish)
print(hasattr(c, "v"))
Copyish.__init__(c, 9)
print(c.v)
c.__init__(10)
print(c.v)
class Immutable(tuple):
    def __init__(self, *args):
        print("tuple subclass __init__ args:", args)
im = Immutable([1, 2])
print(im)
try:
    object(1)
except TypeError as e:
    print(type(e).__name__, e)
print(type(object()).__name__)
