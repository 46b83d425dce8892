import sys
sys.dont_write_bytecode = True
sys.path.insert(0, sys.path[0] + "/support")

import shapes.circle
print(shapes.circle.area(2), shapes.PACKAGE_CONSTANT, shapes.circle_area is shapes.circle.area)
import shapes.circle as c
print(c is shapes.circle)
from shapes import square
print(square.area(3), square.uses_sibling(), hasattr(shapes, "square"))
import shapes.solid.cube
print(shapes.solid.cube.summary())
from shapes.solid import cube as cube_alias
print(cube_alias is shapes.solid.cube, shapes.solid.PACKAGE_CONSTANT)
print(sorted(k for k in sys.modules if k.startswith("shapes")))
print(shapes.__package__, shapes.circle.__package__, shapes.solid.cube.__package__)
print(type(shapes.__path__).__name__, len(shapes.__path__), hasattr(shapes.circle, "__path__"))
