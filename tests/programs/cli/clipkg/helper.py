VALUE = 42
print("clipkg.helper imported as", __name__)
