doc = """starts here
and continues
x = 1
