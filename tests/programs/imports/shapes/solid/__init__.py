print("shapes.solid/__init__ executing")
from .. import PACKAGE_CONSTANT
from ..square import area as square_area
