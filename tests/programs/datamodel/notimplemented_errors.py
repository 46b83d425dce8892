class A:
    pass
class B:
    def __add__(self, other):
        return NotImplemented
    def __radd__(self, other):
        return NotImplemented
a, b = A(), B()
cases = [
    ("a + b", lambda: a + b), ("b + a", lambda: b + a), ("a - 1", lambda: a - 1),
    ("1 * a", lambda: 1 * a), ("a / a", lambda: a / a), ("a // 2.0", lambda: a // 2.0),
    ("a % 'x'", lambda: a % "x"), ("a ** 2", lambda: a ** 2), ("a @ b", lambda: a @ b),
    ("a << 1", lambda: a << 1), ("a >> 1", lambda: a >> 1), ("a & 1", lambda: a & 1),
    ("a | 1", lambda: a | 1), ("a ^ 1", lambda: a ^ 1), ("divmod(a, 1)", lambda: divmod(a, 1)),
    ("pow(a, 2, 3)", lambda: pow(a, 2, 3)), ("None + 1", lambda: None + 1),
    ("[] + ()", lambda: [] + ()), ("{} | []", lambda: {} | []), ("1 @ 2", lambda: 1 @ 2),
    ("'a' * 'b'", lambda: "a" * "b"), ("b'a' + 'b'", lambda: b"a" + "b"), ("a < b", lambda: a < b),
    ("a >= 1", lambda: a >= 1), ("1 <= a", lambda: 1 <= a), ("b > b", lambda: b > b),
]
for label, fn in cases:
    try:
        fn()
        print(label, "-> no error")
    except TypeError as e:
        print(label, "->", e)
print(a == b, a != b, a == a)
print(repr(NotImplemented), NotImplemented is NotImplemented)
print(type(a).__add__ if hasattr(type(a), "__add__") else "A has no __add__")
print(int.__add__(1, "x"), float.__mul__(2.0, "s"), str.__add__("s", "t"))
