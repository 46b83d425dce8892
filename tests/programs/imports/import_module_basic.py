import sys
sys.dont_write_bytecode = True
sys.path.insert(0, sys.path[0] + "/support")

import greeting
print(greeting.hello(), greeting.hello("you"), greeting.count, greeting.NAME)
import greeting as g
print(g is greeting, g.count)
from greeting import hello, NAME
from greeting import hello as hi, count
print(hello is hi, hi("alias"), NAME, count, greeting.count)
import greeting
print("second import does not re-execute")
print(type(greeting).__name__, greeting.__name__, greeting.__doc__)
print(sorted(k for k in vars(greeting) if not k.startswith("__")))
greeting.added = "attribute added from outside"
from greeting import added
print(added)
import sys as system, greeting as gg
print(system is sys, gg is g)
def local_import():
    import greeting
    from greeting import _private
    return greeting.NAME, _private, "greeting" in locals()
print(local_import())
print("hello" in dir(), "greeting" in globals())
