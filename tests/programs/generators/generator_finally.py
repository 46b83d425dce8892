def with_finally(log):
    try:
        log.append("start")
        yield 1
        log.append("after first yield")
        yield 2
    finally:
        log.append("finally")
log = []
print(list(with_finally(log)), log)
log = []
g = with_finally(log)
next(g)
g.close()
print(log)
log = []
for v in with_finally(log):
    if v == 1:
        break
print("after break:", log)
import gc
gc.collect()
print("after collect:", log)
def yield_in_finally():
    try:
        yield "body"
    finally:
        yield "from finally"
print(list(yield_in_finally()))
def return_in_finally():
    try:
        yield 1
        return "from try"
    finally:
        return "from finally"
r = return_in_finally()
next(r)
try:
    next(r)
except StopIteration as e:
    print("StopIteration value:", e.value)
def except_and_finally():
    try:
        yield 1
        raise ValueError("inside generator")
    except ValueError as e:
        yield f"caught {e}"
    finally:
        yield "finally"
print(list(except_and_finally()))
def with_context():
    class CM:
        def __enter__(self):
            print("enter")
        def __exit__(self, *a):
            print("exit", a[0].__name__ if a[0] else None)
    with CM():
        yield "inside with"
wc = with_context()
print(next(wc))
wc.close()
wc2 = with_context()
print(next(wc2))
try:
    wc2.throw(KeyError("boom"))
except KeyError:
    print("KeyError propagated after __exit__")
