log = []
class Meta(type):
    def __new__(mcls, name, bases, ns, **kwargs):
        log.append(f"Meta.__new__ {name} bases={[b.__name__ for b in bases]} kwargs={kwargs}")
        ns["added_by_meta"] = name.lower()
        cls = super().__new__(mcls, name, bases, ns)
        return cls
    def __init__(cls, name, bases, ns, **kwargs):
        log.append(f"Meta.__init__ {name}")
        super().__init__(name, bases, ns)
    def __repr__(cls):
        return f"<class via Meta: {cls.__name__}>"
    def shout(cls):
        return cls.__name__.upper()
class Base(metaclass=Meta):
    pass
class Child(Base, flag=True):
    pass
for line in log:
    print(line)
print(type(Base).__name__, type(Child).__name__, isinstance(Child, Meta))
print(Base.added_by_meta, Child.added_by_meta, Child.shout())
print(repr(Child), Child)
print(hasattr(Child(), "shout"), hasattr(Child, "shout"))
Dyn = Meta("Dyn", (), {"v": 1})
print(Dyn, Dyn.v, Dyn.added_by_meta)
class Meta2(type):
    pass
class Other(metaclass=Meta2):
    pass
try:
    class Mixed(Base, Other):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class Meta3(Meta):
    pass
class Derived(metaclass=Meta3):
    pass
class Combo(Base, Derived):
    pass
print(type(Combo).__name__)
def function_meta(name, bases, ns):
    ns["from_function"] = True
    return type(name, bases, ns)
class UsesFunc(metaclass=function_meta):
    x = 1
print(type(UsesFunc).__name__, UsesFunc.from_function)
def returns_other(name, bases, ns):
    return 42
class NotAClass(metaclass=returns_other):
    pass
print(NotAClass)
