def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    else:
        return "F"

for s in (95, 85, 75, 10):
    print(s, grade(s))
if 0:
    print("no")
if "":
    pass
else:
    print("empty string is falsy")
x = 5
if x > 1:
    if x > 3:
        print("x > 3")
    else:
        print("1 < x <= 3")
if x: print("one-line if")
if x < 0: print("neg")
elif x == 5: print("five")
else: print("other")
if x > 0: a = 1; b = 2; print(a + b)
def empty():
    pass
print(empty())
class Nothing:
    pass
print(Nothing.__name__)
for _ in range(2):
    pass
while False:
    pass
if None is None:
    pass
print("after pass")
items = []
if items:
    print("has items")
elif not items:
    print("no items")
print("end")
