class Rev:
    def __reversed__(self):
        print("__reversed__ called")
        return iter([3, 2, 1])
print(list(reversed(Rev())))
class SeqOnly:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return "xyz"[i]
print(list(reversed(SeqOnly())))
class NoLen:
    def __getitem__(self, i):
        return i
try:
    reversed(NoLen())
except TypeError as e:
    print(type(e).__name__, e)
class NoneRev:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
try:
    reversed(NoneRev())
except TypeError as e:
    print(type(e).__name__, e)
print(list(reversed([1, 2])), list(reversed("ab")), list(reversed(range(3))), list(reversed({"a": 1, "b": 2})))
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
import operator
class Hint:
    def __length_hint__(self):
        return 42
print(operator.length_hint(Hint()), operator.length_hint(object(), 7))
class LenAndHint:
    def __len__(self):
        return 5
    def __length_hint__(self):
        return 100
print(operator.length_hint(LenAndHint()))
class NotImplHint:
    def __length_hint__(self):
        return NotImplemented
print(operator.length_hint(NotImplHint(), 9))
class BadHint:
    def __length_hint__(self):
        return -1
try:
    operator.length_hint(BadHint())
except ValueError as e:
    print(type(e).__name__, e)
it = iter([1, 2, 3])
next(it)
print(operator.length_hint(it), operator.length_hint(iter(range(10))), operator.length_hint(reversed([1, 2])))
class HintIter:
    def __init__(self):
        self.n = 3
    def __iter__(self):
        return self
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n
    def __length_hint__(self):
        return 1000
print(list(HintIter()))
