# A TCP server and client in one process, multiplexed with select.select.
import select
import socket

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.bind(("127.0.0.1", 0))
srv.listen(5)
host, port = srv.getsockname()
print(host, port > 0)
srv.setblocking(False)

cli = socket.socket()
cli.setblocking(False)
err = cli.connect_ex((host, port))
print(err in (0, 115))

conn = None
r, w, x = select.select([srv], [], [], 5)
print(r == [srv], w, x)
conn, addr = srv.accept()
print(addr[0], addr[1] == cli.getsockname()[1])
print(conn.getpeername() == cli.getsockname(), cli.getpeername() == (host, port))
print(conn.gettimeout(), cli.gettimeout())

r, w, x = select.select([], [cli], [], 5)
print(w == [cli])
cli.send(b"ping")
messages = []
for _ in range(10):
    r, _, _ = select.select([conn, cli], [], [], 5)
    if conn in r:
        data = conn.recv(100)
        messages.append(("server", data))
        if data:
            conn.sendall(data.upper())
    if cli in r:
        data = cli.recv(100)
        messages.append(("client", data))
        break
print(messages)

cli.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
print(cli.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)
print(len(cli.getsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4)))

# A file-like object with fileno() is accepted too.
class Wrapper:
    def __init__(self, s):
        self.s = s
    def fileno(self):
        return self.s.fileno()

wr = Wrapper(cli)
conn.send(b"!")
print(select.select([wr], [], [], 5)[0] == [wr])
print(cli.recv(10))
print(select.select([], [], [], 0))

cli.close()
print(select.select([conn], [], [], 5)[0] == [conn], conn.recv(10))
conn.close()
srv.close()
