def make_counter():
    count = 0
    def increment(step=1):
        nonlocal count
        count += step
        return count
    return increment
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(5), c2())
print(c1.__closure__ is not None, len(c1.__closure__), c1.__closure__[0].cell_contents)
print(c1.__code__.co_freevars, make_counter.__code__.co_cellvars)
def no_closure():
    return 1
print(no_closure.__closure__)
def shared():
    value = []
    def add(x):
        value.append(x)
    def get():
        return list(value)
    return add, get
add, get = shared()
add(1); add(2)
print(get(), add.__closure__[0] is get.__closure__[0])
def deep():
    a = 1
    def level1():
        b = 2
        def level2():
            c = 3
            def level3():
                return a + b + c
            return level3
        return level2
    return level1
f3 = deep()()()
print(f3(), f3.__code__.co_freevars)
def empty_cell():
    def inner():
        return later
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    later = "bound now"
    return inner()
print(empty_cell())
import types
cell = types.CellType(5)
print(cell.cell_contents)
cell.cell_contents = 6
print(cell.cell_contents)
empty = types.CellType()
try:
    empty.cell_contents
except ValueError as e:
    print(type(e).__name__, e)
def class_cell():
    class A:
        def m(self):
            return __class__
    return A
A = class_cell()
print(A().m() is A, A.m.__code__.co_freevars)
