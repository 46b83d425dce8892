# Signals interrupt sleep and os.read: handlers run and the call resumes (PEP 475); setitimer/getitimer
import signal, os, time
got = []
signal.signal(signal.SIGALRM, lambda s, f: got.append(s))
signal.setitimer(signal.ITIMER_REAL, 0.05)
t = time.monotonic()
time.sleep(0.3)
print('slept through', got, time.monotonic() - t >= 0.29)
r, w = os.pipe()
signal.setitimer(signal.ITIMER_REAL, 0.05)
def later(s, f):
    os.write(w, b'x')
signal.signal(signal.SIGALRM, later)
print(os.read(r, 1))
signal.setitimer(signal.ITIMER_REAL, 0)
print(signal.getitimer(signal.ITIMER_REAL), signal.setitimer(signal.ITIMER_REAL, 10, 1), signal.setitimer(signal.ITIMER_REAL, 0)[1])
try:
    signal.setitimer(99, 1)
except signal.ItimerError as e:
    print(type(e).__name__, e)
# KeyboardInterrupt raised by a handler ends a blocking sleep
def interrupt(s, f):
    raise KeyboardInterrupt
signal.signal(signal.SIGALRM, interrupt)
signal.setitimer(signal.ITIMER_REAL, 0.05)
t = time.monotonic()
try:
    time.sleep(5)
except KeyboardInterrupt:
    print('interrupted early', time.monotonic() - t < 2)
