import sys
real = "real attribute"
_lazy_calls = []

def __getattr__(name):
    _lazy_calls.append(name)
    if name.startswith("lazy_"):
        return f"computed {name}"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

def __dir__():
    return ["real", "lazy_example"]
