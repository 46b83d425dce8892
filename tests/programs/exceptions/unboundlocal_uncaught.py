total = 10

def add_to_total(amount):
    total = total + amount
    return total

try:
    add_to_total(1)
except UnboundLocalError as e:
    print("caught:", e)
    print("is a NameError:", isinstance(e, NameError))

def conditional(flag):
    if flag:
        result = "set"
    return result

print(conditional(True))
conditional(False)
