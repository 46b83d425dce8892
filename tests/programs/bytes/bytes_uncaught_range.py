# an uncaught "bytes must be in range(0, 256)"
print(bytes([0, 255]), bytearray([0, 255]))
try:
    bytes([-1])
except ValueError as e:
    print(type(e).__name__, e)
try:
    bytearray([300])
except ValueError as e:
    print(type(e).__name__, e)
data = [10, 200, 255]
print(bytes(data))
data.append(256)
print(bytes(data))
