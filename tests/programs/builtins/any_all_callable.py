# any, all, callable
print(any([]), all([]), any([0, '', None]), all([1, 'a', [0]]), any(iter([0, 0, 1])), all(x > 0 for x in [1, -1]))
def gen():
    for v in [0, 1, 2, 3]:
        print('yield', v)
        yield v
print(any(gen()))
print(all(gen()))
class C:
    def __call__(self):
        pass
class D:
    pass
print(callable(len), callable(C), callable(C()), callable(D()), callable(1), callable(lambda: 0))
print(callable(print), callable(D), callable(type), callable(None), callable([].append), callable('str'))
try:
    any(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    all()
except TypeError as e:
    print(type(e).__name__, e)
