print(sep="-", end="", sep="+")
