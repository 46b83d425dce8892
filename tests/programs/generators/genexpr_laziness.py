log = []
def source():
    for i in range(3):
        log.append(f"source {i}")
        yield i
def transform(x):
    log.append(f"transform {x}")
    return x * 2
pipeline = (transform(x) for x in source() if x != 1)
print(log)
print(next(pipeline), log)
log.clear()
print(list(pipeline), log)
log.clear()
numbers = (n for n in range(10 ** 12))
print(next(numbers), next(numbers))
squares = (n * n for n in numbers)
print(next(squares), next(numbers))
x = 1
g = (x * y for y in range(3))
x = 100
print(list(g))
outer = [1, 2]
g2 = (v for v in outer)
outer = [9, 9]
print(list(g2))
lst = [1, 2]
g3 = (v for v in lst)
lst.append(3)
print(list(g3))
try:
    g4 = (1 / 0 for _ in range(1))
    print("created without error")
    next(g4)
except ZeroDivisionError as e:
    print("error only on iteration:", e)
try:
    g5 = (v for v in 1 / 0)
except ZeroDivisionError as e:
    print("first iterable evaluated eagerly:", e)
def first_match(pred, it):
    return next((v for v in it if pred(v)), None)
print(first_match(lambda v: v > 3, source()), log[-1])
print(first_match(lambda v: v > 30, range(5)))
print(sum(x for x in range(5)), max((len(s), s) for s in ["aa", "b"]))
