import sys
sys.dont_write_bytecode = True
sys.path.insert(0, sys.path[0] + "/support")

import importlib
m = importlib.import_module("greeting")
print(m.hello("importlib"))
circle = importlib.import_module("shapes.circle")
print(circle.area(1), circle.__name__)
sq = importlib.import_module(".square", package="shapes")
print(sq.__name__)
cube = importlib.import_module("..solid.cube", package="shapes.circle")
print(cube.__name__)
print(importlib.import_module("greeting") is m)
try:
    importlib.import_module(".x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    importlib.import_module("no_such_module_abc")
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
mod = __import__("shapes.solid.cube")
print(mod.__name__, mod.solid.cube.__name__)
leaf = __import__("shapes.solid.cube", fromlist=["volume"])
print(leaf.__name__, leaf.volume(3))
print(__import__("math").sqrt(16))
