def classify(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"

for n in (-5, 0, 5):
    print(n, classify(n))

calls = []

def f(x):
    calls.append(x)
    return x

r = f("then") if f(True) else f("else")
print(r, calls)
calls.clear()
r = f("then") if f(0) else f("else")
print(r, calls)
print([x if x % 2 else -x for x in range(6)])
print([(lambda: "a") if True else (lambda: "b")][0]())
print((1, 2) if [] else (3, 4))
x = 10
y = x * 2 if x > 5 else x / 2
print(y)
print("yes" if "non-empty" else "no", "yes" if "" else "no")
print(max(1, 2) if max(1, 2) > 1 else min(1, 2))
g = (i if i < 3 else None for i in range(5))
print(list(g))
print({k: ("even" if k % 2 == 0 else "odd") for k in range(4)})
value = None
print(value if value is not None else "missing")
print((lambda n: "big" if n > 100 else "small")(150))
