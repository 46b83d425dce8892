class Inventory:
    def __init__(self):
        self.items = {"apple": 3}

    def remove(self, name, count):
        current = self.items[name]
        self.items[name] = self.check(current, count)

    def check(self, current, count):
        if count > current:
            raise ValueError(f"cannot remove {count}, only {current} left")
        return current - count

    @classmethod
    def build(cls):
        inv = cls()
        inv.remove("apple", 1)
        return inv

    @property
    def total(self):
        return sum(self.items.values()) / len(self.missing)

inv = Inventory.build()
print(inv.items)
try:
    inv.remove("apple", 10)
except ValueError as e:
    print("caught:", e)
print(inv.total)
