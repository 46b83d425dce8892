import sys
sys.dont_write_bytecode = True
sys.path.insert(0, sys.path[0] + "/support")

import nspkg.part.mod
print(nspkg.part.mod.WHERE)
import nspkg
print(nspkg.__file__, nspkg.__spec__.origin, len(list(nspkg.__path__)))
print(list(nspkg.__path__) == [sys.path[1] + "/nspkg"])
print(nspkg.__name__, nspkg.__package__, repr(nspkg).startswith("<module 'nspkg' (namespace)"))
from nspkg.part import mod as m2
print(m2 is nspkg.part.mod)
