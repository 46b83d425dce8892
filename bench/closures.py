# Closures and higher-order functions: nonlocal counters, closure factories,
# lambdas, function composition, map/filter, functions as dict values, and
# decorators written as plain closures.


def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count

    return inc


def make_adder(k):
    return lambda x: x + k


def compose(f, g):
    def h(x):
        return f(g(x))
    return h


def memoize(fn):
    cache = {}

    def wrapper(n):
        if n in cache:
            return cache[n]
        r = fn(n)
        cache[n] = r
        return r
    return wrapper


def logged(fn):
    calls = [0]

    def wrapper(*args, **kwargs):
        calls[0] += 1
        return fn(*args, **kwargs)
    wrapper.calls = calls
    return wrapper


@logged
def area(w, h=1):
    return w * h


def counters(n):
    c1 = make_counter()
    c2 = make_counter()
    for i in range(n):
        c1()
        if i % 3 == 0:
            c2(2)
    return c1(0), c2(0)


def adders(n):
    adders = [make_adder(k) for k in range(10)]
    pipeline = compose(adders[3], compose(adders[5], lambda x: x * 2))
    total = 0
    for i in range(n):
        total += adders[i % 10](i) + pipeline(i % 100)
    return total


def higher_order(n):
    ops = {
        "add": lambda a, b: a + b,
        "sub": lambda a, b: a - b,
        "mul": lambda a, b: a * b % 1000003,
        "max": max,
    }
    names = ["add", "sub", "mul", "max"]
    acc = 1
    for i in range(n):
        acc = ops[names[i % 4]](acc, i) % 1000003
    data = list(range(n // 10))
    mapped = list(map(lambda x: x * 3, filter(lambda x: x % 2, data)))
    return acc, sum(mapped), len(mapped)


def memo_fib(n):
    @memoize
    def fib(k):
        if k < 2:
            return k
        return fib(k - 1) + fib(k - 2)
    return fib(n)


def late_binding(n):
    total = 0
    for r in range(n):
        fs = [lambda x, i=i: x * i for i in range(5)]
        gs = [lambda x: x * r for _ in range(2)]
        for f in fs:
            total += f(2)
        total += gs[0](1) + gs[1](1)
    return total


def main():
    print("counters", counters(COUNT_N))
    print("adders", adders(ADDER_N))
    print("higher", higher_order(HO_N))
    m = 0
    for i in range(MEMO_REPEAT):
        m = (m + memo_fib(60 + i % 40)) % 1000000007
    print("memo", m)
    print("late", late_binding(LATE_N))
    for i in range(AREA_N):
        area(i, h=2)
        area(i)
    print("area", area(3, 4), area.calls[0])


COUNT_N = 1400000
ADDER_N = 980000
HO_N = 980000
MEMO_REPEAT = 2800
LATE_N = 140000
AREA_N = 420000

main()
