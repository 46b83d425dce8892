# function and bound method attributes, equality
def outer(a, b=2, *args, c, d=4, **kw):
    """Docstring here."""
    return a
print(outer.__name__, outer.__qualname__, outer.__doc__, outer.__defaults__, outer.__kwdefaults__)
print(outer.__module__, type(outer.__code__).__name__, outer.__closure__, sorted(outer.__globals__) == sorted(globals()))
outer.custom = 'attr'
print(outer.__dict__, outer.custom)
outer.__name__ = 'renamed'
print(outer.__name__, outer.__qualname__)
def annotated(x: int, y: 'str' = 'a') -> bool:
    pass
print(annotated.__annotations__)
class K:
    def method(self, v):
        return v
    def __eq__(self, other):
        return True
    __hash__ = object.__hash__
k = K()
m1, m2 = k.method, k.method
print(m1 == m2, m1 is m2, m1.__self__ is k, m1.__func__ is K.method, m1.__name__, m1.__qualname__)
print(K().method == K().method, K.method == K.method, k.method(5), K.method(k, 6))
print(type(m1).__name__, type(K.method).__name__, callable(m1), m1.__doc__)
nested = lambda: None
print(nested.__name__, nested.__qualname__, (lambda: 0).__name__)
def mk():
    def inner():
        pass
    return inner
print(mk().__qualname__, mk() == mk(), mk().__name__)
try:
    outer.__defaults__ = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    k.method.attr = 1
except AttributeError as e:
    print(type(e).__name__, e)
print([].append.__self__, len.__self__.__name__, len.__name__, len.__qualname__, print.__module__)
