def repeat(times):
    def decorator(func):
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        return wrapper
    return decorator

@repeat(3)
def greet(name):
    return f"hi {name}"
print(greet("bob"))
def prefix(text=">>", *, upper=False):
    def deco(f):
        def w(*a, **k):
            r = f(*a, **k)
            r = r.upper() if upper else r
            return f"{text} {r}"
        return w
    return deco
@prefix()
def p1():
    return "default prefix"
@prefix("**", upper=True)
def p2():
    return "custom prefix"
print(p1(), p2(), sep="\n")
def optional_args(func=None, *, label="default"):
    if func is None:
        return lambda f: optional_args(f, label=label)
    def w():
        return f"[{label}] {func()}"
    return w
@optional_args
def plain():
    return "no parens"
@optional_args(label="custom")
def labeled():
    return "with args"
print(plain(), labeled())
evaluated = []
def make(tag):
    evaluated.append(f"make({tag})")
    def deco(f):
        evaluated.append(f"apply({tag})")
        return f
    return deco
@make("outer")
@make("inner")
def target():
    pass
print(evaluated)
def validate(**types):
    def deco(f):
        def w(**kwargs):
            for k, t in types.items():
                if not isinstance(kwargs.get(k), t):
                    raise TypeError(f"{k} must be {t.__name__}")
            return f(**kwargs)
        return w
    return deco
@validate(x=int, y=str)
def show(x, y):
    return f"{x}:{y}"
print(show(x=1, y="a"))
try:
    show(x="1", y="a")
except TypeError as e:
    print("TypeError", e)
