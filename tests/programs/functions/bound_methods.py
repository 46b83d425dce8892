class Greeter:
    def __init__(self, name):
        self.name = name
    def greet(self, other):
        return f"{self.name} greets {other}"
g = Greeter("Ann")
m = g.greet
print(m("Bob"), type(m).__name__)
print(m.__self__ is g, m.__func__ is Greeter.greet, m.__name__, m.__qualname__)
print(Greeter.greet(g, "Cy"), type(Greeter.greet).__name__)
print(g.greet == g.greet, g.greet is g.greet, Greeter("x").greet == g.greet)
funcs = [g.greet, Greeter("Dee").greet]
print([f("Eve") for f in funcs])
import types
bound = types.MethodType(lambda self, n: f"{self.name}:{n}", g)
print(bound(5))
def free_function(self):
    return "free " + self.name
Greeter.added = free_function
print(g.added())
g.instance_func = free_function
try:
    g.instance_func()
except TypeError as e:
    print(type(e).__name__, e)
print(g.instance_func(g))
print([].append.__self__, "abc".upper.__self__, len.__self__.__name__)
print(type([].append).__name__, type(len).__name__, type(list.append).__name__)
class CM:
    @classmethod
    def c(cls):
        return cls.__name__
cm = CM.c
print(cm(), cm.__self__ is CM, CM().c.__self__ is CM)
print(str.upper("abc"), list.__len__([1, 2]), int.__add__(2, 3))
m2 = g.greet
del g
print(m2("still bound"))
