for e in [Exception(), Exception("one"), Exception("a", 2), ValueError(None), KeyError("k"), KeyError(), KeyError(1, 2), IndexError(3)]:
    print(repr(e), "|", str(e), "|", e.args)
e = Exception("x")
e.args = ("changed", 1)
print(str(e), repr(e))
e.args = ["list becomes tuple"]
print(e.args, type(e.args).__name__)
print(repr(KeyError("")), str(KeyError("")), str(KeyError("a'b")), str(KeyError(("t",))))
se = SystemExit(3)
print(se.code, SystemExit().code, SystemExit("msg").code, SystemExit(1, 2).code)
ki = KeyboardInterrupt()
print(isinstance(ki, Exception), isinstance(ki, BaseException))
si = StopIteration(5)
print(si.value)
ne = NameError("msg", name="thing")
print(ne.name, str(ne))
ae = AttributeError("msg", name="attr", obj=42)
print(ae.name, ae.obj, str(ae))
ie = ImportError("cannot", name="modname", path="/some/path")
print(ie.name, ie.path, ie.msg, str(ie))
mnfe = ModuleNotFoundError("No module named 'zz'", name="zz")
print(mnfe.name, isinstance(mnfe, ImportError))
try:
    import definitely_not_a_module_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name, e.path)
try:
    {}.missing_attr
except AttributeError as e:
    print(e.name, e.obj)
try:
    undefined_name_here
except NameError as e:
    print(e.name, e.args)
be = BaseException("base")
print(be.__traceback__, be.__cause__, be.__context__, be.__suppress_context__)
print(Exception.__init__ is BaseException.__init__, ValueError.__str__ is BaseException.__str__)
class WithSlots(Exception):
    pass
w = WithSlots("a", "b")
w.extra = 1
print(w.extra, w.__dict__, w.args)
print(repr(RuntimeError("multi\nline")), str(OSError()), repr(OSError()))
print(ArithmeticError.__doc__)
print(BaseException.__new__(ValueError, "via new").args)
