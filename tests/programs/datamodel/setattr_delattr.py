class Logged:
    def __setattr__(self, name, value):
        print(f"__setattr__({name!r}, {value!r})")
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print(f"__delattr__({name!r})")
        super().__delattr__(name)
l = Logged()
l.a = 1
setattr(l, "b", 2)
l.a += 10
print(vars(l))
del l.a
delattr(l, "b")
print(vars(l))
try:
    del l.missing
except AttributeError as e:
    print(type(e).__name__, e)
class Frozen:
    def __init__(self, x):
        object.__setattr__(self, "x", x)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name!r}: {type(self).__name__} is frozen")
    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name!r}")
f = Frozen(5)
print(f.x)
for action in [lambda: setattr(f, "x", 6), lambda: delattr(f, "x")]:
    try:
        action()
    except AttributeError as e:
        print(type(e).__name__, e)
class Validated:
    def __setattr__(self, name, value):
        if name == "age" and value < 0:
            raise ValueError("age must be >= 0")
        self.__dict__[name] = value
v = Validated()
v.age = 3
try:
    v.age = -1
except ValueError as e:
    print(type(e).__name__, e)
print(v.age)
class Track:
    def __init__(self):
        self.__dict__["changes"] = []
    def __setattr__(self, name, value):
        self.changes.append(name)
        self.__dict__[name] = value
t = Track()
t.x = 1
t.y = 2
t.x = 3
print(t.changes, t.x)
try:
    object.__setattr__(1, "x", 2)
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
try:
    (1).real = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    "s".new = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    object().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    int.new_attr = 1
except TypeError as e:
    print(type(e).__name__, e)
