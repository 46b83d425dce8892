trace = []

def t(name, value):
    trace.append(name)
    return value

print(1 and 2, 0 and 2, 1 or 2, 0 or 2, 0 or "" or None, 1 and 2 and 3)
print([] or {}, [] and {}, "a" or "b", "" and "b", None or 0)
print(not 0, not 1, not [], not [0], not "", not " ", not None)
print(t("a", 0) and t("b", 1), trace)
trace.clear()
print(t("a", 1) or t("b", 1), trace)
trace.clear()
print(t("a", 1) and t("b", 0) or t("c", 5), trace)
trace.clear()
print(t("a", 0) or t("b", 0) or t("c", 0), trace)
print(bool(0), bool(0.0), bool(0j), bool(""), bool(()), bool([]), bool({}), bool(set()), bool(range(0)))
print(bool(1), bool(-1), bool(0.1), bool("0"), bool((0,)), bool([None]), bool(range(1)))
print(True and 5, False or 5, 5 and True, type(not 5).__name__)
print(True == 1, True + True + True, sum([True, False, True]), (True is True) == 1)
x = None
print(x or "default", x is None and "none", (x or 0) + 1)
print(any([]), all([]), any([0, "", 3]), all([1, "x", [0]]), any(x > 3 for x in range(5)))
print(str(True), repr(False), int(True), float(False), True.__class__.__name__)
print(isinstance(True, int), issubclass(bool, int), bool.__bases__)
