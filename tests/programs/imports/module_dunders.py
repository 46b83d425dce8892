import sys
sys.dont_write_bytecode = True
sys.path.insert(0, sys.path[0] + "/support")

import shapes
import shapes.circle
import greeting
for m in [shapes, shapes.circle, greeting]:
    print(m.__name__, repr(m.__package__), m.__spec__.name, m.__spec__.parent)
    print("   file:", m.__file__)
print(shapes.__path__ == [sys.path[1] + "/shapes"] or shapes.__path__)
print(__name__, __package__, __spec__, __file__)
print(repr(__doc__), type(__builtins__).__name__)
print(repr(sys.modules["__main__"]).startswith("<module '__main__' from "))
print(repr(greeting).replace(sys.path[0], "<support>"))
print(greeting.__spec__.origin == greeting.__file__, greeting.__spec__.has_location)
print(sys.__name__, sys.__spec__.origin, repr(sys).startswith("<module 'sys' (built-in)"))
import types
m = types.ModuleType("made_by_hand", "doc text")
print(m.__name__, m.__doc__, m.__package__, m.__spec__, repr(m))
