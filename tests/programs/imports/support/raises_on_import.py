print("raises_on_import: starting")
value = 1
def helper():
    return {}["missing key"]
helper()
