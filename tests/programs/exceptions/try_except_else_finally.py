def run(raise_what):
    log = []
    try:
        log.append("try")
        if raise_what:
            raise raise_what("boom")
    except ValueError as e:
        log.append(f"except ValueError({e})")
    except (TypeError, KeyError) as e:
        log.append(f"except tuple {type(e).__name__}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(run(None))
print(run(ValueError))
print(run(TypeError))
print(run(KeyError))
try:
    run(IndexError)
except IndexError as e:
    print("IndexError escaped; finally still ran")
def only_finally():
    try:
        return "try value"
    finally:
        print("finally before return")
print(only_finally())
def except_no_binding():
    try:
        {}["k"]
    except KeyError:
        return "caught without name"
print(except_no_binding())
def bare_except():
    try:
        1 / 0
    except:
        return "bare except caught"
print(bare_except())
def order_matters():
    try:
        raise FileNotFoundError("f")
    except OSError as e:
        return f"OSError branch caught {type(e).__name__}"
    except FileNotFoundError:
        return "unreachable"
print(order_matters())
def else_exception():
    try:
        pass
    except ValueError:
        return "no"
    else:
        raise RuntimeError("raised in else is not caught by same try")
try:
    else_exception()
except RuntimeError as e:
    print(e)
def nested():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer caught", e)
    finally:
        print("outer finally")
nested()
def name_unbound_after_except():
    try:
        raise ValueError
    except ValueError as err:
        pass
    try:
        return err
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"
print(name_unbound_after_except())
e = "module-level e"
try:
    raise KeyError
except KeyError as e:
    pass
print("e" in dir())
