import sys
def attempt(code, ns=None):
    try:
        exec(code, ns if ns is not None else {})
    except (NameError, AttributeError, ImportError) as e:
        print(type(e).__name__, "|", e)
attempt("prnt('x')")
attempt("lenn([1])")
attempt("x = undefined_variable_with_no_match")
counter = 0
attempt("countr + 1", {"counter": 1})
class Point:
    def __init__(self):
        self.x_coord = 1
    def distance(self):
        return 0
p = Point()
try:
    p.x_cord
except AttributeError as e:
    print("str(e) has no suggestion:", e)
import traceback
for expr in ["p.x_cord", "p.distanse()", "[].apend(1)", "'s'.uper()", "sys.arg"]:
    try:
        eval(expr)
    except Exception as e:
        print(traceback.format_exception(e)[-1].rstrip())
def method_scope():
    class Widget:
        def __init__(self):
            self.size = 3
        def grow(self):
            return size + 1
    Widget().grow()
try:
    method_scope()
except NameError as e:
    print(traceback.format_exception(e)[-1].rstrip())
def local_typo():
    response_value = 1
    return respons_value
try:
    local_typo()
except NameError as e:
    print(traceback.format_exception(e)[-1].rstrip())
try:
    eval("Flase")
except NameError as e:
    print(traceback.format_exception(e)[-1].rstrip())
try:
    from sys import exitt
except ImportError as e:
    print(traceback.format_exception(e)[-1].rstrip())
values = [1, 2]
print(valuse)
