# Error cases: refused connections, bad addresses and arguments, closed sockets.
import errno
import socket


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "->", r)


# A port that was just bound and closed is (almost surely) not listening.
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
port = probe.getsockname()[1]
probe.close()

s = socket.socket()
attempt("refused", lambda: s.connect(("127.0.0.1", port)))
s.close()
s = socket.socket()
print("connect_ex", errno.errorcode[s.connect_ex(("127.0.0.1", port))])
s.close()
try:
    socket.create_connection(("127.0.0.1", port))
except ConnectionRefusedError as e:
    print("create_connection", e.errno == errno.ECONNREFUSED, e.strerror)

s = socket.socket()
attempt("str address", lambda: s.connect("127.0.0.1"))
attempt("short tuple", lambda: s.connect(("127.0.0.1",)))
attempt("str port", lambda: s.connect(("127.0.0.1", "80")))
attempt("int host", lambda: s.connect((1, 80)))
attempt("port range", lambda: s.bind(("127.0.0.1", 70000)))
attempt("negative port", lambda: s.bind(("127.0.0.1", -1)))
attempt("sendto", lambda: s.sendto(b"x", "nowhere"))
attempt("send str", lambda: s.send("text"))
attempt("recv negative", lambda: s.recv(-1))
attempt("recv_into bytes", lambda: s.recv_into(b"xx"))
attempt("recv_into small", lambda: s.recv_into(bytearray(2), 5))
attempt("not connected", lambda: s.getpeername())
attempt("not connected send", lambda: s.send(b"x"))
attempt("timeout range", lambda: s.settimeout(-1))
attempt("timeout type", lambda: s.settimeout("1"))
attempt("timeout nan", lambda: s.settimeout(float("nan")))
attempt("buflen", lambda: s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE, 2000))
attempt("getsockopt", lambda: s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE))
attempt("setsockopt str", lambda: s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, "x"))
s.close()
attempt("closed send", lambda: s.send(b"x"))
attempt("closed fileno", lambda: s.fileno())
attempt("closed close", lambda: s.close())

s6 = socket.socket(socket.AF_INET6)
attempt("v6 str", lambda: s6.bind("::1"))
attempt("v6 short", lambda: s6.bind(("::1",)))
attempt("v6 flowinfo", lambda: s6.bind(("::1", 0, 1 << 21)))
s6.close()
u = socket.socket(socket.AF_UNIX)
attempt("unix int", lambda: u.bind(1))
attempt("unix long", lambda: u.bind("a" * 200))
attempt("unix missing", lambda: u.connect("/nonexistent/dir/sock"))
u.close()

attempt("family", lambda: socket.socket(999))
attempt("fileno negative", lambda: socket.socket(fileno=-1))
attempt("htons negative", lambda: socket.htons(-1))
attempt("htons big", lambda: socket.htons(70000))
attempt("htonl negative", lambda: socket.htonl(-1))
attempt("htonl big", lambda: socket.htonl(1 << 40))
attempt("htons float", lambda: socket.htons(1.0))
attempt("inet_aton bad", lambda: socket.inet_aton("x"))
attempt("inet_aton bytes", lambda: socket.inet_aton(b"1.2.3.4"))
attempt("inet_ntoa len", lambda: socket.inet_ntoa(b"123"))
attempt("inet_pton bad", lambda: socket.inet_pton(socket.AF_INET, "01.2.3.4"))
attempt("inet_pton v6 bad", lambda: socket.inet_pton(socket.AF_INET6, "1:::2"))
attempt("inet_pton family", lambda: socket.inet_pton(99, "1.2.3.4"))
attempt("inet_ntop len", lambda: socket.inet_ntop(socket.AF_INET6, bytes(15)))
attempt("inet_ntop family", lambda: socket.inet_ntop(99, b"1234"))
attempt("getaddrinfo host", lambda: socket.getaddrinfo(1, 80))
attempt("getaddrinfo port", lambda: socket.getaddrinfo("127.0.0.1", 1.5))
attempt("getaddrinfo numeric", lambda: socket.getaddrinfo("not an address", 80, 0, 0, 0, socket.AI_NUMERICHOST))
attempt("getnameinfo str", lambda: socket.getnameinfo("x", 0))
attempt("getnameinfo short", lambda: socket.getnameinfo(("127.0.0.1",), 0))
attempt("setdefaulttimeout", lambda: socket.setdefaulttimeout(-2))
try:
    socket.getaddrinfo("not an address", 80, 0, 0, 0, socket.AI_NUMERICHOST)
except socket.gaierror as e:
    print("gaierror errno", e.errno == socket.EAI_NONAME, isinstance(e, OSError))
