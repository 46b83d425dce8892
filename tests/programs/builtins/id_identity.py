# id() used only for identity comparisons
a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), a is b, a is not c, type(id(a)).__name__)
def same(x):
    return id(x)
print(same(a) == id(a))
x = object()
ids = {id(x)}
print(id(x) in ids, id(x) > 0 or id(x) <= 0)
s = 'text'
print(id(s) == id(s), None is None, id(None) == id(None))
o1, o2 = object(), object()
print(id(o1) != id(o2))
