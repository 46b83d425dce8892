log = []
def v(name, value=None):
    log.append(name)
    return value if value is not None else name

def show(label):
    print(label, log)
    log.clear()

v("a", 1) + v("b", 2) * v("c", 3)
show("binary operands left to right:")
def sink(*args, **kwargs):
    log.append("called")
v("f", sink)(v("arg1"), v("arg2"), k=v("kw"))
show("callee then args:")
d = {v("k1"): v("v1"), v("k2"): v("v2")}
show("dict display key then value:")
[v("l1"), v("l2")], (v("t1"), v("t2"))
show("list then tuple:")
lst = [0, 0]
lst[v("idx", 0)] = v("rhs")
show("rhs before target subscript:")
obj = type("O", (), {})()
v("target_obj", obj).attr = v("value")
show("value then target object:")
a = {}
a[v("i1", 1)], a[v("i2", 2)] = v("r1"), v("r2")
show("all rhs then targets left to right:")
x = y = v("chained")
show("chained assignment evaluates once:")
v("cond", True) and v("right")
show("and:")
v("x1", 1) < v("x2", 2) < v("x3", 3)
show("chain:")
v("t", True) if v("c", True) else v("f")
show("conditional: condition first:")
v("obj", lst)[v("start", 0):v("stop", 1)]
show("slice:")
v("base", 2) ** v("exp", 3)
show("power left to right:")
def defaults(a=v("default_a"), b=v("default_b")):
    pass
show("defaults at def time:")
@v("decorator", lambda f: f)
def decorated(x=v("default_in_decorated")):
    pass
show("decorator expression before defaults:")
z = [v(f"comp{i}") for i in range(2)]
show("comprehension:")
print(v("print_arg1"), v("print_arg2"), sep=v("sep", " "))
show("print args:")
