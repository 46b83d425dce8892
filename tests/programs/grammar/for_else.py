for i in range(3):
    print("item", i)
else:
    print("else, i =", i)
for i in []:
    print("never")
else:
    print("else on empty")
for word in ["a", "bb", "ccc"]:
    if len(word) == 2:
        print("found", word)
        break
else:
    print("not printed")
def primes(limit):
    out = []
    for n in range(2, limit):
        for d in range(2, n):
            if n % d == 0:
                break
        else:
            out.append(n)
    return out
print(primes(30))
for i, ch in enumerate("xyz", start=1):
    print(i, ch)
for k, v in {"a": 1, "b": 2}.items():
    print(k, v)
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    print(a + b + c)
for x in range(10):
    if x % 3:
        continue
    print("multiple of 3:", x)
for _ in range(2):
    for _ in range(2):
        pass
print(_)
lst = [1, 2, 3]
for item in lst:
    if item == 1:
        lst.append(4)
print(lst)
for i in range(3):
    pass
print("i after loop:", i)
d = {"k": 1}
for d["key"] in range(2):
    pass
print(d)
