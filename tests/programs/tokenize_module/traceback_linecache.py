# traceback.format_exc() and linecache import tokenize; source registered in linecache.
import linecache
import traceback
import tokenize

source = """\
def outer(x):
    return inner(x) + 1

def inner(y):
    return 10 // y
"""
filename = "<generated-module>"
linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
namespace = {}
exec(compile(source, filename, "exec"), namespace)

try:
    namespace["outer"](0)
except ZeroDivisionError:
    print(traceback.format_exc())

print(repr(linecache.getline(filename, 2)))
print(repr(linecache.getline(filename, 99)))
print(linecache.getlines(filename)[-1], end="")

try:
    exec(compile("a = 1\nb = a +\n", "<bad>", "exec"))
except SyntaxError:
    print(traceback.format_exc())
