# Timeouts: recv/accept/sendall raise TimeoutError("timed out"); non-blocking raises
# BlockingIOError.
import socket
import time

a, b = socket.socketpair()
a.settimeout(0.05)
print(a.gettimeout(), a.getblocking(), a.timeout)
start = time.monotonic()
try:
    a.recv(10)
except TimeoutError as e:
    print(type(e).__name__, e, e.errno, e.args)
    print(isinstance(e, socket.timeout), isinstance(e, OSError))
print(time.monotonic() - start >= 0.04)

b.send(b"ready")
print(a.recv(10))

a.settimeout(0)
print(a.gettimeout(), a.getblocking())
try:
    a.recv(10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno == 11)

a.setblocking(True)
print(a.gettimeout(), a.getblocking())
a.settimeout(3)
print(a.gettimeout())

# sendall into a peer that never reads.
b.settimeout(0.05)
try:
    b.sendall(b"x" * (1 << 24))
except TimeoutError as e:
    print("sendall", e)

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
srv.settimeout(0.05)
try:
    srv.accept()
except TimeoutError as e:
    print("accept", e)

# connect with a timeout succeeds quickly on localhost.
c = socket.create_connection(srv.getsockname(), timeout=2)
conn, _ = srv.accept()
print(c.gettimeout(), conn.gettimeout())
c.sendall(b"done")
print(conn.recv(10))
for s in (a, b, srv, c, conn):
    s.close()

s = socket.socket(type=socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
print(repr(s.type), s.gettimeout())
s.close()
