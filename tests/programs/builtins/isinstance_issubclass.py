# isinstance / issubclass with tuples and unions
print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance(1, (str, (bytes, int))))
print(isinstance('a', int | str), isinstance(None, int | None), isinstance(1.5, int | str), isinstance([], ()))
print(issubclass(bool, int), issubclass(int, (str, object)), issubclass(int, int), issubclass(bool, int | str))
print(isinstance(int, type), isinstance(type, object), issubclass(type, object), issubclass(object, type))
u = int | str
print(u, type(u).__name__, u.__args__, int | str == str | int, (int | str) | float, int | int)
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == 'magic'
    def __subclasscheck__(cls, sub):
        return sub is float
class Magic(metaclass=Meta):
    pass
print(isinstance('magic', Magic), isinstance('other', Magic), issubclass(float, Magic), issubclass(int, Magic))
for fn in (lambda: isinstance(1, 1), lambda: issubclass(1, int), lambda: issubclass(int, 1),
           lambda: isinstance(1, (int, 1)) if False else isinstance(1, (str, 1)), lambda: isinstance(1, list[int])):
    try:
        print(fn())
    except TypeError as e:
        print(type(e).__name__, e)
from collections.abc import Iterable, Hashable, Sized
print(isinstance([], Iterable), isinstance(1, Iterable), isinstance([], Hashable), issubclass(dict, Sized))
