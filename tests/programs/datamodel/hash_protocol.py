class H:
    def __init__(self, h):
        self.h = h
    def __hash__(self):
        return self.h
print(hash(H(42)), hash(H(-1)), hash(H(True)))
print(hash(H(2 ** 100)) == hash(2 ** 100))
class MyInt(int):
    pass
print(hash(H(MyInt(7))))
for bad in ["string", 1.5, None, [1]]:
    try:
        hash(H(bad))
    except TypeError as e:
        print(type(e).__name__, e)
class Counting:
    calls = 0
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        Counting.calls += 1
        return hash(self.v)
    def __eq__(self, other):
        return self.v == other.v
d = {Counting(1): "a"}
d[Counting(1)] = "b"
print(len(d), list(d.values()), Counting.calls)
class AlwaysSameHash:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 0
    def __eq__(self, other):
        return self.v == other.v
    def __repr__(self):
        return f"S({self.v})"
st = {AlwaysSameHash(i) for i in range(5)}
print(len(st), AlwaysSameHash(3) in st, AlwaysSameHash(9) in st)
class EqOnlySame:
    def __hash__(self):
        return 1
e1, e2 = EqOnlySame(), EqOnlySame()
print(len({e1, e2}), len({e1, e1}))
