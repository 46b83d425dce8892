def ret():
    rest = [2, 3]
    return 1, *rest
print(ret())
def gen():
    rest = "bc"
    yield "a", *rest
print(list(gen()))
for x in *[1, 2], 3:
    print("for over starred tuple:", x)
t = *range(3),
print(t)
a, *b = *"xy", *"z"
print(a, b)
print([*{"k1": 1, "k2": 2}])
print({**dict(a=1), **dict(b=2)})
s = {*"aa", *"a"}
print(s)
def args_and_kwargs(*args, **kwargs):
    return len(args), sorted(kwargs)
print(args_and_kwargs(*(), **{}))
print(args_and_kwargs(*[None] * 3, **dict.fromkeys("xyz")))
idx = (1, 2)
class G:
    def __getitem__(self, k):
        return k
print(G()[*idx], G()[0, *idx])
print(*"abc")
print(*range(3), sep=", ")
m = [*map(str.upper, "ab")]
print(m)
nested = [*[*[1, 2], 3], *[4]]
print(nested)
first, *_, last = range(100)
print(first, last, len(_))
(*x1,) = (1,)
print(x1)
*a1, b1, c1 = "xyz"
print(a1, b1, c1)
