print(__debug__, type(__debug__).__name__)
if __debug__:
    print("debug mode on")
print(...)
print(Ellipsis, ... is Ellipsis, type(...).__name__, repr(...), str(...))
def stub():
    ...
print(stub())
x = ...
print(x == Ellipsis, bool(...))
print([1, ..., 3], (...,))
class Grid:
    def __getitem__(self, key):
        return key
g = Grid()
print(g[...], g[..., 1], g[1, ...], g[:, ...])
print(type(...)() is ..., type(...).__name__)
try:
    ... + 1
except TypeError as e:
    print(type(e).__name__, e)
print(NotImplemented, type(NotImplemented).__name__, repr(NotImplemented))
print(None, type(None).__name__, type(None)() is None)
def annotated(a: ...) -> ...:
    return ...
print(annotated.__annotations__)
import builtins
print(builtins.Ellipsis is ..., "__debug__" in dir(builtins))
