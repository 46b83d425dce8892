# uncaught NameError with a suggestion
def helper(x):
    return x * 2
print(helper(21))
try:
    undefined_thing
except NameError as e:
    print(type(e).__name__, e, e.name)
try:
    helpr(1)
except NameError as e:
    print(type(e).__name__, e)
def compute(values):
    total = 0
    for value in values:
        total += value
    return totl
print('start')
print(compute([1, 2, 3]))
