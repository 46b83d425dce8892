# Exceptions: raising and catching in loops, custom exception classes,
# try/except/else/finally, re-raising, exception chaining, and the
# built-in exceptions raised by the runtime (KeyError, ZeroDivisionError...).


class AppError(Exception):
    def __init__(self, code):
        super().__init__("app error %d" % code)
        self.code = code


class RetryError(AppError):
    pass


def might_fail(i):
    if i % 3 == 0:
        raise AppError(i)
    if i % 5 == 0:
        raise RetryError(i)
    return i


def catch_custom(n):
    ok = 0
    app = 0
    retry = 0
    for i in range(n):
        try:
            might_fail(i)
        except RetryError as e:
            retry += e.code % 7
        except AppError as e:
            app += len(e.args[0])
        else:
            ok += 1
    return ok, app, retry


def builtin_errors(n):
    d = {"a": 1}
    items = [1, 2, 3]
    counts = [0, 0, 0, 0]
    for i in range(n):
        try:
            k = i % 4
            if k == 0:
                d["missing"]
            elif k == 1:
                items[10]
            elif k == 2:
                1 // (i - i)
            else:
                int("x" + str(i))
        except KeyError:
            counts[0] += 1
        except IndexError:
            counts[1] += 1
        except ZeroDivisionError:
            counts[2] += 1
        except ValueError:
            counts[3] += 1
    return counts


def with_finally(n):
    cleanups = 0
    caught = 0
    for i in range(n):
        try:
            try:
                if i % 2:
                    raise ValueError(i)
            finally:
                cleanups += 1
        except ValueError:
            caught += 1
    return cleanups, caught


def nested_reraise(n):
    chained = 0
    for i in range(n):
        try:
            try:
                raise KeyError(i)
            except KeyError as e:
                raise AppError(i % 100) from e
        except AppError as e:
            if isinstance(e.__cause__, KeyError):
                chained += e.code
    return chained


def deep(k):
    if k == 0:
        raise RuntimeError("bottom")
    return deep(k - 1) + 1


def unwinding(n):
    caught = 0
    for i in range(n):
        try:
            deep(i % 20)
        except RuntimeError:
            caught += 1
    return caught


def no_exception(n):
    s = 0
    for i in range(n):
        try:
            s += i
        except Exception:
            s = -1
        finally:
            s ^= 1
    return s


def main():
    print("custom", catch_custom(CUSTOM_N))
    print("builtin", builtin_errors(BUILTIN_N))
    print("finally", with_finally(FINALLY_N))
    print("chained", nested_reraise(CHAIN_N))
    print("unwind", unwinding(UNWIND_N))
    print("noexc", no_exception(NOEXC_N))


CUSTOM_N = 420000
BUILTIN_N = 420000
FINALLY_N = 420000
CHAIN_N = 210000
UNWIND_N = 84000
NOEXC_N = 1400000

main()
