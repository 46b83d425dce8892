import errno
e = OSError(2, "No such file or directory")
print(type(e).__name__, e.errno, e.strerror, e.filename, e.args, str(e))
e = OSError(2, "No such file or directory", "missing.txt")
print(type(e).__name__, e.errno, e.strerror, e.filename, e.args, str(e))
e = OSError(1, "Operation not permitted", "a", None, "b")
print(e.filename, e.filename2, str(e))
e = OSError("just a message")
print(e.errno, e.strerror, str(e), e.args)
e = OSError(1, 2, 3, 4, 5, 6)
print(e.args, e.errno)
mapping = [(errno.ENOENT, "FileNotFoundError"), (errno.EEXIST, "FileExistsError"), (errno.EACCES, "PermissionError"),
           (errno.EISDIR, "IsADirectoryError"), (errno.ENOTDIR, "NotADirectoryError"), (errno.EINTR, "InterruptedError"),
           (errno.ECHILD, "ChildProcessError"), (errno.EPIPE, "BrokenPipeError"), (errno.ETIMEDOUT, "TimeoutError"),
           (errno.ECONNREFUSED, "ConnectionRefusedError")]
for code, expected in mapping:
    got = type(OSError(code, "msg")).__name__
    print(got, got == expected)
print(type(OSError(99999, "unknown errno")).__name__)
print(IOError is OSError, EnvironmentError is OSError)
try:
    open("this_file_does_not_exist.txt")
except FileNotFoundError as ex:
    print(type(ex).__name__, ex.errno == errno.ENOENT, ex.strerror, ex.filename)
    print(str(ex))
try:
    open(".")
except IsADirectoryError as ex:
    print(type(ex).__name__, ex.filename, ex.strerror)
fe = FileNotFoundError("custom message only")
print(fe.errno, str(fe))
fe2 = FileNotFoundError(errno.ENOENT, "Gone", "x.txt")
print(str(fe2), repr(fe2))
print(issubclass(FileNotFoundError, OSError), issubclass(ConnectionResetError, ConnectionError), BlockingIOError.__mro__[1].__name__)
bio = BlockingIOError(errno.EAGAIN, "would block", 5)
print(bio.characters_written)
