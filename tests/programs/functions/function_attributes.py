def example(a, b=2, *args, c, d=4, **kw):
    """Example docstring."""
    local_var = a + b
    return local_var
print(example.__name__)
print(example.__qualname__)
print(example.__module__)
print(example.__doc__)
print(example.__defaults__)
print(example.__kwdefaults__)
print(example.__dict__)
print(type(example.__globals__).__name__, example.__globals__ is globals())
print(example.__code__.co_name, example.__code__.co_argcount, example.__code__.co_kwonlyargcount)
print(example.__code__.co_posonlyargcount, example.__code__.co_nlocals)
print(example.__code__.co_varnames)
print(example.__code__.co_filename.endswith("function_attributes.py"), example.__code__.co_firstlineno)
print(callable(example), type(example).__name__)
example.custom = "value"
example.__dict__["other"] = 1
print(example.custom, sorted(example.__dict__))
example.__name__ = "renamed"
example.__qualname__ = "Renamed.qual"
print(example.__name__, example.__qualname__)
example.__doc__ = "new doc"
print(example.__doc__)
def nodoc():
    pass
print(nodoc.__doc__, nodoc.__defaults__, nodoc.__kwdefaults__)
def first_statement_string():
    x = 1
    "not a docstring"
print(first_statement_string.__doc__)
class C:
    def method(self):
        """method doc"""
    class Inner:
        def deep(self):
            pass
print(C.method.__qualname__, C.Inner.deep.__qualname__, C.method.__doc__)
def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__)
try:
    example.__name__ = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    del example.__name__
except TypeError as e:
    print(type(e).__name__, e)
try:
    example.no_such
except AttributeError as e:
    print(type(e).__name__, e)
