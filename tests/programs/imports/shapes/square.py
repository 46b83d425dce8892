print("shapes.square executing")
from . import circle
from .circle import PI

def area(s):
    return s * s

def uses_sibling():
    return circle.area(1) + PI
