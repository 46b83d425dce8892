class Field:
    def __init__(self, default=None):
        self.default = default
        self.name = None
    def __set_name__(self, owner, name):
        print(f"__set_name__ owner={owner.__name__} name={name}")
        self.name = name
        self.private = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, self.default)
    def __set__(self, obj, value):
        setattr(obj, self.private, value)
class Model:
    title = Field("untitled")
    count = Field(0)
    print("class body done")
m = Model()
print(m.title, m.count)
m.title = "hello"
print(m.title, m.__dict__)
print(Model.title.name, Model.count.private)
class Late:
    pass
f = Field()
Late.attr = f
print(f.name)
f.__set_name__(Late, "manual")
print(f.name)
class Alias:
    a = b = Field()
print(Alias.a.name)
class NotDescriptor:
    def __set_name__(self, owner, name):
        print("plain object with __set_name__:", name)
class Holder:
    thing = NotDescriptor()
class Raises:
    def __set_name__(self, owner, name):
        raise ValueError("refusing " + name)
try:
    class Broken:
        bad = Raises()
except Exception as e:
    print(type(e).__name__, e)
    print("notes:", getattr(e, "__notes__", None))
Dyn = type("Dyn", (), {"f": Field()})
print(Dyn.f.name)
