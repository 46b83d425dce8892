x = "global x"
result = [x for x in range(3)]
print(result, x)
i = "outer i"
squares = {i * i for i in range(3)}
print(sorted(squares), i)
d = {k: 1 for k in "ab"}
print("k" in globals())
g = (n for n in range(2))
print("n" in globals(), list(g))
funcs = [lambda: v for v in range(3)]
print([f() for f in funcs])
funcs = [lambda v=v: v for v in range(3)]
print([f() for f in funcs])
def outer():
    y = 10
    return [y + z for z in range(3)]
print(outer())
def rebinding():
    items = [1, 2]
    items = [items for items in items]
    return items
print(rebinding())
class C:
    data = [1, 2, 3]
    doubled = [v * 2 for v in data]
    factor = 10
    try:
        scaled = [v * factor for v in data]
    except NameError as e:
        scaled = f"NameError: {e}"
    first_iter_ok = [factor for _ in range(1)] if False else "skipped"
print(C.doubled)
print(C.scaled)
class D:
    n = 3
    made = [i for i in range(n)]
print(D.made)
class E:
    y = 5
    try:
        pairs = [(a, b) for a in range(2) for b in range(y)]
    except NameError as e:
        pairs = f"NameError: {e}"
print(E.pairs)
def comp_in_func():
    total = 100
    return {k: total for k in "ab"}
print(comp_in_func())
print([locals_keys for locals_keys in [sorted(k for k in ("b", "a"))]])
