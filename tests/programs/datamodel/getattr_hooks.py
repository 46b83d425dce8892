class Dynamic:
    existing = "class attribute"
    def __init__(self):
        self.inst = "instance attribute"
    def __getattr__(self, name):
        print(f"__getattr__({name!r})")
        if name.startswith("auto_"):
            return name[5:]
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
d = Dynamic()
print(d.existing, d.inst)
print(d.auto_value)
try:
    d.missing
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr(d, "auto_x"), getattr(d, "nope", "default"), hasattr(d, "nope"), hasattr(d, "auto_y"))
class PropRaises:
    @property
    def p(self):
        raise AttributeError("from property")
    def __getattr__(self, name):
        return f"fallback for {name}"
print(PropRaises().p)
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
    def __getattr__(self, name):
        return getattr(self._target, name)
pr = Proxy([3, 1, 2])
pr.sort()
print(pr._target, pr.count(1), len(pr._target))
try:
    len(pr)
except TypeError as e:
    print("special methods bypass __getattr__:", e)
class Recursive:
    def __getattr__(self, name):
        if name == "data":
            raise AttributeError(name)
        return self.data[name]
try:
    Recursive().anything
except AttributeError as e:
    print(type(e).__name__, e)
class ClassLevel:
    pass
def module_like_getattr(name):
    return "not used for instances"
ClassLevel.__getattr__ = lambda self, name: f"added later: {name}"
print(ClassLevel().whatever)
class KeyErrorInGetattr:
    def __getattr__(self, name):
        raise KeyError(name)
try:
    hasattr(KeyErrorInGetattr(), "x")
except KeyError as e:
    print("hasattr propagates non-AttributeError:", type(e).__name__, e)
print(getattr(Dynamic(), "inst"))
