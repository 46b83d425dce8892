def logged(f):
    def w(self, *args):
        return f"{type(self).__name__}.{f.__name__}{args} -> {f(self, *args)}"
    return w
class Calc:
    def __init__(self, base):
        self.base = base
    @logged
    def add(self, x):
        return self.base + x
    @staticmethod
    def static_info():
        return "static"
    @classmethod
    def make(cls, base):
        return cls(base)
    @property
    def doubled(self):
        return self.base * 2
c = Calc(10)
print(c.add(5))
print(Calc.static_info(), c.static_info())
print(Calc.make(3).base, type(Calc.make(3)).__name__)
print(c.doubled)
print(type(Calc.__dict__["static_info"]).__name__, type(Calc.__dict__["make"]).__name__, type(Calc.__dict__["doubled"]).__name__)
print(Calc.__dict__["static_info"].__func__() , Calc.__dict__["make"].__func__.__name__)
def method_counter(f):
    count = 0
    def w(self, *a):
        nonlocal count
        count += 1
        return f(self, *a), count
    return w
class Sub(Calc):
    @method_counter
    def ping(self):
        return "pong"
s = Sub(1)
print(s.ping(), s.ping(), Sub(2).ping())
print(isinstance(Sub.make(1), Sub))
class WithDescriptorDeco:
    @staticmethod
    @logged
    def weird(self):
        return "self passed explicitly"
print(WithDescriptorDeco.weird(WithDescriptorDeco()))
bound = c.add
print(bound.__self__ is c, bound.__func__ is Calc.add, bound.__name__)
print(Calc.add.__qualname__, bound.__qualname__)
