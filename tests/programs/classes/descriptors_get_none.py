class Described:
    def __get__(self, obj, objtype=None):
        if obj is None:
            return f"accessed on class {objtype.__name__}"
        return f"accessed on instance of {type(obj).__name__}"
class Owner:
    attr = Described()
class SubOwner(Owner):
    pass
print(Owner.attr)
print(Owner().attr)
print(SubOwner.attr)
print(SubOwner().attr)
print(type(Owner.__dict__["attr"]).__name__)
d = Owner.__dict__["attr"]
print(d.__get__(None, Owner), d.__get__(Owner(), Owner), d.__get__(SubOwner()))
class Meta(type):
    meta_attr = Described()
class WithMeta(metaclass=Meta):
    pass
print(WithMeta.meta_attr)
class Args:
    def __get__(self, *args):
        return len(args), [type(a).__name__ for a in args]
class UseArgs:
    a = Args()
print(UseArgs.a, UseArgs().a)
def func(self):
    return self
print(func.__get__(None, Owner) is func, func.__get__(1)(), type(func.__get__(1)).__name__)
print(classmethod(func).__get__(None, Owner)() is Owner)
print(staticmethod(func).__get__(None, Owner)(5))
print(property(lambda s: "p").__get__(None, Owner).__class__.__name__)
class Counter:
    def __init__(self):
        self.calls = []
    def __get__(self, obj, objtype):
        self.calls.append("instance" if obj is not None else "class")
        return self
class H:
    c = Counter()
H.c; H().c; H.c
print(H.__dict__["c"].calls)
