from abc import ABC, ABCMeta, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    @abstractmethod
    def perimeter(self):
        ...
    def describe(self):
        return f"area={self.area()} perimeter={self.perimeter()}"
print(sorted(Shape.__abstractmethods__))
try:
    Shape()
except TypeError as e:
    print(type(e).__name__, e)
class Partial(Shape):
    def area(self):
        return 1
try:
    Partial()
except TypeError as e:
    print(type(e).__name__, e)
class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
    def perimeter(self):
        return 2 * (self.w + self.h)
print(Rect(2, 3).describe(), Rect.__abstractmethods__)
print(type(Shape).__name__, isinstance(Shape, ABCMeta))
class WithProp(ABC):
    @property
    @abstractmethod
    def name(self):
        ...
class Named(WithProp):
    @property
    def name(self):
        return "named"
print(Named().name)
try:
    WithProp()
except TypeError as e:
    print(type(e).__name__, e)
class Registered(ABC):
    pass
class Unrelated:
    pass
Registered.register(Unrelated)
print(isinstance(Unrelated(), Registered), issubclass(Unrelated, Registered), Unrelated.__mro__)
class WithClassMethod(ABC):
    @classmethod
    @abstractmethod
    def make(cls):
        ...
class Maker(WithClassMethod):
    @classmethod
    def make(cls):
        return cls()
print(type(Maker.make()).__name__)
class Hook(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Hook:
            return hasattr(C, "hook_me")
        return NotImplemented
class HasHook:
    def hook_me(self):
        pass
print(issubclass(HasHook, Hook), isinstance(HasHook(), Hook), issubclass(int, Hook))
class Meta(metaclass=ABCMeta):
    @abstractmethod
    def m(self):
        pass
try:
    Meta()
except TypeError as e:
    print(type(e).__name__, e)
class Impl(Meta):
    def m(self):
        return super().m()
print(Impl().m())
Shape()
