x = 1
del x
try:
    x
except NameError as e:
    print(type(e).__name__, e)
a, b, c = 1, 2, 3
del a, b
print("c" in dir(), "a" in dir())
lst = [0, 1, 2, 3, 4, 5]
del lst[0]
print(lst)
del lst[-1], lst[0]
print(lst)
del lst[1:]
print(lst)
d = {"k": 1, "j": 2, "m": 3}
del d["k"]
print(d)
del (d["j"])
print(d)
try:
    del d["missing"]
except KeyError as e:
    print(type(e).__name__, e)
class O:
    pass
o = O()
o.attr = 5
del o.attr
print(hasattr(o, "attr"))
try:
    del o.attr
except AttributeError as e:
    print(type(e).__name__, e)
p, q = 1, 2
del (p, q)
r = [1, 2]
del [r]
print("p" in dir(), "r" in dir())
def f():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return f"{type(e).__name__}: {e}"
print(f())
def g():
    z = 1
    def inner():
        return z
    del z
    try:
        return inner()
    except NameError as e:
        return f"{type(e).__name__}: {e}"
print(g())
try:
    del undefined_thing
except NameError as e:
    print(type(e).__name__, e)
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print(type(e).__name__, e)
