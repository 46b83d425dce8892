# an uncaught RecursionError and its condensed traceback
import sys as _sys
print(_sys.getrecursionlimit())
def f(n):
    return 0 if n == 0 else f(n - 1)
print(f(100))
import sys
sys.setrecursionlimit(40)
def spiral(n):
    return spiral(n + 1)
print('starting')
spiral(0)
