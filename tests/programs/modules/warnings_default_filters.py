# DeprecationWarning in __main__ is shown by the default filters (module given as a plain string)
import warnings
warnings.warn("main dep", DeprecationWarning)
def f():
    warnings.warn("x", DeprecationWarning, stacklevel=1)
f()
