import sys
sys.dont_write_bytecode = True
sys.path.insert(0, sys.path[0] + "/support")

print("main: before any import")
import counter_mod
print("main: after first import")
import counter_mod
print("main: after second import, loads =", counter_mod.loads)
counter_mod.loads += 1
del sys.modules["counter_mod"]
import counter_mod as fresh
print("after removing from sys.modules, re-executed: loads =", fresh.loads)
print("shapes not imported yet:", "shapes" in sys.modules)
from shapes.solid import cube
print("order shows parents run before children")
import importlib
print("reload:")
reloaded = importlib.reload(fresh)
print(reloaded is fresh, reloaded.loads)
