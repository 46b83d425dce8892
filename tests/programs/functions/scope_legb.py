x = "global"
def outer():
    x = "enclosing"
    def inner():
        x = "local"
        return x
    def reads_enclosing():
        return x
    return inner(), reads_enclosing()
print(outer(), x)
def builtin_lookup():
    return len("abc")
print(builtin_lookup())
def shadow_builtin():
    len = lambda s: "shadowed"
    return len("abc")
print(shadow_builtin(), len("abc"))
import builtins
def via_builtins():
    return builtins.len("ab")
print(via_builtins())
len = lambda s: "global shadow"
print(len("x"), builtin_lookup())
del len
print(len("restored"))
def unbound():
    try:
        print(x)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    x = "assigned later"
unbound()
def conditional_local(flag):
    if flag:
        y = "set"
    try:
        return y
    except UnboundLocalError as e:
        return str(e)
print(conditional_local(True), conditional_local(False))
def params_are_local(x):
    x = x + "!"
    return x
print(params_are_local("arg"), x)
class Scope:
    x = "class"
    def method(self):
        return x
    y = x + " body sees class x"
print(Scope().method(), Scope.y)
def nested_class():
    v = "function v"
    class Inner:
        v = "class v"
        w = v
    return Inner.w
print(nested_class())
def free_in_class():
    v = "function v"
    class Inner:
        w = v
    return Inner.w
print(free_in_class())
try:
    undefined_function_name()
except NameError as e:
    print(type(e).__name__, e, e.name)
