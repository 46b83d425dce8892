# breakpoint() with a custom sys.breakpointhook
import sys
calls = []
def hook(*args, **kwargs):
    calls.append((args, kwargs))
    print('hook called with', args, kwargs)
    return 'hook result'
sys.breakpointhook = hook
print(breakpoint())
print(breakpoint(1, 2, key='v'))
print(len(calls))
sys.breakpointhook = sys.__breakpointhook__
print(sys.breakpointhook is sys.__breakpointhook__)
def bad_hook():
    raise ValueError('hook failed')
sys.breakpointhook = bad_hook
try:
    breakpoint()
except ValueError as e:
    print(type(e).__name__, e)
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print(type(e).__name__, e)
