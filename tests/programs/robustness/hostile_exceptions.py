# raising odd things
def check(label, fn):
    try:
        fn()
        print(label, '-> no error')
    except BaseException as e:
        print(label, '->', type(e).__name__, e)
def raise_(x):
    raise x
check('raise int', lambda: raise_(5))
check('raise class not exception', lambda: raise_(int))
check('raise instance of object', lambda: raise_(object()) if False else raise_(str))
class NotExc:
    pass
check('raise NotExc', lambda: raise_(NotExc()))
def bad_cause():
    raise ValueError('x') from 5
check('bad cause', bad_cause)
def bare_raise():
    raise
check('bare raise', bare_raise)
class InitFails(Exception):
    def __init__(self):
        raise RuntimeError('init failed')
check('exception init fails', lambda: raise_(InitFails))
check('exception group empty', lambda: ExceptionGroup('g', []))
check('exception group non-exc', lambda: ExceptionGroup('g', [1]))
check('BaseExceptionGroup', lambda: raise_(BaseExceptionGroup('bg', [KeyError('k')])))
try:
    raise ExceptionGroup('eg', [ValueError('a'), TypeError('b')])
except* ValueError as eg:
    print('caught ValueError group', [str(x) for x in eg.exceptions])
except* TypeError as eg:
    print('caught TypeError group', [str(x) for x in eg.exceptions])
