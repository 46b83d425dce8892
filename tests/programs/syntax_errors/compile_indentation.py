def check(src, mode="exec"):
    try:
        compile(src, "<test>", mode)
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset)
    else:
        print("compiled OK:", repr(src))


# IndentationError and TabError via compile
check("  x = 1")
check("if x:\npass")
check("def f():\nreturn 1")
check("class C:\n\nx = 1")
check("while x:\n# comment\nbreak")
check("try:\nx = 1\nexcept: pass")
check("with a:\nb")
check("if x:\n        a = 1\n    b = 2")
check("if x:\n\ta = 1\n        b = 2")
check("if x:\n        a = 1\n\tb = 2")
check("if x:\n    a = 1\n        b = 2")
check("x = 1\n y = 2")
check("def f():\n    pass\n  x = 1")
check("match x:\ncase 1: pass")
check("for i in x:\n    pass\nelse:\npass")
try:
    compile("if x:\npass", "<t>", "exec")
except SyntaxError as e:
    print(isinstance(e, IndentationError), isinstance(e, SyntaxError))
    print(IndentationError.__mro__)
    print(TabError.__mro__)
