print("hi")
nonlocal x
