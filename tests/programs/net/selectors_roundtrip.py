# selectors.DefaultSelector and select.poll/select.epoll round trips.
import os
import select
import selectors
import socket

sel = selectors.DefaultSelector()
print(type(sel).__name__)
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
srv.setblocking(False)
sel.register(srv, selectors.EVENT_READ, data="accept")

cli = socket.socket()
cli.setblocking(False)
cli.connect_ex(srv.getsockname())
sel.register(cli, selectors.EVENT_WRITE, data="client")

log = []
done = False
for _ in range(20):
    for key, events in sel.select(timeout=5):
        if key.data == "accept":
            conn, _ = srv.accept()
            conn.setblocking(False)
            sel.register(conn, selectors.EVENT_READ, data="server")
            log.append("accepted")
        elif key.data == "client":
            if events & selectors.EVENT_WRITE:
                cli.send(b"hello selectors")
                sel.modify(cli, selectors.EVENT_READ, data="client")
                log.append("client sent")
            else:
                log.append(("client got", cli.recv(100)))
                done = True
        elif key.data == "server":
            data = key.fileobj.recv(100)
            log.append(("server got", data))
            key.fileobj.send(data[::-1])
    if done:
        break
print(log)
print(len(sel.get_map()), sel.get_key(cli).data)
for key in list(sel.get_map().values()):
    sel.unregister(key.fileobj)
    key.fileobj.close()
sel.close()

# poll objects
a, b = socket.socketpair()
names = {a.fileno(): "a", b.fileno(): "b"}


def named(events):
    return sorted((names[fd], ev) for fd, ev in events)


p = select.poll()
p.register(a, select.POLLIN)
p.register(b.fileno())
print(named(p.poll(0)))
b.send(b"x")
print(named(p.poll(1000)))
p.modify(b, select.POLLIN)
print(named(p.poll(0)))
p.unregister(b)
try:
    p.unregister(b)
except KeyError as e:
    print("KeyError", e)
try:
    p.modify(b, select.POLLIN)
except OSError as e:
    print(type(e).__name__, e)
print(a.recv(1), p.poll(10))

# epoll objects
with select.epoll() as ep:
    print(ep.closed, ep.fileno() > 0)
    ep.register(a.fileno(), select.EPOLLIN)
    ep.register(b, select.EPOLLOUT)
    print(sorted(ep.poll(0)) == sorted([(b.fileno(), select.EPOLLOUT)]))
    try:
        ep.register(a)
    except FileExistsError as e:
        print(type(e).__name__, e)
    ep.modify(b, select.EPOLLIN)
    b.send(b"y")
    print(ep.poll(1) == [(a.fileno(), select.EPOLLIN)])
    print(ep.poll(0, 1) == [(a.fileno(), select.EPOLLIN)])
    ep.unregister(a)
    try:
        ep.unregister(a)
    except FileNotFoundError as e:
        print(type(e).__name__, e)
    print(ep.poll(0.01))
    try:
        ep.poll(0, 0)
    except ValueError as e:
        print("ValueError", e)
print(ep.closed)
try:
    ep.poll()
except ValueError as e:
    print("ValueError", e)
ep2 = select.epoll.fromfd(os.dup(a.fileno()))
print(type(ep2).__name__)
ep2.close()
ep2.close()

for bad in ([-1], ["x"], 1):
    try:
        select.select(bad, [], [], 0)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for t in (-1, "x"):
    try:
        select.select([], [], [], t)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(select.error is OSError)
print(select.POLLIN, select.POLLOUT, select.POLLERR, select.POLLHUP, select.POLLNVAL, select.POLLPRI)
print(select.EPOLLIN, select.EPOLLOUT, select.EPOLLET, select.EPOLLONESHOT, select.EPOLLRDHUP)
a.close()
b.close()
