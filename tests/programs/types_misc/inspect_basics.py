# inspect on classes and functions: abstractness (type.__flags__), signatures, source
import inspect, abc, functools
class A(abc.ABC):
    @abc.abstractmethod
    def f(self): pass
class B(A):
    def f(self): return 1
print(inspect.isabstract(A), inspect.isabstract(B), inspect.isabstract(int))
print(bool(A.__flags__ & (1 << 20)), bool(int.__flags__ & (1 << 24)), bool(bool.__flags__ & (1 << 24)))
print(bool(list.__flags__ & (1 << 5)), bool(dict.__flags__ & (1 << 6)), bool(type.__flags__ & (1 << 31)))
class M(dict): pass
print(bool(M.__flags__ & (1 << 29)), bool(M.__flags__ & (1 << 9)), bool(dict.__flags__ & (1 << 9)))
def g(a, b=2, *c, d, **e) -> int: pass
print(inspect.signature(g))
print([n for n, _ in inspect.getmembers(B, inspect.isfunction)])
print(inspect.signature(B.f), inspect.signature(B().f))
print(inspect.signature(functools.partial(g, 1)))
print(inspect.getsource(g), end='')
print(inspect.getmodule(g).__name__)
print(inspect.stack()[0].function, inspect.currentframe().f_lineno)
print(inspect.isgeneratorfunction(lambda: (yield)), inspect.iscoroutinefunction(g))
