print("this line is never run")
values = (1, 2,
          3, 4
print(values)
