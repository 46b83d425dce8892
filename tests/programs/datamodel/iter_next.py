class CountDown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(CountDown(3)))
for n in CountDown(2):
    print("loop", n)
it = CountDown(2)
print(next(it), next(it), next(it, "exhausted"))
class Reusable:
    def __init__(self, data):
        self.data = data
    def __iter__(self):
        return iter(self.data)
r = Reusable("ab")
print(list(r), list(r), [x + y for x in r for y in r])
class GenIter:
    def __iter__(self):
        yield 1
        yield 2
print(list(GenIter()), sum(GenIter()), tuple(GenIter()))
a, b = GenIter()
print(a, b)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
try:
    for _ in BadIter():
        pass
except TypeError as e:
    print(type(e).__name__, e)
class NoNext:
    def __iter__(self):
        return self
try:
    iter(NoNext())
except TypeError as e:
    print(type(e).__name__, e)
try:
    next(Reusable([]))
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(42)
except TypeError as e:
    print(type(e).__name__, e)
class StopWithValue:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration("ignored by for")
print(list(StopWithValue()))
calls = iter(lambda: calls_list.pop(), "stop")
calls_list = ["stop", "b", "a"]
print(list(calls))
it2 = iter([1, 2, 3])
print(next(it2), list(it2), list(it2))
print(type(iter([])).__name__, type(iter(())).__name__, type(iter("")).__name__, type(iter({})).__name__, type(iter(range(0))).__name__)
