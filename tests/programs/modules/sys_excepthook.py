# a custom sys.excepthook is called for the uncaught exception
import sys as _sys
print(_sys.excepthook is _sys.__excepthook__)
print(callable(_sys.excepthook), _sys.excepthook.__name__)
import sys
def hook(exc_type, exc_value, tb):
    print('excepthook:', exc_type.__name__, exc_value, type(tb).__name__, file=sys.stderr)
    print('handled in hook')
sys.excepthook = hook
print(sys.__excepthook__ is not hook)
def fail():
    raise LookupError('not found anywhere')
print('about to fail')
fail()
print('never')
