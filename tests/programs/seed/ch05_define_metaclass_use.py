class Meta(type):
    def __new__(cls, name, bases, dct):
        print(f"Creating class {name}")
        return super().__new__(cls, name, bases, dct)

class MyClass(metaclass=Meta):
    pass

class Child(MyClass):
    value = 1

print(type(MyClass).__name__, type(Child).__name__)
print(Child.value, isinstance(Child(), MyClass))
Dynamic = Meta('Dynamic', (), {'x': 2})
print(Dynamic.x, type(Dynamic) is Meta)
