print("shapes/__init__ start")
PACKAGE_CONSTANT = "shapes constant"
from .circle import area as circle_area
print("shapes/__init__ end")
