class Account:
    def __init__(self):
        self.__balance = 100
        self._protected = "single underscore is a convention only"
        self.__dunder__ = "not mangled"
    def balance(self):
        return self.__balance
    def __private_method(self):
        return "private method"
    def call_private(self):
        return self.__private_method()
a = Account()
print(a.balance(), a._protected, a.__dunder__)
print(sorted(vars(a)))
try:
    a.__balance
except AttributeError as e:
    print(type(e).__name__, e)
print(a._Account__balance, a._Account__private_method(), a.call_private())
class Sub(Account):
    def __init__(self):
        super().__init__()
        self.__balance = "sub's own"
    def both(self):
        return self.__balance, self._Account__balance
print(Sub().both(), sorted(vars(Sub())))
class _Leading:
    def __m(self):
        return "mangled with stripped underscores"
    def get(self):
        return self.__m()
print(_Leading().get(), [k for k in _Leading.__dict__ if "__m" in k])
class ___:
    def __m(self):
        return "all underscores: no mangling"
print(___().__m() if hasattr(___(), "__m") else "?", [k for k in ___.__dict__ if k.endswith("__m")])
class Globals:
    def read(self):
        return __hidden
_Globals__hidden = "module global looked up via mangled name"
print(Globals().read())
class InGetattr:
    def __init__(self):
        self.__x = 1
    def get(self):
        return getattr(self, "__x", "getattr strings are not mangled")
print(InGetattr().get())
class Nested:
    class __Inner:
        pass
    def inner(self):
        return self.__Inner.__name__
print(Nested().inner(), hasattr(Nested, "_Nested__Inner"))
class Comp:
    def __init__(self):
        self.__v = [1, 2]
    def doubled(self):
        return [x * 2 for x in self.__v]
print(Comp().doubled())
class Kw:
    def f(self, __arg):
        return __arg
print(Kw().f(5), Kw.f.__code__.co_varnames)
