class Animal:
    def __init__(self, name):
        self.name = name
    def describe(self):
        return f"animal {self.name}"
    def __repr__(self):
        return f"<{type(self).__name__} {self.name}>"
class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def describe(self):
        return super().describe() + f" ({self.breed})"
d = Dog("rex", "lab")
print(d.describe(), d)
class Puppy(Dog):
    def describe(self):
        base = super().describe()
        return "puppy: " + base
print(Puppy("bit", "pug").describe())
class Attr(Animal):
    name_attr = "class attr"
    def get(self):
        return super().describe, super().__repr__
x = Attr("z")
m1, m2 = x.get()
print(m1(), m2())
class WithSuperAttr(Dog):
    def sup(self):
        s = super()
        return type(s).__name__, s.__thisclass__.__name__, s.__self_class__.__name__
print(WithSuperAttr("a", "b").sup())
class Lazy(Animal):
    def late(self):
        f = lambda: super(Lazy, self).describe()
        return f()
print(Lazy("q").late())
class NoSuperInComprehension(Animal):
    def many(self):
        return [super().describe() for _ in range(2)]
print(NoSuperInComprehension("c").many())
def outside():
    try:
        super()
    except RuntimeError as e:
        print(type(e).__name__, e)
outside()
class Broken(Animal):
    @staticmethod
    def s():
        try:
            super()
        except RuntimeError as e:
            return f"{type(e).__name__}: {e}"
print(Broken.s())
class Obj:
    def __init__(self):
        super().__init__()
        self.ok = True
print(Obj().ok)
class Dict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
dd = Dict()
dd["a"] = 5
print(dd)
