class Shape:
    registry = []
    @classmethod
    def create(cls, *args):
        obj = cls(*args)
        Shape.registry.append(type(obj).__name__)
        return obj
    @classmethod
    def kind(cls):
        return f"Shape.kind({cls.__name__})"
    @staticmethod
    def helper():
        return "Shape.helper"
    def __init__(self, size=1):
        self.size = size
class Square(Shape):
    @classmethod
    def create(cls, *args):
        obj = super().create(*args)
        obj.tag = "square"
        return obj
    @classmethod
    def kind(cls):
        return "Square>" + super().kind()
    @staticmethod
    def helper():
        return "Square>" + Shape.helper()
class Tiny(Square):
    pass
s = Square.create(3)
print(type(s).__name__, s.size, s.tag, Shape.registry)
t = Tiny.create()
print(type(t).__name__, t.size, t.tag, Shape.registry)
print(Square.kind(), Tiny.kind(), Tiny().kind())
print(Square.helper(), Tiny.helper())
class Meta(type):
    def describe(cls):
        return f"Meta.describe({cls.__name__})"
class WithMeta(metaclass=Meta):
    @classmethod
    def describe_all(cls):
        return type(cls).describe(cls)
print(WithMeta.describe(), WithMeta.describe_all())
class NewOverride:
    def __new__(cls, *args):
        inst = super().__new__(cls)
        inst.args = args
        return inst
class NewChild(NewOverride):
    def __new__(cls, *args):
        inst = super().__new__(cls, *args)
        inst.child = True
        return inst
n = NewChild(1, 2)
print(n.args, n.child)
class InitSub:
    subclasses = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        InitSub.subclasses.append(cls.__name__)
class S1(InitSub): pass
class S2(S1): pass
print(InitSub.subclasses)
