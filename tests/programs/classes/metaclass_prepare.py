class RecordingDict(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, key, value):
        if not key.startswith("__"):
            self.order.append(key)
        super().__setitem__(key, value)
class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kwargs):
        print("__prepare__", name, kwargs)
        return RecordingDict()
    def __new__(mcls, name, bases, ns, **kwargs):
        print("namespace type:", type(ns).__name__)
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.field_order = ns.order
        return cls
    def __init__(cls, name, bases, ns, **kwargs):
        super().__init__(name, bases, ns)
class Record(metaclass=OrderedMeta, option="x"):
    zeta = 1
    alpha = 2
    def method(self):
        pass
    zeta = 3
print(Record.field_order, Record.zeta)
class NoDupes(dict):
    def __setitem__(self, key, value):
        if key in self and not key.startswith("__"):
            raise TypeError(f"duplicate definition of {key!r}")
        super().__setitem__(key, value)
class StrictMeta(type):
    def __prepare__(name, bases):
        return NoDupes()
try:
    class Strict(metaclass=StrictMeta):
        a = 1
        a = 2
except TypeError as e:
    print(type(e).__name__, e)
class DefaultingNS(dict):
    def __missing__(self, key):
        if key.startswith("auto_"):
            return key[5:].upper()
        raise KeyError(key)
class AutoMeta(type):
    def __prepare__(name, bases):
        return DefaultingNS()
class Auto(metaclass=AutoMeta):
    value = auto_hello
    other = len
print(Auto.value, Auto.other is len)
print(type.__prepare__("X", ()), type(type.__prepare__()).__name__)
class BadPrepare(type):
    def __prepare__(name, bases):
        return 5
try:
    class UsesBad(metaclass=BadPrepare):
        pass
except TypeError as e:
    print(type(e).__name__, e)
