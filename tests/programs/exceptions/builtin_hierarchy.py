def chain(cls):
    return " -> ".join(c.__name__ for c in cls.__mro__)
for cls in [BaseException, Exception, ArithmeticError, ZeroDivisionError, OverflowError, FloatingPointError,
            LookupError, IndexError, KeyError, ValueError, UnicodeDecodeError, TypeError, NameError,
            UnboundLocalError, AttributeError, ImportError, ModuleNotFoundError, OSError, FileNotFoundError,
            ConnectionResetError, TimeoutError, RuntimeError, RecursionError, NotImplementedError,
            PythonFinalizationError if "PythonFinalizationError" in dir(__builtins__) else RuntimeError,
            StopIteration, StopAsyncIteration, GeneratorExit, KeyboardInterrupt, SystemExit,
            SyntaxError, IndentationError, TabError, AssertionError, BufferError, EOFError, MemoryError,
            ReferenceError, SystemError, ExceptionGroup, BaseExceptionGroup,
            Warning, DeprecationWarning, UserWarning, SyntaxWarning, RuntimeWarning, FutureWarning,
            PendingDeprecationWarning, ImportWarning, UnicodeWarning, BytesWarning, ResourceWarning, EncodingWarning]:
    print(chain(cls))
print(issubclass(KeyError, LookupError), issubclass(LookupError, KeyError))
print(issubclass(GeneratorExit, Exception), issubclass(SystemExit, Exception), issubclass(KeyboardInterrupt, Exception))
print(issubclass(Warning, Exception), issubclass(DeprecationWarning, Warning))
print(sorted(c.__name__ for c in ArithmeticError.__subclasses__()))
print(sorted(c.__name__ for c in LookupError.__subclasses__()))
print(sorted(c.__name__ for c in ConnectionError.__subclasses__()))
print(sorted(c.__name__ for c in BaseException.__subclasses__() if c.__module__ == "builtins"))
try:
    raise ZeroDivisionError
except ArithmeticError as e:
    print("caught by base class:", type(e).__name__)
try:
    raise KeyError("x")
except (IndexError, LookupError) as e:
    print("tuple with base class:", type(e).__name__)
