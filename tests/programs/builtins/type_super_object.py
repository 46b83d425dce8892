# type with 1 and 3 args, super, object
print(type(1), type('a'), type([]), type(type), type(None))
X = type('X', (object,), {'v': 1, 'get': lambda self: self.v})
print(X().get(), X.__name__, type(X()).__name__)
class A:
    def who(self):
        return 'A'
    def chain(self):
        return ['A']
class B(A):
    def who(self):
        return 'B>' + super().who()
    def chain(self):
        return ['B'] + super().chain()
class C(A):
    def chain(self):
        return ['C'] + super().chain()
class D(B, C):
    def chain(self):
        return ['D'] + super().chain()
print(B().who(), D().chain(), [k.__name__ for k in D.__mro__])
print(super(B, B()).who(), super(D, D()).chain())
class Init:
    def __init__(self, v):
        self.v = v
class SubInit(Init):
    def __init__(self):
        super().__init__('from sub')
print(SubInit().v)
try:
    super()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    super(int, 'x')
except TypeError as e:
    print(type(e).__name__, e)
class S(str):
    def upper(self):
        return 'S:' + super().upper()
print(S('abc').upper())
class Cls:
    @classmethod
    def make(cls):
        return cls.__name__
class Cls2(Cls):
    @classmethod
    def make(cls):
        return 'sub+' + super().make()
print(Cls2.make())
print(object().__class__.__name__, object.__base__, type.__base__.__name__)
