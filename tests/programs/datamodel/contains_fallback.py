class WithContains:
    def __contains__(self, item):
        print("__contains__", item)
        return item == "yes"
w = WithContains()
print("yes" in w, "no" in w, "no" not in w)
class Truthy:
    def __contains__(self, item):
        return "non-empty string"
print(1 in Truthy(), 1 not in Truthy())
class IterOnly:
    def __iter__(self):
        print("__iter__ used")
        return iter([1, 2, 3])
print(2 in IterOnly(), 5 in IterOnly())
class GetItemOnly:
    def __getitem__(self, i):
        if i > 4:
            raise IndexError
        print("getitem", i)
        return i
print(2 in GetItemOnly())
class Nothing:
    pass
try:
    1 in Nothing()
except TypeError as e:
    print(type(e).__name__, e)
class NoneContains:
    __contains__ = None
    def __iter__(self):
        return iter([1])
try:
    1 in NoneContains()
except TypeError as e:
    print(type(e).__name__, e)
class Eq:
    def __eq__(self, other):
        print("Eq.__eq__ called")
        return True
print(Eq() in [1], 1 in [Eq()])
nan = float("nan")
print(nan in [nan], nan == nan, [nan] == [nan])
print("b" in "abc", "" in "abc", "ac" in "abc", 1 in {1: "a"}, "a" in {1: "a"}, 3 in range(5), 3.0 in range(5))
try:
    1 in "abc"
except TypeError as e:
    print(type(e).__name__, e)
try:
    [] in {1}
except TypeError as e:
    print(type(e).__name__, e)
