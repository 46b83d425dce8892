# a low recursion limit, then recursing in various ways
import sys
sys.setrecursionlimit(60)
def rec(n):
    return rec(n + 1)
for attempt in range(3):
    try:
        rec(0)
    except RecursionError as e:
        print('attempt', attempt, type(e).__name__, e)
def depth(n=0):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
d1 = depth()
d2 = depth()
print(d1 == d2, 20 < d1 < 60)
try:
    eval('(lambda f: f(f))(lambda f: f(f))')
except RecursionError as e:
    print('lambda', type(e).__name__)
try:
    print([[[[[[[[[[1]]]]]]]]]])
except RecursionError as e:
    print('print nested', type(e).__name__)
sys.setrecursionlimit(1000)
print(depth() > 900)
def deep_ok(n):
    return 0 if n == 0 else deep_ok(n - 1) + 1
print(deep_ok(800))
