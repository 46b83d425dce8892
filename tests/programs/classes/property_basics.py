class Temperature:
    def __init__(self, celsius):
        self._c = celsius
    @property
    def celsius(self):
        """Temperature in Celsius."""
        return self._c
    @celsius.setter
    def celsius(self, value):
        print("setting", value)
        self._c = value
    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temperature(100)
print(t.celsius, t.fahrenheit)
t.celsius = 0
print(t.celsius, t.fahrenheit)
del t.celsius
print(hasattr(t, "_c"))
print(Temperature.celsius.__doc__, type(Temperature.celsius).__name__)
p = Temperature.celsius
print(p.fget.__name__, p.fset.__name__, p.fdel.__name__)
print(Temperature.fahrenheit.fset, Temperature.fahrenheit.fdel)
def getx(self):
    return self._x
def setx(self, v):
    self._x = v * 10
class Classic:
    x = property(getx, setx, None, "classic doc")
c = Classic()
c.x = 2
print(c.x, Classic.x.__doc__)
class Chain:
    def _get(self):
        return "v"
    a = property(_get)
    b = a.setter(lambda self, v: None)
print(Chain.a is not Chain.b, Chain.b.fset is not None, Chain.a.fset)
class Base:
    @property
    def val(self):
        return "base"
class Child(Base):
    @Base.val.getter
    def val(self):
        return "child getter"
print(Child().val, Base().val)
class Lazy:
    computed = 0
    @property
    def expensive(self):
        Lazy.computed += 1
        return 99
lz = Lazy()
print(lz.expensive, lz.expensive, Lazy.computed)
print(property.__name__, isinstance(Temperature.celsius, property))
class NamedProp:
    @property
    def shown(self):
        return 1
print(NamedProp.shown.__name__)
