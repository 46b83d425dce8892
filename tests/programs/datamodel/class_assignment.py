class A:
    def who(self):
        return "A"
class B:
    def who(self):
        return "B"
obj = A()
obj.data = 1
print(obj.who(), type(obj).__name__)
obj.__class__ = B
print(obj.who(), type(obj).__name__, isinstance(obj, B), isinstance(obj, A), obj.data)
for target in [int, "not a class"]:
    try:
        obj.__class__ = target
    except TypeError as e:
        print(type(e).__name__, e)
class S1:
    __slots__ = ("x",)
class S2:
    __slots__ = ("x",)
class S3:
    __slots__ = ("y",)
s = S1()
s.x = 5
s.__class__ = S2
print(type(s).__name__, s.x)
try:
    s.__class__ = S3
except TypeError as e:
    print(type(e).__name__, e)
try:
    s.__class__ = A
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1).__class__ = bool
except TypeError as e:
    print(type(e).__name__, e)
class State:
    def handle(self):
        return "base"
class Opened(State):
    def handle(self):
        self.__class__ = Closed
        return "was open, now closing"
class Closed(State):
    def handle(self):
        self.__class__ = Opened
        return "was closed, now opening"
st = Opened()
print(st.handle(), st.handle(), st.handle(), type(st).__name__)
import types
m = types.ModuleType("mymod")
class CustomModule(types.ModuleType):
    def __repr__(self):
        return "<custom module>"
m.__class__ = CustomModule
print(repr(m))
