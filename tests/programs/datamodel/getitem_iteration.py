class Seq:
    def __getitem__(self, index):
        print("getitem", index)
        if index >= 3:
            raise IndexError(index)
        return index * 10
print(list(Seq()))
for v in Seq():
    pass
print(20 in Seq())
print(type(iter(Seq())).__name__)
class KeyErrorStops:
    def __getitem__(self, i):
        raise KeyError(i)
try:
    list(KeyErrorStops())
except KeyError as e:
    print("KeyError propagates:", e)
class StopIterStops:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i
print(list(StopIterStops()))
class Mapping:
    def __getitem__(self, key):
        return {"a": 1}[key]
try:
    list(Mapping())
except KeyError as e:
    print(type(e).__name__, e)
class NoneIter:
    __iter__ = None
    def __getitem__(self, i):
        return i
try:
    iter(NoneIter())
except TypeError as e:
    print(type(e).__name__, e)
class Reversible:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if not 0 <= i < 3:
            raise IndexError
        return "abc"[i]
print(list(reversed(Reversible())), list(Reversible()), sorted(Reversible(), reverse=True))
a, b, c = Reversible()
print(a, b, c)
print(max(Reversible()), "".join(Reversible()), dict(enumerate(Reversible())))
