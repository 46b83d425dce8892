# sys.setprofile: call/return for Python frames and generators, c_call/c_return/c_exception for built-ins
import sys
def p(frame, event, arg):
    name = arg.__name__ if event.startswith('c_') else frame.f_code.co_name
    print(event, name, frame.f_lineno)
def g():
    yield 1
    yield 2
def f(x):
    l = []
    l.append(x)
    len(l)
    try:
        int('x')
    except ValueError:
        pass
    return sum(g())
sys.setprofile(p)
f(3)
sys.setprofile(None)
print(sys.getprofile())
