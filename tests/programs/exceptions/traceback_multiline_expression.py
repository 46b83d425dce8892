def compute(a, b, c):
    return a + b * c

config = {"width": 3, "height": None}

result = compute(
    config["width"],
    2,
    config["width"],
)
print(result)

area = (
    config["width"]
    * config["height"]
)
print(area)
