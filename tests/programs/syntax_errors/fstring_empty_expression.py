name = "x"
s = f"value: {name} and {}"
