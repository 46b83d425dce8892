def check(src, mode="exec"):
    try:
        compile(src, "<test>", mode)
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset)
    else:
        print("compiled OK:", repr(src))


# brackets: unclosed, unmatched, mismatched
check("x = (1, 2")
check("x = [1,\n 2,\n")
check("d = {1: 2")
check("x = 1)")
check("x = ]")
check("x = }")
check("x = [1, 2)")
check("x = (1, 2]")
check("f(a, b}")
check("x = {1: (2, 3}")
check("print((1)")
check("(\n(\n)")
check("s = [ (x) for x in y ) ]")
