class Base:
    """Base doc"""
    x = 1
    def method(self):
        pass
class Child(Base):
    class Nested:
        class Deeper:
            pass
print(Base.__name__, Base.__qualname__, Base.__module__, Base.__doc__)
print(Child.__bases__, Child.__base__, Base.__bases__, object.__bases__)
print(Child.__mro__)
print(Child.mro())
print(Child.Nested.__qualname__, Child.Nested.Deeper.__qualname__, Child.Nested.Deeper.__name__)
print(type(Base.__dict__).__name__)
print(sorted(k for k in Base.__dict__ if not k.startswith("__")))
print("__module__" in Base.__dict__, "__doc__" in Base.__dict__, "__dict__" in Base.__dict__, "__weakref__" in Base.__dict__)
print("__dict__" in Child.__dict__, "x" in Child.__dict__)
print(Base.__subclasses__(), Child.__subclasses__())
try:
    Base.__dict__["x"] = 2
except TypeError as e:
    print(type(e).__name__, e)
def factory():
    class Local:
        pass
    return Local
L = factory()
print(L.__name__, L.__qualname__, repr(L))
print(repr(Base), str(Child), repr(Child.Nested))
Base.__name__ = "Renamed"
print(Base.__name__, Base.__qualname__, Base)
Base.__qualname__ = "Qual.Renamed"
print(repr(Base))
print(type(Base), type(type), type(object), type.__mro__)
print(int.__module__, int.__qualname__, type(None).__name__)
print(Child.__module__, Child().__module__, Child.method.__module__)
class NoDoc:
    pass
print(NoDoc.__doc__, NoDoc.__dict__.get("__doc__", "absent"))
try:
    Base.__bases__ = (int,)
except TypeError as e:
    print(type(e).__name__, e)
