import sys
sys.dont_write_bytecode = True
sys.path.insert(0, sys.path[0] + "/support")

print("importing a module that fails")
try:
    import raises_on_import
except KeyError as e:
    print("caught", type(e).__name__, e)
print("failed module left in sys.modules:", "raises_on_import" in sys.modules)
import raises_on_import
