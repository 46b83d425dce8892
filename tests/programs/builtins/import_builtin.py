# __import__ and importlib basics
m = __import__('math')
print(m.__name__, m.sqrt(16))
os_path = __import__('os.path')
print(os_path.__name__)
sub = __import__('os.path', fromlist=['join'])
print(sub.__name__ in ('posixpath', 'ntpath'))
coll = __import__('collections', globals(), locals(), ['OrderedDict'], 0)
print(coll.OrderedDict.__name__)
try:
    __import__('no_such_module_xyz')
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import no_such_module_abc
except ImportError as e:
    print(type(e).__name__, e, isinstance(e, ModuleNotFoundError))
import sys, types
sys.modules['fake_mod'] = types.ModuleType('fake_mod')
try:
    from fake_mod import no_such_name
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    from math import no_such_name
except ImportError as e:
    print(type(e).__name__, e.name, e.name_from if hasattr(e, 'name_from') else '')
import importlib
j = importlib.import_module('json')
print(j.dumps([1, 2]))
import sys
print('json' in sys.modules, sys.modules['math'] is m)
try:
    __import__('')
except ValueError as e:
    print(type(e).__name__, e)
