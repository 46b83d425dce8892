def check(src, mode="exec"):
    try:
        compile(src, "<test>", mode)
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset)
    else:
        print("compiled OK:", repr(src))


# match statement syntax errors
def m(body):
    check("match x:\n" + body)

m("    case 1 + : pass")
m("    case y: pass\n    case 1: pass")
m("    case _: pass\n    case 1: pass")
m("    case a | 1: pass")
m("    case _ | 1: pass")
m("    case 1 | a: pass")
m("    case [a, a]: pass")
m("    case {'k': a, 'j': a}: pass")
m("    case [*a, *b]: pass")
m("    case {**rest, 'a': 1}: pass")
m("    case {**_}: pass")
m("    case {'a': 1, 'a': 2}: pass")
m("    case C(a=1, a=2): pass")
m("    case C(a=1, 2): pass")
m("    case a | b: pass")
m("    case [a] | [b]: pass")
m("    case [a] | [a]: pass")
m("    case f(): pass")
m("    case 1j: pass")
m("    case 1 + 2: pass")
m("    case -1 - 2j: pass")
m("    case a.b(): pass")
m("    case x as 1: pass")
m("    case x as _: pass")
m("    case 1 as y if y: pass")
m("    case {1 + 1: x}: pass")
m("    case (1, 2) as (a, b): pass")
m("case 1: pass")
check("match x:\n    pass")
check("match x\n    case 1: pass")
