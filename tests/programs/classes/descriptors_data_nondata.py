class NonData:
    def __get__(self, obj, objtype=None):
        return "NonData.__get__"
class Data:
    def __get__(self, obj, objtype=None):
        return "Data.__get__"
    def __set__(self, obj, value):
        print("Data.__set__", value)
class C:
    nd = NonData()
    d = Data()
c = C()
print(c.nd, c.d)
c.__dict__["nd"] = "instance dict wins over non-data"
c.__dict__["d"] = "instance dict loses to data descriptor"
print(c.nd)
print(c.d)
c.d = 5
print(c.__dict__["d"])
c.nd = "plain assignment goes to instance dict"
print(c.nd, c.__dict__["nd"])
del c.nd
print(c.nd)
class OnlySet:
    def __set__(self, obj, value):
        obj.__dict__["via_set"] = value
class D:
    s = OnlySet()
d = D()
print(type(d.s).__name__)
d.s = 3
print(d.__dict__)
d.__dict__["s"] = "in dict"
print(d.s)
class OnlyDelete:
    def __delete__(self, obj):
        print("OnlyDelete.__delete__")
class E:
    x = OnlyDelete()
e = E()
e.__dict__["x"] = "shadow?"
print(type(e.x).__name__)
del e.x
class Method:
    def f(self):
        return "method"
m = Method()
m.f = lambda: "instance attribute shadows function (non-data)"
print(m.f())
del m.f
print(m.f())
print(hasattr(NonData, "__set__"), hasattr(Data, "__set__"))
print(type(Method.__dict__["f"].__get__(m, Method)).__name__, Method.__dict__["f"].__get__(None, Method) is Method.__dict__["f"])
class P:
    @property
    def prop(self):
        return "property is a data descriptor"
p = P()
p.__dict__["prop"] = "ignored"
print(p.prop)
