class MyClass(metaclass=Meta):
    pass
