def zero():
    pass
def one(a):
    pass
def two_default(a, b=1):
    pass
def kwonly(a, *, b):
    pass
class K:
    def method(self):
        pass
    def method2(self, x):
        pass
calls = [
    lambda: zero(1),
    lambda: zero(1, 2),
    lambda: one(1, 2),
    lambda: two_default(1, 2, 3),
    lambda: two_default(1, 2, 3, 4),
    lambda: kwonly(1, 2),
    lambda: kwonly(1, 2, b=3),
    lambda: K().method(1),
    lambda: K().method2(1, 2),
    lambda: (lambda: 0)(1),
    lambda: len(1, 2),
    lambda: abs(),
    lambda: int(1, 2, 3),
    lambda: isinstance(1),
    lambda: [].append(),
    lambda: {}.get(),
    lambda: "".join(),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(e)
