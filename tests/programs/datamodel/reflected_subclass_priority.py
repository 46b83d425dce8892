log = []
class Base:
    def __add__(self, other):
        log.append("Base.__add__")
        return "Base.__add__"
    def __radd__(self, other):
        log.append("Base.__radd__")
        return "Base.__radd__"
    def __lt__(self, other):
        log.append("Base.__lt__")
        return "Base.__lt__"
    def __gt__(self, other):
        log.append("Base.__gt__")
        return "Base.__gt__"
class Derived(Base):
    def __radd__(self, other):
        log.append("Derived.__radd__")
        return "Derived.__radd__"
    def __gt__(self, other):
        log.append("Derived.__gt__")
        return "Derived.__gt__"
print(Base() + Derived(), log)
log.clear()
print(Derived() + Base(), log)
log.clear()
print(Base() < Derived(), log)
log.clear()
class DerivedNoOverride(Base):
    pass
print(Base() + DerivedNoOverride(), log)
log.clear()
print(Base() < DerivedNoOverride(), log)
log.clear()
class MyInt(int):
    def __radd__(self, other):
        return f"MyInt.__radd__({other})"
    def __rsub__(self, other):
        return NotImplemented
print(1 + MyInt(2))
print(MyInt(2) + 1)
print(1 - MyInt(5))
class MyFloat(float):
    def __rmul__(self, other):
        return "MyFloat.__rmul__ first"
print(2 * MyFloat(1.5), 2.0 * MyFloat(1.5))
class MyStr(str):
    def __radd__(self, other):
        return "MyStr.__radd__"
print("a" + MyStr("b"))
class MyList(list):
    def __radd__(self, other):
        return "MyList.__radd__"
print([1] + MyList([2]))
