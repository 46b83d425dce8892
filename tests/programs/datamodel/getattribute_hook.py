class Logged:
    def __init__(self):
        self.x = 1
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print(f"__getattribute__({name!r})")
        return super().__getattribute__(name)
    def method(self):
        return "method result"
l = Logged()
print(l.x)
print(l.method())
try:
    l.missing
except AttributeError as e:
    print(type(e).__name__, e)
class WithBoth:
    def __getattribute__(self, name):
        if name == "special":
            return "from __getattribute__"
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f"__getattr__ fallback for {name}"
wb = WithBoth()
print(wb.special, wb.other)
class Raising:
    def __getattribute__(self, name):
        raise AttributeError(f"blocked {name}")
    def __getattr__(self, name):
        return f"recovered {name}"
print(Raising().anything)
class Hidden:
    secret = "s"
    def __getattribute__(self, name):
        if name == "secret":
            raise AttributeError("secret is hidden")
        return object.__getattribute__(self, name)
h = Hidden()
print(hasattr(h, "secret"), getattr(h, "secret", "default"), Hidden.secret)
class Len:
    def __getattribute__(self, name):
        print("lookup", name)
        return object.__getattribute__(self, name)
    def __len__(self):
        return 3
print(len(Len()))
print(Len().__len__())
class Counter:
    def __init__(self):
        object.__setattr__(self, "count", 0)
    def __getattribute__(self, name):
        if name != "count":
            object.__setattr__(self, "count", object.__getattribute__(self, "count") + 1)
        return object.__getattribute__(self, name)
    def a(self):
        return 1
c = Counter()
c.a(); c.a(); c.__class__
print(c.count)
print(object.__getattribute__(c, "count"), type(c).__getattribute__ is Counter.__getattribute__)
