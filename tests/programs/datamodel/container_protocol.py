class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        print("getitem", key)
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        print("setitem", key, value)
        self.cells[key] = value
    def __delitem__(self, key):
        print("delitem", key)
        del self.cells[key]
    def __len__(self):
        return len(self.cells)
g = Grid()
g[0, 0] = "X"
g[1, 2] = "O"
print(g[0, 0], g[5, 5], len(g))
del g[0, 0]
print(len(g))
try:
    del g[9, 9]
except KeyError as e:
    print(type(e).__name__, e)
g[1:3] = "slice"
print(g[::2])
g["k"] += "!"
print(g.cells)
class ReadOnly:
    def __getitem__(self, i):
        return i
r = ReadOnly()
try:
    r[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    del r[0]
except TypeError as e:
    print(type(e).__name__, e)
class NoItems:
    pass
try:
    NoItems()[0]
except TypeError as e:
    print(type(e).__name__, e)
class ClassItem:
    pass
ClassItem.__getitem__ = lambda self, k: f"added later {k}"
print(ClassItem()["x"])
inst = NoItems()
inst.__getitem__ = lambda k: "instance method ignored"
try:
    inst[0]
except TypeError as e:
    print(type(e).__name__, e)
lst = [1, 2, 3]
for bad in ["a", 1.5, None]:
    try:
        lst[bad]
    except TypeError as e:
        print(type(e).__name__, e)
try:
    lst[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    lst[10] = 1
except IndexError as e:
    print(type(e).__name__, e)
try:
    "abc"[5]
except IndexError as e:
    print(type(e).__name__, e)
try:
    (1,)[2]
except IndexError as e:
    print(type(e).__name__, e)
try:
    {}["k"]
except KeyError as e:
    print(type(e).__name__, e)
