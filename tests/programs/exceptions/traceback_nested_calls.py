def level3(data):
    return data["key"]["inner"]

def level2(data):
    value = level3(data)
    return value

def level1():
    payload = {"key": {"other": 1}}
    return level2(payload)

print("about to fail")
level1()
