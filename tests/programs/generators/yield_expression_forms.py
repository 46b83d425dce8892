def forms():
    yield
    yield 1, 2
    rest = [4, 5]
    yield 3, *rest
    x = yield "x?"
    print("x =", x)
    print("in call:", (yield "arg?"))
    lst = [(yield "elem1?"), (yield "elem2?")]
    print("list built from yields:", lst)
    d = {"k": (yield "value?")}
    print("dict:", d)
    yield (yield "nested?")
g = forms()
print(next(g))
print(next(g))
print(next(g))
print(next(g))
print(g.send("X"))
print(g.send("ARG"))
print(g.send("E1"))
print(g.send("E2"))
print(g.send("V"))
print(g.send("N"))
print(next(g, "end"))
lam = lambda: (yield "from lambda")
print(list(lam()))
def yield_in_condition():
    if (yield "cond?"):
        yield "truthy branch"
    else:
        yield "falsy branch"
c = yield_in_condition()
print(next(c), c.send(0))
def yield_as_argument():
    print("printed:", (yield 1), (yield 2))
ya = yield_as_argument()
next(ya); ya.send("a")
try:
    ya.send("b")
except StopIteration:
    print("done")
def yield_in_loop_header():
    for i in (yield "give me an iterable"):
        yield i * 10
yl = yield_in_loop_header()
print(next(yl), yl.send([1, 2]), next(yl))
def augmented():
    total = 0
    total += yield total
    total += yield total
    yield total
au = augmented()
print(next(au), au.send(5), au.send(7))
