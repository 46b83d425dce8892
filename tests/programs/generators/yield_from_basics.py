def inner():
    yield 1
    yield 2
def outer():
    yield 0
    yield from inner()
    yield from [3, 4]
    yield from "ab"
    yield from range(5, 7)
    yield from {"k": 1}
    yield from (x * 10 for x in range(2))
print(list(outer()))
def flatten(items):
    for item in items:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain("xy", [1], (), range(2))))
def delegate_iterator():
    it = iter([10, 20, 30])
    next(it)
    yield from it
print(list(delegate_iterator()))
class Custom:
    def __iter__(self):
        return iter(["c1", "c2"])
def from_custom():
    yield from Custom()
print(list(from_custom()))
def bad():
    yield from 5
try:
    list(bad())
except TypeError as e:
    print(type(e).__name__, e)
def tree(depth):
    if depth == 0:
        yield "leaf"
        return
    yield f"node{depth}"
    yield from tree(depth - 1)
    yield from tree(depth - 1)
print(list(tree(2)))
def gen_yieldfrom_attr():
    yield from inner()
gy = gen_yieldfrom_attr()
print(gy.gi_yieldfrom)
next(gy)
print(type(gy.gi_yieldfrom).__name__)
