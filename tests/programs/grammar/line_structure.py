a = 1; b = 2; c = 3
print(a, b, c)
total = a + \
    b + \
    c
print(total)
values = [
    1,
    2,  # comment inside brackets
    3,
]
print(values)
result = (1 +
          2 +
          3)
print(result)
call = max(
    4,
    9,
    2,
)
print(call)
if (a == 1 and
        b == 2):
    print("multi-line condition")
text = """first
  second\
 joined"""
print(repr(text))
def f(x,
      y=2,
      *,
      z=3):
    return x + y + z
print(f(1))
d = {
    "a": 1,
    "b": 2
}
print(d)
# a comment line
    # an indented comment line is fine
print("after comments")
x = [1, 2, 3][
    1
]
print(x)
print("tabs and\tspaces mixed only in strings")
if True: print("simple statement on the same line")
for i in range(2): print("loop", i)
while False: pass
class Compact: attr = 1; other = 2
print(Compact.attr, Compact.other)
def one_liner(): return "one"
print(one_liner())
lambda_chain = (lambda: 1
                )
print(lambda_chain())
