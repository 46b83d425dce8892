def f(a, b=1):
    pass
def g(*, x):
    pass
def h(a, /, b):
    pass
def star(*args):
    pass
class K:
    def method(self, a):
        pass
calls = [
    lambda: f(1, c=2),
    lambda: f(1, a=2),
    lambda: f(1, 2, b=3),
    lambda: g(y=1),
    lambda: g(x=1, y=2),
    lambda: h(a=1, b=2),
    lambda: h(1, a=2, b=3),
    lambda: star(k=1),
    lambda: K().method(1, a=2),
    lambda: K().method(b=1),
    lambda: K().method(self=1, a=2),
    lambda: f(**{"a": 1, "zz": 2}),
    lambda: len(x=[]),
    lambda: sorted([], cmp=None),
    lambda: print(nope=1),
    lambda: dict(1, 2),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(e)
def typo_suggestion(value, verbose=False):
    pass
try:
    typo_suggestion(1, verbos=True)
except TypeError as e:
    print(e)
