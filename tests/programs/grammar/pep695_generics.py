def first[T](items: list[T]) -> T:
    return items[0]
print(first([3, 4]), first.__type_params__)
(T,) = first.__type_params__
print(type(T).__name__, T.__name__, T.__bound__, T.__constraints__)
print(first.__annotations__)
def bounded[N: int](x: N) -> N:
    return x
print(bounded.__type_params__[0].__bound__)
def constrained[S: (str, bytes)](x: S) -> S:
    return x
print(constrained.__type_params__[0].__constraints__)
def variadic[*Ts, **P](*args: *Ts) -> None:
    pass
Ts, P = variadic.__type_params__
print(type(Ts).__name__, Ts.__name__, type(P).__name__, P.__name__)
class Box[T]:
    def __init__(self, item: T):
        self.item = item
    def get(self) -> T:
        return self.item
b = Box(5)
print(b.get(), Box.__type_params__, Box.__type_params__[0] is Box.__annotations__ if False else "ok")
print(Box[int], Box[int]().__class__ if False else Box[int].__origin__)
print(Box.__bases__, Box.__mro__)
print(Box.__orig_bases__ if hasattr(Box, "__orig_bases__") else "no orig bases")
class Pair[K, V](dict):
    pass
print(Pair.__type_params__, Pair.__mro__)
p = Pair(a=1)
print(p, isinstance(p, dict))
class Lazy[T: Undefined]:
    pass
bound_t = Lazy.__type_params__[0]
try:
    bound_t.__bound__
except NameError as e:
    print(type(e).__name__, e)
class Outer:
    class Inner[X]:
        def method[Y](self, x: X, y: Y) -> tuple[X, Y]:
            return (x, y)
print(Outer.Inner.__type_params__, Outer.Inner.method.__type_params__)
print(Outer.Inner().method(1, "a"))
def defaults_eval[T](x: T = 5) -> T:
    return x
print(defaults_eval(), defaults_eval.__defaults__)
print(Box.__name__, Box.__qualname__, first.__name__)
