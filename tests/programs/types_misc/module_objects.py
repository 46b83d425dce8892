# module objects: types.ModuleType
import types
import sys
m = types.ModuleType('mymod', 'My docstring')
print(m.__name__, m.__doc__, type(m).__name__, repr(m))
m.value = 42
exec('def f():\n    return value * 2', m.__dict__)
print(m.f(), sorted(k for k in vars(m) if not k.startswith('__')))
print(m.__spec__, m.__loader__, m.__package__)
m2 = types.ModuleType('other')
print(m2.__doc__, hasattr(m2, 'value'))
try:
    m2.missing
except AttributeError as e:
    print(type(e).__name__, e)
sys.modules['mymod'] = m
import mymod
print(mymod is m, mymod.value)
from mymod import f
print(f())
m3 = types.ModuleType('lazy')
def __getattr__(name):
    return 'dynamic ' + name
m3.__getattr__ = __getattr__
print(m3.anything)
print(type(sys).__name__, type(sys) is types.ModuleType, isinstance(types, types.ModuleType))
try:
    types.ModuleType()
except TypeError as e:
    print(type(e).__name__, e)
del sys.modules['mymod']
