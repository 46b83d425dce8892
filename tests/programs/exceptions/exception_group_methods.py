eg = ExceptionGroup("root", [
    ValueError("v1"),
    TypeError("t1"),
    ExceptionGroup("sub", [ValueError("v2"), KeyError("k1")]),
])
print(repr(eg))
print(str(eg), eg.message, len(eg.exceptions))
match, rest = eg.split(ValueError)
print("split match:", repr(match))
print("split rest:", repr(rest))
print(repr(eg.subgroup(TypeError)))
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
print(eg.subgroup(OSError))
print(eg.subgroup(ExceptionGroup) is eg, eg.subgroup(Exception) is eg)
m2, r2 = eg.split((TypeError, KeyError))
print(repr(m2), repr(r2))
m3, r3 = eg.split(lambda e: isinstance(e, ExceptionGroup) and e.message == "sub")
print(repr(m3), repr(r3))
class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + "*", excs)
mg = MyGroup("custom", [ValueError(1), TypeError(2)])
a, b = mg.split(ValueError)
print(type(a).__name__, repr(a), type(b).__name__, repr(b))
print(repr(mg.derive([KeyError(0)])))
plain = ExceptionGroup("p", [ValueError()])
print(repr(plain.derive([TypeError()])))
beg = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError()])
print(type(beg).__name__, repr(beg))
auto = BaseExceptionGroup("only exceptions", [ValueError(), TypeError()])
print(type(auto).__name__)
for bad_args in [("msg", []), ("msg", [1]), (1, [ValueError()]), ("msg", ValueError())]:
    try:
        ExceptionGroup(*bad_args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e:
    print(type(e).__name__, e)
eg.add_note("note on root")
m, r = eg.split(ValueError)
print(m.__notes__, r.__notes__)
print(issubclass(ExceptionGroup, BaseExceptionGroup), issubclass(ExceptionGroup, Exception), ExceptionGroup.__mro__)
