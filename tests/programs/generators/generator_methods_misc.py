class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children
    def __iter__(self):
        yield self.value
        for child in self.children:
            yield from child
    def depth_first(self, depth=0):
        yield depth, self.value
        for c in self.children:
            yield from c.depth_first(depth + 1)
t = Tree(1, Tree(2, Tree(4)), Tree(3))
print(list(t), list(t.depth_first()))
print(sum(t), max(t), 4 in t, 9 in t)
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        n = self.n
        while n > 0:
            yield n
            n -= 1
    def __reversed__(self):
        yield from range(1, self.n + 1)
c = Countdown(3)
print(list(c), list(reversed(c)), list(c))
def gen_with_state():
    state = {"calls": 0}
    def inner():
        while True:
            state["calls"] += 1
            yield state["calls"]
    return inner(), state
g, st = gen_with_state()
next(g); next(g)
print(st)
def pairs(seq):
    it = iter(seq)
    for a in it:
        yield a, next(it, None)
print(list(pairs("abcde")))
def enumerate_like(it, start=0):
    n = start
    for x in it:
        yield n, x
        n += 1
print(list(enumerate_like("xy", 5)))
def zip_like(*its):
    iters = [iter(i) for i in its]
    while True:
        try:
            yield tuple(next(i) for i in iters)
        except RuntimeError:
            return
print(list(zip_like("ab", [1, 2, 3])))
gens = [(i for i in range(2)) for _ in range(2)]
print([list(g) for g in gens])
def gen_lambda_default(fns=[lambda: "a", lambda: "b"]):
    for f in fns:
        yield f()
print(list(gen_lambda_default()))
