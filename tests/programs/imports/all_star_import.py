import sys
sys.dont_write_bytecode = True
sys.path.insert(0, sys.path[0] + "/support")

ns = {}
exec("from with_all import *", ns)
print(sorted(k for k in ns if k != "__builtins__"))
ns = {}
exec("from without_all import *", ns)
print(sorted(k for k in ns if k != "__builtins__"))
try:
    exec("from bad_all import *", {})
except AttributeError as e:
    print(type(e).__name__, e)
ns = {}
exec("from shapes import *", ns)
print(sorted(k for k in ns if k != "__builtins__"))
def star_in_function():
    exec("from with_all import *")
try:
    compile("def f():\n    from with_all import *", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
from with_all import *
print(public_a, _exported_private)
try:
    public_b
except NameError as e:
    print(type(e).__name__, e)
