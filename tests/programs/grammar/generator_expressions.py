log = []
def src(n):
    for i in range(n):
        log.append(f"produce {i}")
        yield i
g = (x * 10 for x in src(3))
print(type(g).__name__, log)
print(next(g), log)
print(list(g), log)
print(list(g))
log.clear()
g2 = (x for x in src(5) if x % 2)
print(next(g2), log)
def first_iterable():
    log.append("iterable evaluated")
    return range(2)
log.clear()
g3 = (x for x in first_iterable())
print(log)
try:
    g4 = (x for x in 5)
except TypeError as e:
    print("eager error:", e)
def lazy_cond():
    log.append("cond evaluated")
    return True
log.clear()
g5 = (x for x in range(2) if lazy_cond())
print(log)
list(g5)
print(log)
print(sum(x * x for x in range(4)), max(len(w) for w in ["a", "abc"]), sorted(c for c in "bca"))
print(any(x > 5 for x in range(10)), all(x < 5 for x in range(3)))
nested = ((i, j) for i in range(2) for j in (x for x in "ab"))
print(list(nested))
gen = (c for c in "xy")
print(iter(gen) is gen, next(gen), next(gen, "default"), next(gen, "default"))
try:
    next(gen)
except StopIteration as e:
    print("StopIteration", e.value)
print(", ".join(str(n) for n in range(4)))
print(tuple(n for n in range(3)), set(n % 2 for n in range(5)), dict((c, ord(c)) for c in "ab"))
g6 = (y for y in range(3))
print(g6.__name__, g6.__qualname__)
