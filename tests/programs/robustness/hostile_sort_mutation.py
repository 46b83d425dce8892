# comparisons that mutate the list being sorted
data = [3, 1, 2]
class Evil:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        data.append(self.v)
        return self.v < other.v
data = [Evil(3), Evil(1), Evil(2)]
try:
    data.sort()
except ValueError as e:
    print(type(e).__name__, e)
print(len(data) >= 3)
target = [5, 4, 3, 2, 1]
def key(x):
    target.clear()
    return x
try:
    target.sort(key=key)
except ValueError as e:
    print(type(e).__name__, e)
print(target)
class Raiser:
    def __lt__(self, other):
        raise RuntimeError('compare failed')
lst = [Raiser(), Raiser(), 1]
try:
    lst.sort(key=lambda x: x if isinstance(x, Raiser) else Raiser())
except RuntimeError as e:
    print(type(e).__name__, e)
print(len(lst))
r = [3, 2, 1]
def bad_key(x):
    if x == 2:
        raise KeyError('key func failed')
    return x
try:
    r.sort(key=bad_key)
except KeyError as e:
    print(type(e).__name__, e)
print(r)
