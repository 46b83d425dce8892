"""The node classes of _ast: hierarchy, _fields, _attributes, __match_args__,
_field_types, class defaults, docstrings, singletons and the compile flags."""
import ast
import _ast

classes = [c for c in vars(_ast).values() if isinstance(c, type) and issubclass(c, ast.AST)]
print(len(classes))
for c in sorted(classes, key=lambda c: c.__name__):
    base = c.__bases__[0].__name__
    defaults = {k: v for k, v in vars(c).items() if v is None and not k.startswith("__")}
    print(c.__name__, base, c._fields, c.__match_args__, c._attributes, sorted(defaults))
    if "_field_types" in vars(c):
        print("   ", c._field_types, c.__annotations__ is c._field_types)

print(ast.AST._fields, ast.AST._attributes, ast.AST.__match_args__, hasattr(ast.AST, "_field_types"))
print(ast.AST.__module__, ast.Name.__module__, ast.Name.__qualname__, ast.Name.__mro__)
print(ast.Module.__doc__)
print(ast.expr_context.__doc__)
print(ast.stmt.__doc__.splitlines()[:3])
print(ast.arguments.__doc__)
print([c.__name__ for c in ast.operator.__subclasses__()])
print([c.__name__ for c in ast.mod.__subclasses__()])
print("__weakref__" in vars(ast.expr), "__dict__" in vars(ast.AST), type(ast.AST), type(ast.Name))

# Parsed trees share one instance per operator/context class; calling the class makes new ones.
t1, t2 = ast.parse("x + y"), ast.parse("a + b; c = d")
print(t1.body[0].value.op is t2.body[0].value.op, t1.body[0].value.left.ctx is t2.body[0].value.left.ctx)
print(t2.body[1].targets[0].ctx is ast.parse("z = 1").body[0].targets[0].ctx)
print(ast.Load() is ast.Load(), type(ast.Load()).__name__, isinstance(ast.Add(), ast.operator))

print(ast.PyCF_ONLY_AST, ast.PyCF_TYPE_COMMENTS, ast.PyCF_ALLOW_TOP_LEVEL_AWAIT, ast.PyCF_OPTIMIZED_AST)
print(sorted(k for k in dir(_ast) if not k[0].isupper()))
