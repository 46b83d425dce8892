import sys
sys.dont_write_bytecode = True
sys.path.insert(0, sys.path[0] + "/support")

print("main __name__:", __name__)
import guarded
print(guarded.main())
if __name__ == "__main__":
    print("this program is the main module")
import runpy
print("running guarded.py with runpy as __main__:")
ns = runpy.run_module("guarded", run_name="__main__")
print(ns["__name__"], ns["main"]())
