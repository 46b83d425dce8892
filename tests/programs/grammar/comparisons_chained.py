calls = []

def v(x):
    calls.append(x)
    return x

print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 == 1 != 2)
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(3) < v(2) < v(1), calls)
calls.clear()
print(v(1) < v(5) > v(3) >= v(3) <= v(4) != v(0), calls)
calls.clear()
print(1 < v(2) < 3 < v(4) < 5 and "ok", calls)
x = [1, 2]
y = [1, 2]
print(x == y, x is y, x is not y, x != y, not x is y)
print(1 in x in [x, y], 3 not in x)
print("ab" < "b", "abc" < "abd", "a" < "ab", "" < "a", "B" < "a")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), (2,) > (1, 99))
print([1, [2, 3]] == [1, [2, 3]], {1: "a"} == {1: "a"}, {1, 2} == {2, 1})
print({1} < {1, 2}, {1, 2} <= {1, 2}, {1, 2} > {1}, {1} < {2})
print(None is None, None == None, None is not False, 0 == False, 1 == True, 2 == True)
print(float("nan") != float("nan"), 1 == 1.0, 1 == 1 + 0j, -0.0 == 0)
for a, b in [(1, "1"), ([], ()), (None, 0)]:
    print(repr(a), repr(b), a == b, a != b)
for expr in ["1 < '1'", "[] < ()", "None < 0", "{} < {}", "1j < 2j"]:
    try:
        eval(expr)
    except TypeError as e:
        print(expr, "->", e)
