# socketpair: echo, recv_into, sendall of a large buffer, shutdown and EOF.
import socket

a, b = socket.socketpair()
print(repr(a.family), repr(a.type), a.proto)
print(a.getblocking(), a.gettimeout(), a.timeout)
a.sendall(b"hello world")
print(b.recv(5), b.recv(100))
b.send(memoryview(b"abcdef")[1:4])
buf = bytearray(10)
n = a.recv_into(buf)
print(n, buf)
mv = memoryview(bytearray(8))
b.send(b"xyz")
print(a.recv_into(mv[2:], 2), bytes(mv))
print(a.recv(1))

# A payload bigger than the socket buffers, drained alternately.
data = bytes(range(256)) * 2000
a.setblocking(False)
sent = 0
received = bytearray()
while sent < len(data) or len(received) < len(data):
    if sent < len(data):
        try:
            sent += a.send(data[sent:sent + 65536])
        except BlockingIOError:
            pass
    received += b.recv(1 << 20)
print(len(received), received == data)

a.shutdown(socket.SHUT_WR)
print(b.recv(10))
a.close()
b.close()
print(a.fileno(), b.fileno())
print("[closed]" in repr(a))

# Datagram pair keeps message boundaries.
x, y = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
x.send(b"one")
x.send(b"two")
print(y.recv(100), y.recv(100))
print(y.recvfrom(10) if False else "skip")
x.close(); y.close()

# detach hands the descriptor over.
p, q = socket.socketpair()
fd = p.detach()
print(p.fileno(), fd >= 0)
p2 = socket.socket(fileno=fd)
print(repr(p2.family), repr(p2.type))
p2.sendall(b"via fileno")
print(q.recv(100))
d = q.dup()
p2.sendall(b"dup")
print(d.recv(10))
for s in (p2, q, d):
    s.close()
