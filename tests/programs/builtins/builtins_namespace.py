# the builtins module and shadowing builtins
import builtins
print(builtins.len is len, builtins.__name__, type(builtins).__name__)
names = [n for n in dir(builtins) if not n.startswith('_')]
for required in ['abs', 'all', 'any', 'ascii', 'bin', 'bool', 'breakpoint', 'bytearray', 'bytes',
                 'callable', 'chr', 'classmethod', 'compile', 'complex', 'delattr', 'dict', 'dir',
                 'divmod', 'enumerate', 'eval', 'exec', 'filter', 'float', 'format', 'frozenset',
                 'getattr', 'globals', 'hasattr', 'hash', 'help', 'hex', 'id', 'input', 'int',
                 'isinstance', 'issubclass', 'iter', 'len', 'list', 'locals', 'map', 'max',
                 'memoryview', 'min', 'next', 'object', 'oct', 'open', 'ord', 'pow', 'print',
                 'property', 'range', 'repr', 'reversed', 'round', 'set', 'setattr', 'slice',
                 'sorted', 'staticmethod', 'str', 'sum', 'super', 'tuple', 'type', 'vars', 'zip',
                 'aiter', 'anext']:
    if required not in names:
        print('missing', required)
print('checked')
len = lambda x: 'shadowed'
print(len([1, 2]))
del len
print(len([1, 2]))
builtins.custom_builtin = 'injected'
print(custom_builtin)
del builtins.custom_builtin
try:
    custom_builtin
except NameError as e:
    print(type(e).__name__, e)
print(type(__builtins__).__name__)
