# multiprocessing imports array; Connection.send_bytes/recv_bytes_into take arrays.
import array
import multiprocessing

a, b = multiprocessing.Pipe()
a.send({'data': array.array('i', [1, 2, 3])})
print(b.recv())
a.send_bytes(array.array('h', [1, 2]))
print(b.recv_bytes())
buf = array.array('i', [0, 0, 0])
a.send_bytes(array.array('i', [7, 8]))
print(b.recv_bytes_into(buf), buf)
a.close()
b.close()
