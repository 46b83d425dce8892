def square(x):
    return x * x

results = [y for x in range(6) if (y := square(x)) % 2 == 0]
print(results, y)
print([last := x for x in range(4)], last)
def inner():
    total = 0
    running = [total := total + x for x in [1, 2, 3, 4]]
    return running, total
print(inner())
def scope_check():
    [cap := i for i in "abc"]
    return cap
print(scope_check())
gen = ((m := i * 10) for i in range(3))
print(list(gen), m)
seen = {(k := w.upper()) for w in ["a", "b"]}
print(sorted(seen), k)
d = {i: (v := i + 100) for i in range(2)}
print(d, v)
def nested():
    out = [[(p := a * b) for b in range(3)] for a in range(1, 3)]
    return out, p
print(nested())
class C:
    print("class body walrus", (cw := 5))
print(C.cw)
try:
    exec("class D:\n    [dw := i for i in range(3)]\n")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    exec("[i := 0 for i in range(3)]")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    exec("[x for x in (j := [1, 2]) if j]")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
