# deep recursion raises RecursionError and the program continues
import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print(type(e).__name__, e)
print('continuing')
print(issubclass(RecursionError, RuntimeError))
old = sys.getrecursionlimit()
print(old)
sys.setrecursionlimit(100)
print(sys.getrecursionlimit())
depth = 0
def measure():
    global depth
    depth += 1
    measure()
try:
    measure()
except RecursionError:
    print('limited depth is below 100:', depth < 100, depth > 50)
sys.setrecursionlimit(old)
def countdown(n):
    return 0 if n == 0 else 1 + countdown(n - 1)
print(countdown(500))
for bad in (0, -5):
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print(type(e).__name__, e)
class Deep:
    def __repr__(self):
        return repr(self)
try:
    repr(Deep())
except RecursionError as e:
    print('repr:', type(e).__name__, e)
def mutual_a(n):
    return mutual_b(n)
def mutual_b(n):
    return mutual_a(n)
try:
    mutual_a(1)
except RecursionError as e:
    print('mutual:', type(e).__name__)
print('done')
