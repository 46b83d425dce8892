log = []
class L:
    def __init__(self, tag):
        self.tag = tag
    def __repr__(self):
        return self.tag
def add(name, result):
    def method(self, other):
        log.append(f"{self!r}.{name}({other!r})")
        return result
    return method
class A(L):
    __lt__ = add("__lt__", NotImplemented)
    __le__ = add("__le__", NotImplemented)
    __eq__ = add("__eq__", NotImplemented)
    __ne__ = add("__ne__", NotImplemented)
    __gt__ = add("__gt__", NotImplemented)
    __ge__ = add("__ge__", NotImplemented)
class B(L):
    __lt__ = add("__lt__", "B.lt")
    __le__ = add("__le__", "B.le")
    __eq__ = add("__eq__", "B.eq")
    __ne__ = add("__ne__", "B.ne")
    __gt__ = add("__gt__", "B.gt")
    __ge__ = add("__ge__", "B.ge")
a, b = A("a"), B("b")
for label, fn in [("a < b", lambda: a < b), ("a <= b", lambda: a <= b), ("a == b", lambda: a == b),
                  ("a != b", lambda: a != b), ("a > b", lambda: a > b), ("a >= b", lambda: a >= b)]:
    log.clear()
    result = fn()
    print(label, "=", result, log)
log.clear()
print("a == a:", a == a, log)
log.clear()
print("a != a:", a != a, log)
class SubB(B):
    __gt__ = add("__gt__", "SubB.gt")
log.clear()
print("b < SubB:", b < SubB("s"), log)
log.clear()
print("SubB > b:", SubB("s") > b, log)
log.clear()
print("1 < b:", 1 < b, log)
log.clear()
print("b in [1]:", b in [1], log)
log.clear()
print("[a] == [b]:", [a] == [b], log)
