x = "global x"
def show_locals(a, b=2):
    c = a + b
    return locals()
print(show_locals(1))
def locals_snapshot():
    v = 1
    snap = locals()
    v = 2
    return snap, locals()
print(locals_snapshot())
def modify_locals():
    y = 1
    locals()["y"] = 100
    return y
print(modify_locals())
def use_globals():
    g = globals()
    g["created_via_globals"] = "yes"
    return g["x"]
print(use_globals(), created_via_globals)
print(globals()["__name__"], "x" in globals(), "show_locals" in globals())
print(sorted(k for k in globals() if k.startswith("__") and k in {"__name__", "__doc__", "__builtins__"}))
def closure_locals():
    free = "free var"
    def inner():
        local = 1
        return sorted(locals().items())
    return inner()
def closure_locals_used():
    free = "free var"
    def inner():
        local = free
        return sorted(locals().items())
    return inner()
print(closure_locals(), closure_locals_used())
print(locals() is globals())
class C:
    attr = 1
    snap = sorted(k for k in locals() if not k.startswith("__"))
print(C.snap)
def exec_in_function():
    ns = {}
    exec("z = 5\nw = z * 2", globals(), ns)
    return ns
print(exec_in_function())
def eval_sees_locals():
    q = 7
    return eval("q * 6")
print(eval_sees_locals())
print(vars() is globals())
def vars_in_function(p=3):
    return vars()
print(vars_in_function())
