# list comparison is lexicographic
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 100], [1, 2] == [1, 2])
print([1, 2] == [1.0, 2.0], [1] != [True], [[1, 2]] < [[1, 3]], ['a'] < ['b'])
print([1, 2] <= [1, 2], [1, 2] >= [1, 3], max([[1, 2], [1, 3], [0, 9]]))
n = float('nan')
print([n] == [n], [float('nan')] == [float('nan')], [n] < [n])
try:
    [1, 'a'] < [1, 2]
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1] < (1,)
except TypeError as e:
    print(type(e).__name__, e)
print([1] == (1,), [1, 2] == [1, 'a'], [1, 'a'] < [2, 1])
print([] == [], [] is [], list() == [])
class Always:
    def __eq__(self, o):
        return True
print([Always()] == [1], [1] == [Always()], Always() in [5])
