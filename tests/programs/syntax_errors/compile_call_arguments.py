def check(src, mode="exec"):
    try:
        compile(src, "<test>", mode)
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset)
    else:
        print("compiled OK:", repr(src))


# call argument errors
check("f(a=1, a=2)")
check("f(a=1, 2)")
check("f(**x, *y)")
check("f(**x, y)")
check("f(*x, y)")
check("f(a=1, *y)")
check("f(x for x in y, 1)")
check("f(1, x for x in y)")
check("f(x for x in y)")
check("f((x for x in y), 1)")
check("f(x=1 for x in y)")
check("f(*)")
check("f(**)")
check("f(a b)")
check("f(1, , 2)")
check("f(a=)")
check("f(1=2)")
check("f(a.b=1)")
check("f(True=1)")
check("f(,)")
check("f(a,)")
check("f(a for a in b for c in d)")
