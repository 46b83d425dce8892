class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

v = Vector(1, 2) + Vector(3, 4)
print(v.x, v.y)
total = Vector(0, 0)
for i in range(1, 4):
    total = total + Vector(i, i * i)
print(total.x, total.y)
print(type(v).__name__)
w = Vector(1, 2) + 5
