class Meta(type):
    meta_only = "from metaclass"
    shared = "metaclass shared"
    @property
    def meta_prop(cls):
        return f"metaclass property on {cls.__name__}"
class Base(metaclass=Meta):
    shared = "Base shared"
    base_only = "from Base"
class Child(Base):
    child_only = "from Child"
c = Child()
print(Child.meta_only, Child.shared, Child.meta_prop)
try:
    c.meta_only
except AttributeError as e:
    print(type(e).__name__, e)
print(c.shared, c.base_only, c.child_only)
c.shared = "instance shared"
print(c.shared, Child.shared, Base.shared)
Child.shared = "Child shared"
print(Child.shared, Base.shared, type(c).shared)
del Child.shared
print(Child.shared)
class DataDesc:
    def __get__(self, obj, owner):
        return "data descriptor on metaclass"
    def __set__(self, obj, value):
        raise AttributeError("read only")
class Meta2(type):
    attr = DataDesc()
class K(metaclass=Meta2):
    attr = "class dict value"
print(K.attr, K().attr)
class Slot:
    __slots__ = ("v",)
    def __init__(self):
        self.v = "slot value"
print(Slot().v, type(Slot.__dict__["v"]).__name__)
print(type.__dict__["__name__"].__get__(int), type(type.__dict__["__dict__"]).__name__)
print(Child.__dict__.get("base_only"), "base_only" in dir(Child))
print(getattr(Child, "__mro__")[1].__name__, Child.__class__.__name__, c.__class__.__class__.__name__)
