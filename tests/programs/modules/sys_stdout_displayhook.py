# sys.stdout.write return value and sys.displayhook
import sys
n = sys.stdout.write('hello\n')
print(n)
print(sys.stdout.write(''), sys.stdout.write('é☃\n'))
sys.stdout.writelines(['a\n', 'b\n'])
print(sys.stdout.flush())
import builtins
builtins._ = 'unchanged'
sys.displayhook(42)
print(builtins._)
sys.displayhook(None)
print(builtins._)
sys.displayhook('text')
def my_hook(value):
    print('custom display:', repr(value))
sys.displayhook = my_hook
exec(compile('1 + 2', '<single>', 'single'))
exec(compile('"x" * 3', '<single>', 'single'))
sys.displayhook = sys.__displayhook__
exec(compile('[1, 2]', '<single>', 'single'))
class W:
    def write(self, s):
        sys.__stdout__.write('[' + s + ']')
        return len(s)
old = sys.stdout
sys.stdout = W()
print('redirected', 1)
sys.stdout = old
print('restored')
