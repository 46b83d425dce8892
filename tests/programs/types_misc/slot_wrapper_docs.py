# Slot wrappers carry CPython's docstrings and text signatures (inspect.signature of dunders)
import inspect
for f in [int.__add__, object.__init__, int.__neg__, dict.__setitem__, object.__lt__, type.__call__, int.__pow__, object.__getattribute__, (1).__add__]:
    print(f.__name__, repr(f.__doc__), f.__text_signature__ if hasattr(f, '__text_signature__') else '-')
print(inspect.signature(int.__add__), inspect.signature(int.__pow__))
print(inspect.signature((1).__add__))
