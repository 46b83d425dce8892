class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1, **kw):
        return (self.n + x + sum(rest)) * scale, kw
add5 = Adder(5)
print(add5(1), add5(1, 2, 3, scale=2, tag="t"))
print(callable(add5), callable(Adder), callable(Adder.__call__))
print(list(map(Adder(10), [1, 2])))
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print(type(e).__name__, e)
for obj in [1, "s", None, [1], (1,)]:
    try:
        obj()
    except TypeError as e:
        print(type(e).__name__, e)
class InstanceAttr:
    pass
ia = InstanceAttr()
ia.__call__ = lambda: "instance __call__ ignored"
try:
    ia()
except TypeError as e:
    print(type(e).__name__, e)
print(callable(ia))
class CallReturnsSelf:
    def __init__(self):
        self.count = 0
    def __call__(self):
        self.count += 1
        return self
c = CallReturnsSelf()
print(c()()().count)
class Meta(type):
    def __call__(cls, *args):
        return f"Meta intercepted {cls.__name__}{args}"
class Intercepted(metaclass=Meta):
    pass
print(Intercepted(1, 2))
class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
    def __call__(self, *args):
        if args not in self.cache:
            self.cache[args] = self.fn(*args)
        return self.cache[args]
@Memo
def slow(x):
    print("computing", x)
    return x * x
print(slow(3), slow(3), slow(4), type(slow).__name__)
def func():
    return "func"
print(func.__call__(), type(func).__call__(func))
