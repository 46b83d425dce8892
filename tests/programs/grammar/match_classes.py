class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

def where(p):
    match p:
        case Point3(0, 0, 0):
            return "3d origin"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point3(x, y, z=zz) if zz > 0:
            return f"above plane {x},{y},{zz}"
        case Point(x=px, y=py):
            return f"somewhere {px},{py}"
    return "not a point"

for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 2), Point3(0, 0, 0), Point3(1, 2, 3), Point3(1, 2, -3), "pt"]:
    print(where(p))

def builtins(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str() as s:
            return f"str {s!r}"
        case list([a, *_]):
            return f"list starting {a}"
        case dict({"k": k}):
            return f"dict with k={k}"
        case tuple((a, b)):
            return f"pair {a} {b}"
        case object():
            return f"object {type(v).__name__}"

for v in [True, 7, 2.5, "s", [9, 8], {"k": 1}, (1, 2), None]:
    print(builtins(v))

class NoArgs:
    pass
def no_match_args(v):
    match v:
        case NoArgs():
            return "instance"
    return "other"
print(no_match_args(NoArgs()), no_match_args(1))
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print(type(e).__name__, e)
class TooMany:
    __match_args__ = ("a",)
    a = 1
try:
    match TooMany():
        case TooMany(1, 2):
            pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    match 5:
        case int(1, 2):
            pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    match 5:
        case where():
            pass
except TypeError as e:
    print(type(e).__name__, e)
class Missing:
    __match_args__ = ("nope",)
match Missing():
    case Missing(x):
        print("matched", x)
    case _:
        print("attribute missing means no match")
