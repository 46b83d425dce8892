# cmath: C99 Annex G special values (infinities, NaNs, signed zeros), huge and tiny
# arguments, and which of them raise ValueError / OverflowError, over a grid.
import cmath, math

vals = [0.0, -0.0, 1.0, -2.0, 5e-324, 1e-310, -1e300, 1.7976931348623157e308, 710.0,
        math.inf, -math.inf, math.nan]
names = ["acos", "acosh", "asin", "asinh", "atan", "atanh", "cos", "cosh", "exp", "log",
         "log10", "sin", "sinh", "sqrt", "tan", "tanh", "phase", "polar"]
errors = {}
for name in names:
    f = getattr(cmath, name)
    lines = []
    for x in vals:
        row = []
        for y in vals:
            try:
                row.append(repr(f(complex(x, y))))
            except (ValueError, OverflowError) as e:
                row.append(type(e).__name__[0])
                errors[name] = errors.get(name, 0) + 1
        lines.append(f"{name}({x!r}, .) " + " ".join(row))
    print("\n".join(lines))
print(sorted(errors.items()))
for x in vals:
    row = []
    for y in vals:
        try:
            row.append(repr(cmath.rect(x, y)))
        except ValueError:
            row.append("V")
    print(f"rect({x!r}, .)", " ".join(row))
