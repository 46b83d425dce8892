class Thing:
    def __repr__(self):
        return "Thing(repr)"
    def __str__(self):
        return "Thing(str)"
    def __format__(self, spec):
        return "Thing(format:" + spec + ")"

t = Thing()
print(f"{t}", f"{t!s}", f"{t!r}", f"{t!a}", f"{t:abc}")
print(f"{t!s:>12}|", f"{t!r:<12}|")
s = "naïve ☃"
print(f"{s}", f"{s!r}", f"{s!a}", f"{s!s}")
print(f"{s!a:>20}|")
print(f"{1.0!r}", f"{1.0!s}", f"{[1, 'a']!s}", f"{[1, 'a']!a}")
print(f"{t=}", f"{t=!s}", f"{t=:fmt}", f"{t = !a}")
print(format(t), format(t, "x"), str(t), repr(t), ascii(t))
print("{!r} {!s} {!a}".format(s, s, s))
print("{0!r:>15}".format("x"))
print(format(12, ""), format("s", ""), format(None, ""))
try:
    format(object(), "x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    f"{12:q}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{'s':d}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{3.5:x}"
except ValueError as e:
    print(type(e).__name__, e)
try:
    f"{12:,s}"
except ValueError as e:
    print(type(e).__name__, e)
