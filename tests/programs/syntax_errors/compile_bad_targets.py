def check(src, mode="exec"):
    try:
        compile(src, "<test>", mode)
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset)
    else:
        print("compiled OK:", repr(src))


# invalid assignment and deletion targets
check("1 = x")
check("'a' = x")
check("f() = 1")
check("a + b = 1")
check("-a = 1")
check("not x = 1")
check("x = 1 = 2")
check("a, 1 = 1, 2")
check("[a, f()] = 1, 2")
check("{a: b} = 1")
check("{a, b} = x")
check("(x for x in y) = 1")
check("[x for x in y] = 1")
check("a if b else c = 1")
check("lambda: 1 = 1")
check("x.y = 1")
check("x[0] = 1")
check("(a) = 1")
check("del f()")
check("del 1")
check("del a + b")
check("del (a, f())")
check("del *a")
check("with x as f(): pass")
check("for f() in y: pass")
check("x = yield = 1")
check("(yield) = 1")
check("... = 1")
