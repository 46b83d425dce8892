fs = []
for i in range(3):
    fs.append(lambda: i)
print([f() for f in fs])
fs = [lambda i=i: i for i in range(3)]
print([f() for f in fs])
def make(n):
    return lambda: n
fs = [make(i) for i in range(3)]
print([f() for f in fs])
def outer():
    x = 1
    def get():
        return x
    x = 2
    return get
print(outer()())
def rebinding():
    fns = []
    v = "first"
    fns.append(lambda: v)
    v = "second"
    fns.append(lambda: v)
    return [f() for f in fns]
print(rebinding())
adders = {}
for k in range(3):
    def add(x, k=k):
        return x + k
    adders[k] = add
print([adders[k](10) for k in range(3)])
def counter_factory():
    funcs = []
    for i in range(3):
        def f(j=i):
            return j * 10
        funcs.append(f)
    return funcs
print([f() for f in counter_factory()])
def gen_closures():
    return [lambda: x for x in "ab"]
print([f() for f in gen_closures()])
import functools
fs = [functools.partial(lambda a, b: a * b, i) for i in range(1, 4)]
print([f(10) for f in fs])
