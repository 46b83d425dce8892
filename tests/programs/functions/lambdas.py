square = lambda x: x * x
print(square(5), square.__name__, square.__qualname__)
add = lambda a, b=10, *args, c=1, **kw: (a + b + c, args, kw)
print(add(1), add(1, 2, 3, c=4, z=5))
print((lambda: "no args")())
print((lambda *a: a)(1, 2))
print((lambda **k: k)(x=1))
print(sorted(["ccc", "a", "bb"], key=lambda s: len(s)))
print(sorted([(1, "b"), (1, "a"), (0, "z")], key=lambda t: (t[0], t[1])))
print(list(map(lambda x: x + 1, [1, 2])), list(filter(lambda x: x % 2, range(6))))
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3))
print((lambda x: (lambda y: x + y))(10)(5))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
class C:
    attr = lambda self: "lambda as method"
    static = staticmethod(lambda: "static lambda")
print(C().attr(), C.static())
def outer():
    return lambda: None
print(outer().__qualname__)
print((lambda: (yield 1))().__class__.__name__)
print(list((lambda: (yield from range(3)))()))
print((lambda x, /, y, *, z: (x, y, z))(1, 2, z=3))
print(type(square).__name__, square.__doc__, square.__code__.co_name)
print(repr(square.__defaults__), add.__defaults__, add.__kwdefaults__)
lst = [lambda: i for i in range(2)]
print([f() for f in lst])
