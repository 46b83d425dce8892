def check(src, mode="exec"):
    try:
        compile(src, "<test>", mode)
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset)
    else:
        print("compiled OK:", repr(src))


# function parameter list errors
check("def f(a, a): pass")
check("def f(a, *, a): pass")
check("def f(a, **a): pass")
check("lambda a, a: 0")
check("def f(a=1, b): pass")
check("lambda a=1, b: 0")
check("def f(*): pass")
check("def f(*, **k): pass")
check("lambda *: 0")
check("def f(**k, a): pass")
check("def f(**k, *a): pass")
check("def f(*a, *b): pass")
check("def f(a, /, /): pass")
check("def f(/, a): pass")
check("def f(*, a, /): pass")
check("def f(*a, /): pass")
check("def f(a=1, /, b): pass")
check("def f(a, /, b=1, *, c): pass")
check("def f(None): pass")
check("def f(a.b): pass")
check("def f((a, b)): pass")
check("def f(a: int = 1, b: str): pass")
check("def f(**k=1): pass")
check("def f(*a=1): pass")
check("def f[T, T](): pass")
check("class C[T, **T]: pass")
check("def f[](): pass")
