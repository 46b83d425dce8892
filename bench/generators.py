# Generators: generator functions, pipelines of generators, generator
# expressions consumed by sum/any/all/max, yield from, and send().


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x


def squares(source):
    for x in source:
        yield x * x


def take(source, n):
    for x in source:
        if n <= 0:
            return
        n -= 1
        yield x


def chunks(source, size):
    buf = []
    for x in source:
        buf.append(x)
        if len(buf) == size:
            yield buf
            buf = []
    if buf:
        yield buf


def flatten(tree):
    if isinstance(tree, list):
        for sub in tree:
            yield from flatten(sub)
    else:
        yield tree


def make_tree(depth, start):
    if depth == 0:
        return start
    return [make_tree(depth - 1, start * 3 + k) for k in range(3)]


def running_average():
    total = 0
    count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total // count


def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def pipeline(n):
    total = 0
    for x in take(squares(evens(count_up(n))), n // 3):
        total += x % 1000
    return total


def genexprs(n):
    s = sum(i * i for i in range(n) if i % 3)
    m = max(i % 1013 for i in range(n))
    a = any(i > n for i in range(n))
    b = all(i >= 0 for i in range(n))
    return s, m, a, b


def main():
    print("pipeline", pipeline(PIPE_N))
    print("genexpr", genexprs(GENEXPR_N))
    c = 0
    for chunk in chunks(count_up(CHUNK_N), 7):
        c += chunk[-1] - chunk[0]
    print("chunks", c)
    t = 0
    for _ in range(TREE_REPEAT):
        t += sum(flatten(make_tree(6, 1)))
    print("flatten", t)
    ra = running_average()
    next(ra)
    last = 0
    for i in range(SEND_N):
        last = ra.send(i % 101)
    print("send", last)
    f = 0
    for i, v in zip(range(300), fib_gen()):
        f = v
    print("fib300 mod", f % 1000000007)


PIPE_N = 3700000
GENEXPR_N = 1800000
CHUNK_N = 2100000
TREE_REPEAT = 180
SEND_N = 2100000

main()
