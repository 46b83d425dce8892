class Dog:
    species = "canis"
    count = 0
    def __init__(self, name):
        self.name = name
        Dog.count += 1
    def speak(self):
        return f"{self.name} says woof"
a = Dog("Rex")
b = Dog("Fido")
print(a.speak(), b.speak(), Dog.count)
print(a.species, Dog.species, a.species is Dog.species)
a.species = "instance override"
print(a.species, b.species, Dog.species)
del a.species
print(a.species)
Dog.species = "changed on class"
print(a.species, b.species)
print(vars(a), "species" in vars(a))
a.new_attr = [1]
print(a.new_attr, hasattr(b, "new_attr"))
class Empty:
    pass
e = Empty()
print(type(e).__name__, type(e) is Empty, e.__class__ is Empty, isinstance(e, object))
class WithDoc:
    """Class docstring."""
print(WithDoc.__doc__, Empty.__doc__)
class Counter:
    items = []
    def add(self, x):
        self.items.append(x)
c1, c2 = Counter(), Counter()
c1.add(1); c2.add(2)
print(Counter.items, c1.items is c2.items)
print(Dog.speak(b), Dog.__init__.__name__)
class Chain:
    def __init__(self):
        self.v = 0
    def inc(self):
        self.v += 1
        return self
print(Chain().inc().inc().inc().v)
class Point:
    def __init__(self, x=0, y=0):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
print(Point(), Point(1, 2), [Point(3)])
try:
    a.missing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Dog.missing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Dog()
except TypeError as e:
    print(type(e).__name__, e)
