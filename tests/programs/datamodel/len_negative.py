class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(len(Sized(0)), len(Sized(5)))
for n in [-1, -100]:
    try:
        len(Sized(n))
    except ValueError as e:
        print(type(e).__name__, e)
try:
    if Sized(-1):
        pass
except ValueError as e:
    print("truth test:", type(e).__name__, e)
try:
    list(reversed(type("R", (Sized,), {"__getitem__": lambda s, i: i})(-3)))
except ValueError as e:
    print("reversed:", type(e).__name__, e)
print(len(Sized(2 ** 62)))
try:
    len(Sized(2 ** 63))
except OverflowError as e:
    print(type(e).__name__, e)
print("now an uncaught one")
len(Sized(-5))
