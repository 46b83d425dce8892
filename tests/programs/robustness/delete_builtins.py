# deleting and replacing builtins
import builtins
saved_len = builtins.len
saved_print = builtins.print
del builtins.len
try:
    len([1, 2])
except NameError as e:
    saved_print(type(e).__name__, e)
builtins.len = saved_len
print(len([1, 2]))
try:
    exec('print(1)', {'__builtins__': {}})
except NameError as e:
    print(type(e).__name__, e)
exec('print("custom builtins")', {'__builtins__': {'print': print}})
try:
    exec('x = abs(-1)', {'__builtins__': None})
except (NameError, TypeError) as e:
    print(type(e).__name__, e)
try:
    exec('class C: pass', {'__builtins__': {}})
except NameError as e:
    print(type(e).__name__, e)
try:
    exec('import os', {'__builtins__': {}})
except ImportError as e:
    print(type(e).__name__, e)
del builtins.print
try:
    print('gone')
except NameError as e:
    saved_print(type(e).__name__, e)
builtins.print = saved_print
print('print restored')
saved_range = builtins.range
builtins.range = lambda n: [n, n]
print(list(range(3)))
builtins.range = saved_range
print(list(range(3)))
