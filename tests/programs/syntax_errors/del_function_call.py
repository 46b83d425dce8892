d = {}
del d.get("k")
