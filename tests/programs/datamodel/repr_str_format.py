class Both:
    def __repr__(self):
        return "Both(repr)"
    def __str__(self):
        return "Both(str)"
b = Both()
print(b, str(b), repr(b), [b], (b,), {"k": b}, f"{b}", f"{b!r}", "%s %r" % (b, b))
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
o = OnlyRepr()
print(o, str(o), [o], format(o), f"{o:}")
class OnlyStr:
    def __str__(self):
        return "OnlyStr str"
s = OnlyStr()
print(s, repr(s).startswith("<__main__.OnlyStr object at "), [s][0] is s)
class Fmt:
    def __format__(self, spec):
        return f"Fmt[{spec}]"
f = Fmt()
print(format(f), format(f, ">10"), f"{f:abc}", "{:xyz}".format(f), "{0!s}".format(OnlyRepr()))
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print(type(e).__name__, e)
class BadFormat:
    def __format__(self, spec):
        return 1
try:
    format(BadFormat())
except TypeError as e:
    print(type(e).__name__, e)
class StrSub(str):
    pass
class ReturnsStrSub:
    def __str__(self):
        return StrSub("subclass ok")
print(str(ReturnsStrSub()), type(str(ReturnsStrSub())).__name__)
class Recursive:
    def __init__(self):
        self.items = [self]
    def __repr__(self):
        return f"Recursive({self.items!r})"
lst = [1]
lst.append(lst)
d = {}
d["self"] = d
print(lst, d)
print(repr("quote's"), repr('dq"'), repr("both'\""), str(1.0), repr(1.0), str([1.0, "s"]))
class Bytes:
    def __bytes__(self):
        return b"custom bytes"
print(bytes(Bytes()))
print(ascii(Both()), ascii("ü"))
class Default:
    pass
dflt = Default()
print(format(dflt, "") == str(dflt), repr(dflt) == str(dflt))
