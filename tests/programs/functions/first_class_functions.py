def square(x):
    return x * x
def negate(x):
    return -x
ops = {"sq": square, "neg": negate, "abs": abs}
print({name: fn(-3) for name, fn in ops.items()})
def apply_all(fns, value):
    return [f(value) for f in fns]
print(apply_all([square, negate, str, float], 4))
def compose(*fns):
    def composed(x):
        for f in reversed(fns):
            x = f(x)
        return x
    return composed
print(compose(str, square, negate)(5))
print(list(map(square, range(5))), list(map(pow, [2, 3], [3, 2])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(sorted(["Banana", "apple", "cherry"], key=str.lower))
print(sorted([3, -1, 2], key=abs, reverse=True))
print(max(["aa", "b", "ccc"], key=len), min({"x": 3, "y": 1}.items(), key=lambda kv: kv[1]))
print(list(zip(*[(1, "a"), (2, "b")])))
print(callable(square), callable(1), callable(int), callable(lambda: 0))
def make_multiplier(n):
    def multiply(x):
        return x * n
    multiply.factor = n
    return multiply
triple = make_multiplier(3)
print(triple(7), triple.factor, triple.__name__)
handlers = []
def on(event):
    def register(f):
        handlers.append((event, f.__name__))
        return f
    return register
@on("start")
def begin():
    pass
@on("stop")
def end():
    pass
print(handlers)
print(square == square, square != negate, hash(square) == hash(square))
import operator
print(list(map(operator.add, [1, 2], [10, 20])), operator.itemgetter(1)("abc"), operator.attrgetter("real")(5))
print(operator.methodcaller("upper")("x"), sorted([(1, 2), (0, 5)], key=operator.itemgetter(1)))
