print("before class")
class Demo:
    print("executing class body")
    x = 1
    y = x + 1
    for i in range(3):
        pass
    del i
    if y > 1:
        z = "conditional attribute"
    def method(self):
        return "method"
    print("locals so far:", sorted(k for k in locals() if not k.startswith("__")))
    print("__module__ in body:", __module__, "__qualname__:", __qualname__)
print("after class")
print(Demo.y, Demo.z, hasattr(Demo, "i"))
def make_class(tag):
    class Inner:
        label = tag
        def get(self):
            return self.label
    return Inner
A = make_class("a")
B = make_class("b")
print(A().get(), B().get(), A is B, A.__qualname__)
class Outer:
    value = 10
    class Nested:
        try:
            seen = value
        except NameError as e:
            seen = f"NameError: {e}"
    def method(self):
        return Outer.value
print(Outer.Nested.seen, Outer().method())
class WithReturn:
    try:
        exec("return 1")
    except SyntaxError as e:
        msg = e.msg
print(WithReturn.msg)
class Conditional:
    if True:
        def f(self):
            return "first definition"
    else:
        def f(self):
            return "second"
print(Conditional().f())
class Redefine:
    def f(self):
        return 1
    def f(self):
        return 2
print(Redefine().f())
class SelfReference:
    try:
        ref = SelfReference
    except NameError as e:
        ref = f"NameError: {e}"
print(SelfReference.ref)
class Doc:
    "docstring"
    __doc__ = "overridden"
print(Doc.__doc__)
class Ann:
    a: int
    print("annotations in body:", __annotations__)
print(Ann.__static_attributes__ if hasattr(Ann, "__static_attributes__") else None)
class Attrs:
    def __init__(self):
        self.first = 1
        self.second = 2
    def other(self):
        self.third = 3
print(sorted(Attrs.__static_attributes__), Demo.__firstlineno__)
