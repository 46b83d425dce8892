class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split("-")))
    @staticmethod
    def is_valid(s):
        parts = s.split("-")
        return len(parts) == 3 and all(p.isdigit() for p in parts)
    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"
class MyDate(Date):
    pass
print(Date.from_string("2024-01-02"), MyDate.from_string("1999-12-31"))
print(Date.is_valid("2024-01-02"), MyDate.is_valid("nope"), Date(1, 2, 3).is_valid("1-2-3"))
print(Date(1, 1, 1).from_string("5-6-7"))
cm = Date.__dict__["from_string"]
sm = Date.__dict__["is_valid"]
print(type(cm).__name__, type(sm).__name__)
print(cm.__func__.__name__, sm.__func__.__name__, sm.__wrapped__ is sm.__func__)
print(callable(sm), sm("1-1-1"))
bound = Date.from_string
print(type(bound).__name__, bound.__self__ is Date, bound.__func__ is cm.__func__)
print(MyDate.from_string.__self__ is MyDate)
print(type(Date.is_valid).__name__, Date.is_valid is sm.__func__)
class Counter:
    count = 0
    @classmethod
    def increment(cls):
        cls.count += 1
        return cls.count
class SubCounter(Counter):
    pass
print(Counter.increment(), Counter.increment(), SubCounter.increment(), Counter.count, SubCounter.count)
print(staticmethod(len)("abcd"), classmethod(lambda cls: cls.__name__).__get__(None, Date)())
class Doc:
    @staticmethod
    def s():
        """static doc"""
    @classmethod
    def c(cls):
        """class doc"""
print(Doc.s.__doc__, Doc.c.__doc__, Doc.__dict__["s"].__doc__, Doc.__dict__["c"].__name__)
print(repr(staticmethod(len)).startswith("<staticmethod("), isinstance(Doc.__dict__["c"], classmethod))
class Inst:
    def regular(self):
        return "regular"
try:
    Inst.regular()
except TypeError as e:
    print(type(e).__name__, e)
print(Inst.regular(Inst()), Inst.regular("anything works"))
