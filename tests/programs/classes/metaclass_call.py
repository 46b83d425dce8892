class Singleton(type):
    _instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            print(f"creating {cls.__name__}{args}")
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]
class Config(metaclass=Singleton):
    def __init__(self, value):
        self.value = value
a = Config(1)
b = Config(2)
print(a is b, a.value)
class Tracing(type):
    def __call__(cls, *args):
        print("Tracing.__call__ start", cls.__name__, args)
        obj = cls.__new__(cls)
        print("  after __new__", type(obj).__name__)
        if isinstance(obj, cls):
            obj.__init__(*args)
        print("  after __init__")
        return obj
class Thing(metaclass=Tracing):
    def __new__(cls, *args):
        print("  Thing.__new__")
        return super().__new__(cls)
    def __init__(self, x):
        print("  Thing.__init__", x)
        self.x = x
t = Thing(5)
print(t.x)
class NewReturnsOther:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never called")
print(NewReturnsOther())
class InitReturns:
    def __init__(self):
        return 1
try:
    InitReturns()
except TypeError as e:
    print(type(e).__name__, e)
class Sub(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
    def __init__(self, v):
        self.original = v
s = Sub(21)
print(s, s.original, type(s).__name__)
class CountingMeta(type):
    count = 0
    def __call__(cls, *a, **k):
        CountingMeta.count += 1
        return super().__call__(*a, **k)
class P(metaclass=CountingMeta):
    pass
class Q(P):
    pass
P(); Q(); Q()
print(CountingMeta.count)
class NoInit(metaclass=type):
    pass
try:
    NoInit(1)
except TypeError as e:
    print(type(e).__name__, e)
class OnlyInit:
    def __init__(self, a):
        self.a = a
try:
    object.__new__(OnlyInit, 1)
    print("object.__new__ ignores extra args when __init__ is overridden")
except TypeError as e:
    print(type(e).__name__, e)
