a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = "xy"
print(f, g)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
h, *mid, t = "abcdef"
print(h, mid, t)
h, *mid, t = "ab"
print(h, mid, t)
(p, *q), r = [1, 2, 3], 4
print(p, q, r)
[*only] = (7, 8)
print(only)
*s, = {1: "a", 2: "b"}
print(s)
x = y = z = [0]
print(x is y is z)
i, j = k = 1, 2
print(i, j, k)
for n, (u, *v) in enumerate([(1, 2, 3), (4,)]):
    print(n, u, v)
obj = type("O", (), {})()
obj.attr, lst = 10, [0, 0]
lst[0], lst[1] = "L0", "L1"
print(obj.attr, lst)
d = {}
d["a"], d["b"] = 1, 2
print(d)
for bad in ["a, b = 1, 2, 3", "a, b, c = 1, 2", "a, b = 1", "a, *b, c = [1]"]:
    try:
        exec(bad)
    except (ValueError, TypeError) as ex:
        print(type(ex).__name__, ex)
a, b = iter([10, 20])
print(a, b)
