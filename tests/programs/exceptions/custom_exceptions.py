class AppError(Exception):
    """Base for application errors."""
class ValidationError(AppError):
    def __init__(self, field, problem):
        super().__init__(field, problem)
        self.field = field
        self.problem = problem
    def __str__(self):
        return f"{self.field}: {self.problem}"
class HTTPError(AppError):
    def __init__(self, status, reason="unknown"):
        self.status = status
        self.reason = reason
        super().__init__(f"{status} {reason}")
class Silent(AppError):
    def __init__(self):
        pass
try:
    raise ValidationError("email", "missing @")
except AppError as e:
    print(type(e).__name__, str(e), repr(e), e.args, e.field)
try:
    raise HTTPError(404, "Not Found")
except HTTPError as e:
    print(str(e), repr(e), e.status, e.args)
s = Silent()
print(repr(s), repr(str(s)), s.args)
class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr<custom>"
print(repr(WithRepr("x")), str(WithRepr("x")))
class Levels(Exception):
    level = "base"
class Warn(Levels):
    level = "warn"
try:
    raise Warn("careful")
except Levels as e:
    print(e.level, e)
class Payload(Exception):
    def __init__(self, *args, payload=None):
        super().__init__(*args)
        self.payload = payload
p = Payload("msg", payload={"k": 1})
print(p.args, p.payload)
class NoSuper(Exception):
    def __init__(self, a, b):
        self.a = a
print(NoSuper(1, 2).args, str(NoSuper(1, 2)))
class ArgsFromNew(Exception):
    def __init__(self, x):
        self.x = x
e = ArgsFromNew("given to __new__")
print(e.args, e.x)
print(AppError.__doc__, issubclass(ValidationError, Exception), ValidationError.__mro__[1].__name__)
class BadStr(Exception):
    def __str__(self):
        raise RuntimeError("str failed")
try:
    str(BadStr())
except RuntimeError as err:
    print("str raised:", err)
raise ValidationError("age", "must be positive")
