# closures and cell objects
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c = make_counter()
c(); c()
print(c.__closure__[0].cell_contents, len(c.__closure__), type(c.__closure__[0]).__name__)
print(c.__code__.co_freevars)
c.__closure__[0].cell_contents = 100
print(c())
def late():
    def inner():
        return x
    cell = inner.__closure__[0]
    try:
        cell.cell_contents
    except ValueError as e:
        print(type(e).__name__, e)
    x = 5
    print(cell.cell_contents)
    del x
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
late()
import types
cell = types.CellType(7)
print(cell.cell_contents, types.CellType().__class__.__name__)
empty = types.CellType()
try:
    empty.cell_contents
except ValueError as e:
    print(type(e).__name__, e)
print(types.CellType(1) == types.CellType(1), types.CellType(1) < types.CellType(2))
fs = []
for i in range(3):
    fs.append(lambda i=i: i)
print([f() for f in fs])
def shared():
    v = []
    return (lambda: v.append(1)), (lambda: v)
add, get = shared()
add(); add()
print(get(), add.__closure__[0] is get.__closure__[0])
