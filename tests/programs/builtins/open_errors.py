# open() error messages and errno values
import errno
try:
    open('definitely_missing_file.txt')
except FileNotFoundError as e:
    print(type(e).__name__, e)
    print(e.errno, e.errno == errno.ENOENT, e.strerror, e.filename, e.args)
try:
    open('no_such_dir/file.txt', 'w')
except FileNotFoundError as e:
    print(type(e).__name__, e)
try:
    open('.')
except IsADirectoryError as e:
    print(type(e).__name__, e, e.errno == errno.EISDIR)
try:
    open(3.5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    open('x', encoding='no-such-encoding')
except LookupError as e:
    print(type(e).__name__, e)
except FileNotFoundError as e:
    print(type(e).__name__, e)
try:
    open('x\0y')
except ValueError as e:
    print(type(e).__name__, e)
print(issubclass(FileNotFoundError, OSError), OSError is IOError, EnvironmentError is OSError)
e = OSError(2, 'No such file or directory', 'name.txt')
print(type(e).__name__, e, e.errno, e.filename)
print(repr(OSError('plain message')), str(OSError(1, 'x')))
open('another_missing.txt')
