# sys.settrace: call/line/return/exception events, generators resuming, try lines
import sys
def tr(frame, event, arg):
    print(event, frame.f_code.co_name, frame.f_lineno, arg if event != "exception" else arg[0].__name__)
    return tr
def g(n):
    for i in range(n):
        yield i
def h(a):
    b = a + 1
    try:
        1/0
    except ZeroDivisionError:
        pass
    return list(g(b))
sys.settrace(tr)
h(1)
sys.settrace(None)
print("done")
# A trace function that raises is removed and its error propagates.
def bad(frame, event, arg):
    if event == 'line':
        raise RuntimeError('tracer failed')
    return bad
def victim():
    return 1
sys.settrace(bad)
try:
    victim()
except RuntimeError as e:
    print('caught', e, sys.gettrace())
# Local trace functions can switch off line events.
def quiet(frame, event, arg):
    print('q', event, frame.f_code.co_name)
    frame.f_trace_lines = False
    return quiet
def work():
    a = 1
    b = 2
    return a + b
sys.settrace(quiet)
work()
sys.settrace(None)
# Frames are the same objects while they run.
def ident():
    return sys._getframe() is sys._getframe()
print(ident())
