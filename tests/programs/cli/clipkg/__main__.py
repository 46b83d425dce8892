import sys
print("clipkg/__main__ running, __name__ =", __name__)
print("__package__ =", __package__)
print("argv[1:] =", sys.argv[1:])
print("argv[0] ends with __main__.py:", sys.argv[0].endswith("__main__.py"))
from . import helper
print("helper.VALUE =", helper.VALUE)
