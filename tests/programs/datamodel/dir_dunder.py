class Custom:
    def __dir__(self):
        return ["zeta", "alpha", "alpha", "mid"]
print(dir(Custom()))
class TupleDir:
    def __dir__(self):
        return ("b", "a")
print(dir(TupleDir()))
class BadDir:
    def __dir__(self):
        return 5
try:
    dir(BadDir())
except TypeError as e:
    print(type(e).__name__, e)
class Normal:
    cls_attr = 1
    def method(self):
        pass
    def __init__(self):
        self.inst = 2
n = Normal()
names = dir(n)
print([x for x in names if not x.startswith("__")])
print(names == sorted(names), "__class__" in names, "__init__" in names)
print([x for x in dir(Normal) if not x.startswith("__")])
class Child(Normal):
    extra = 3
print([x for x in dir(Child()) if not x.startswith("__")])
import types
mod = types.ModuleType("m")
mod.b = 1
mod.a = 2
print([x for x in dir(mod) if not x.startswith("__")])
mod.__dir__ = lambda: ["custom", "module", "dir"]
print(dir(mod))
def local_dir():
    q = 1
    p = 2
    return dir()
print(local_dir())
print([x for x in dir(5) if not x.startswith("_")][:6])
print(dir([]) == dir(list), "append" in dir(list))
