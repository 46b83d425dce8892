type Number = int | float
print(type(Number).__name__, Number.__name__, Number.__value__)
print(Number.__type_params__, Number.__module__)
type Pair[T] = tuple[T, T]
print(Pair.__name__, Pair.__type_params__, Pair.__value__)
print(Pair[int], Pair[str].__origin__ is Pair, Pair[int].__args__)
type Lazy = UndefinedName
print(Lazy.__name__)
try:
    Lazy.__value__
except NameError as e:
    print(type(e).__name__, e)
type Recursive = list[Recursive] | int
print(Recursive.__value__)
def f():
    type Local = dict[str, int]
    return Local
L = f()
print(L.__name__, L.__value__, L.__qualname__ if hasattr(L, "__qualname__") else "no qualname")
class C:
    type Inner = list[int]
print(C.Inner.__name__, C.Inner.__value__)
type Bounded[T: int] = list[T]
(T,) = Bounded.__type_params__
print(T.__name__, T.__bound__, T.__constraints__)
type Constrained[S: (int, str)] = S
print(Constrained.__type_params__[0].__constraints__)
type Variadic[*Ts, **P] = tuple[*Ts]
print([type(p).__name__ for p in Variadic.__type_params__])
print(repr(Number), str(Pair))
try:
    Number.__value__ = 1
except AttributeError as e:
    print(type(e).__name__)
try:
    class Sub(type(Number)):
        pass
except TypeError as e:
    print(type(e).__name__, e)
type = "type is a soft keyword"
print(type)
