def f():
    try:
        a()
    except (E1, E2) as e:
        b(e)
    except E3:
        c()
    else:
        d()
    finally:
        g()

def h():
    for x in y:
        try:
            return x
        finally:
            break

def w():
    with a as b, c:
        return 1

def s():
    try:
        pass
    except* ValueError as eg:
        raise
    except* TypeError:
        raise Exc from None

def m(p):
    match p:
        case [1, 2, *rest]:
            return rest
        case {"k": v, **kw}:
            return v
        case Point(x=0, y=yy) | Point(x=yy, y=0):
            return yy
        case str() as s if s:
            return s
        case _:
            return None
