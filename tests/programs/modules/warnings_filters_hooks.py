# warnings: catch_warnings, message/module/lineno filters, showwarning hooks, formatwarning, warn_explicit
import warnings, sys, io
def show(*a):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('default')
        for args in a:
            warnings.warn(*args)
        return [(type(x.message).__name__, str(x.message), x.filename.rsplit('/',1)[-1], x.lineno) for x in w]
print(show(("a",), ("a",), ("b", RuntimeWarning), (UserWarning("inst"),), ("c", FutureWarning, 2)))
with warnings.catch_warnings():
    warnings.filterwarnings('error', message='bad.*', category=UserWarning)
    try:
        warnings.warn('bad thing')
    except UserWarning as e:
        print('error filter', e)
    warnings.warn('good thing')
with warnings.catch_warnings():
    warnings.filterwarnings('ignore', module='__main__')
    warnings.warn('ignored by module')
with warnings.catch_warnings():
    warnings.simplefilter('error')
    warnings.filterwarnings('ignore', lineno=21)
    warnings.warn('ignored by line')
s = io.StringIO()
old = sys.stderr
sys.stderr = s
warnings.warn('to stringio', SyntaxWarning)
sys.stderr = old
print(repr(s.getvalue()))
def custom(message, category, filename, lineno, file=None, line=None):
    print('custom', category.__name__, message)
warnings.showwarning = custom
warnings.warn('via custom')
print(warnings.formatwarning('m', UserWarning, 'f.py', 3, 'code'))
import importlib
try:
    warnings.warn_explicit('e', UserWarning, 'f.py', 'x')
except TypeError as e:
    print(e)
warnings.warn_explicit('explicit', UserWarning, 'f.py', 7, module='mod', registry={})
