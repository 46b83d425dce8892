import sys
sys.dont_write_bytecode = True
sys.path.insert(0, sys.path[0] + "/support")

try:
    from greeting import missing_name
except ImportError as e:
    print(type(e).__name__, e.name, e.path == sys.modules["greeting"].__file__)
try:
    from sys import no_such_thing
except ImportError as e:
    print(e)
try:
    from shapes import PACKAGE_CONSTANT, not_defined_anywhere
except ImportError as e:
    print(str(e).replace(sys.path[1], "$AREA"))
from shapes import PACKAGE_CONSTANT
print(PACKAGE_CONSTANT)
from greeting import hello_typo
