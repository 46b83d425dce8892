# UDP on 127.0.0.1: sendto/recvfrom, recvfrom_into, connected datagram sockets.
import socket

a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
a.bind(("127.0.0.1", 0))
b.bind(("127.0.0.1", 0))
print(repr(a.type), a.proto)
print(a.sendto(b"datagram", b.getsockname()))
data, addr = b.recvfrom(100)
print(data, addr == a.getsockname())
a.sendto(b"flags", 0, b.getsockname())
buf = bytearray(3)
n, addr = b.recvfrom_into(buf)
print(n, buf, addr == a.getsockname())
a.connect(b.getsockname())
a.send(b"connected")
print(b.recv(100))
b.sendto(b"reply", a.getsockname())
print(a.recvfrom(100)[0])
try:
    a.recvfrom_into(bytearray(2), 5)
except ValueError as e:
    print("ValueError:", e)
a.close()
b.close()
