class EvenMeta(type):
    def __instancecheck__(cls, obj):
        print(f"__instancecheck__({cls.__name__}, {obj!r})")
        return isinstance(obj, int) and obj % 2 == 0
    def __subclasscheck__(cls, sub):
        print(f"__subclasscheck__({cls.__name__}, {sub.__name__})")
        return sub in (int, bool)
class Even(metaclass=EvenMeta):
    pass
print(isinstance(4, Even), isinstance(3, Even), isinstance("x", Even))
print(issubclass(int, Even), issubclass(str, Even))
print(isinstance(Even(), Even))
print(type(Even()) is Even)
print(isinstance(4, (str, Even)))
class Duck(type):
    def __instancecheck__(cls, obj):
        return hasattr(obj, "quack")
class Quacker(metaclass=Duck):
    pass
class Robot:
    def quack(self):
        return "beep"
print(isinstance(Robot(), Quacker), isinstance(1, Quacker), issubclass(Robot, Quacker))
class Truthy(type):
    def __instancecheck__(cls, obj):
        return "yes"
class T(metaclass=Truthy):
    pass
print(isinstance(0, T))
class Raising(type):
    def __subclasscheck__(cls, sub):
        raise ValueError("no subclass checks")
class R(metaclass=Raising):
    pass
try:
    issubclass(int, R)
except ValueError as e:
    print(type(e).__name__, e)
print(isinstance(1, (int, str)), isinstance(1, ((str,), (float, int))), issubclass(bool, (str, int)))
try:
    isinstance(1, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(1, int)
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(1, int | str), issubclass(bool, int | None))
