# Address conversion and name-resolution functions with fixed answers.
import socket

print(socket.getaddrinfo("127.0.0.1", 80, type=socket.SOCK_STREAM))
print(socket.getaddrinfo("127.0.0.1", "80", socket.AF_INET, socket.SOCK_DGRAM))
print(socket.getaddrinfo("::1", 443, socket.AF_INET6, socket.SOCK_STREAM))
print(socket.getaddrinfo(None, 0, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_PASSIVE))
print(socket.getaddrinfo(b"127.0.0.1", None, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(socket.gethostbyname("127.0.0.1"), socket.gethostbyname(""))
print(isinstance(socket.gethostname(), str))

print(socket.inet_aton("1.2.3.4"), socket.inet_aton("127.1"), socket.inet_aton("0x7f.0.0.1"))
print(socket.inet_ntoa(b"\x7f\x00\x00\x01"), socket.inet_ntoa(bytearray(b"\xff\x00\xff\x00")))
print(socket.inet_pton(socket.AF_INET, "10.0.0.255"))
for text in ["::1", "::", "fe80::1:2", "2001:db8::ff00:42:8329", "::ffff:1.2.3.4", "1:2:3:4:5:6:7:8"]:
    packed = socket.inet_pton(socket.AF_INET6, text)
    print(text, packed.hex(), socket.inet_ntop(socket.AF_INET6, packed))
for raw in [bytes(16), bytes(15) + b"\1", bytes(12) + b"\1\2\3\4", bytes(10) + b"\xff\xff\1\2\3\4",
            b"\0\1" + bytes(12) + b"\0\1", b"\0\1\0\0\0\1" + bytes(10)]:
    print(socket.inet_ntop(socket.AF_INET6, raw))
print(socket.inet_ntop(socket.AF_INET, b"\xc0\xa8\x00\x01"))

print(socket.htons(1), socket.ntohs(0x1234), socket.htonl(1), socket.ntohl(0x12345678))
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(2.5)
s = socket.socket()
print(s.gettimeout(), s.getblocking())
s.close()
socket.setdefaulttimeout(None)
print(socket.getdefaulttimeout())

s6 = socket.socket(socket.AF_INET6)
s6.bind(("::1", 0))
name = s6.getsockname()
print(name[0], len(name), name[2:])
s6.close()

print(socket.error is OSError, socket.timeout is TimeoutError)
print(socket.herror.__mro__)
print(socket.gaierror.__mro__)
print(issubclass(socket.socket, socket.SocketType), socket.SocketType.__module__)
print(socket.has_ipv6, socket.SOMAXCONN > 0)
names = ["AF_INET", "AF_INET6", "AF_UNIX", "SOCK_STREAM", "SOCK_DGRAM", "SOL_SOCKET", "SO_REUSEADDR",
         "IPPROTO_TCP", "TCP_NODELAY", "SHUT_RD", "SHUT_WR", "SHUT_RDWR", "MSG_PEEK", "AI_PASSIVE",
         "NI_NUMERICHOST", "EAI_NONAME", "SO_ERROR", "SOCK_NONBLOCK", "SOCK_CLOEXEC"]
print([(n, int(getattr(socket, n))) for n in names])
print(repr(socket.AF_INET), repr(socket.SOCK_DGRAM), repr(socket.MSG_PEEK))
