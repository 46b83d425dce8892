class Meters:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        if isinstance(other, Meters):
            return Meters(self.v + other.v)
        return NotImplemented
    def __repr__(self):
        return f"Meters({self.v})"

total = Meters(1) + Meters(2)
print(total)
distances = [Meters(3), Meters(4)]
print(sum(distances, Meters(0)))
print(sum(distances))
