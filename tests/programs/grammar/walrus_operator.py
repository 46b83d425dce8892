if (n := 10) > 5:
    print("n is", n)
print(n)
data = [1, 2, 3, 4]
while (item := data.pop()) != 2:
    print("popped", item)
print("stopped at", item, data)
print((y := 5), y)
print([z := 3, z * 2])
def f(v):
    return v * 10
print(f(w := 4), w)
values = [f(x) for x in range(3)]
if (total := sum(values)) > 20:
    print("total", total)
print({(k := "key"): k * 2})
x = (a := 1) + (b := 2)
print(x, a, b)
def g():
    if (local := 7):
        pass
    return local
print(g())
print("local" in globals())
lam = lambda: (q := 9) + q
print(lam())
print((t := (1, 2)), t[0])
print(f"{(fs := 'fstring')!r} {fs}")
print("no walrus at top level without parens: see syntax tests")
