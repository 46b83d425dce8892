# exceptions in __del__ go to sys.unraisablehook
import sys
def hook(unraisable):
    print('hook:', unraisable.exc_type.__name__, unraisable.exc_value,
          getattr(unraisable.object, '__qualname__', None), unraisable.err_msg)
sys.unraisablehook = hook
class Bad:
    def __del__(self):
        raise ValueError('boom in __del__')
b = Bad()
del b
print('program continues')
class Bad2:
    def __del__(self):
        1 / 0
[Bad2() for _ in range(2)]
print('end')
