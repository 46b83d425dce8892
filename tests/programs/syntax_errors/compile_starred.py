def check(src, mode="exec"):
    try:
        compile(src, "<test>", mode)
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset)
    else:
        print("compiled OK:", repr(src))


# starred expression errors
check("*a = 1")
check("*a, *b = 1, 2")
check("[*a, *b] = x")
check("a, *b, *c = x")
check("*a, b = x")
check("(*a) = x")
check("x = *a")
check("x = *a,")
check("def f(): return *a")
check("def f(): return *a, 1")
check("print(*a if b else c)")
check("[*a] = *b")
check("del *a")
check("for *x in y: pass")
check("for *x, in y: pass")
check("x = {**a: 1}")
check("x = {*a: 1}")
check("x = {**a, **b}")
check("x = [**a]")
check("f(*a)[0]")
check("a[*b]")
check("a[*b] = 1")
check("a[1:*b]")
