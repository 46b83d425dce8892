import sys
sys.dont_write_bytecode = True
sys.path.insert(0, sys.path[0] + "/support")

import dyn_attrs
print(dyn_attrs.real)
print(dyn_attrs.lazy_thing)
print(getattr(dyn_attrs, "lazy_other", "default"))
print(hasattr(dyn_attrs, "missing"), getattr(dyn_attrs, "missing", "fallback"))
try:
    dyn_attrs.missing
except AttributeError as e:
    print(type(e).__name__, e)
from dyn_attrs import lazy_imported
print(lazy_imported)
print(dir(dyn_attrs))
print([c for c in dyn_attrs._lazy_calls if not c.startswith("__")])
import greeting
try:
    greeting.nothing
except AttributeError as e:
    print(type(e).__name__, e)
