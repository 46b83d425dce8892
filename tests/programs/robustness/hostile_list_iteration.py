# iterators and callbacks that mutate the list being iterated or built
lst = [1, 2, 3]
class Clearing:
    def __init__(self, target):
        self.target = target
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        self.target.clear()
        return self.n
    def __repr__(self):
        return 'Clearing()'
lst.extend(Clearing(lst))
print(lst)
lst2 = [1, 2, 3]
lst2[1:2] = Clearing(lst2)
print(lst2)
lst3 = [0, 1, 2, 3]
out = []
for x in lst3:
    out.append(x)
    if x == 1:
        del lst3[0]
print(out, lst3)
lst4 = list(range(5))
def gen():
    for x in lst4:
        lst4.pop()
        yield x
print(list(gen()), lst4)
lst5 = [1, 2, 3]
try:
    lst5.index(Clearing(lst5))
except ValueError as e:
    print(type(e).__name__, e)
class EqMut:
    def __eq__(self, other):
        lst6.clear()
        return False
lst6 = [1, 2, 3, 4]
print(EqMut() in lst6, lst6)
lst8 = [EqMut(), EqMut()]
lst6 = lst8
try:
    lst8.remove(5)
except ValueError as e:
    print(type(e).__name__, e)
print(lst8)
