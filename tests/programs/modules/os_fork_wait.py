# os.fork, the register_at_fork hooks, os.waitpid/wait and the W* status macros
import os
import signal
import sys

events = []
os.register_at_fork(before=lambda: events.append('before 1'))
os.register_at_fork(before=lambda: events.append('before 2'),
                    after_in_parent=lambda: events.append('parent'),
                    after_in_child=lambda: events.append('child'))

r, w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, b'hello from the child ' + repr(events).encode())
    os._exit(7)
os.close(w)
print('events', events)
print('read', os.read(r, 100))
os.close(r)
wpid, status = os.waitpid(pid, 0)
print(wpid == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.WIFSIGNALED(status))
print(os.waitstatus_to_exitcode(status))

# a child that ends its program normally: sys.exit's status, atexit and buffers flushed
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    import atexit
    atexit.register(print, 'child atexit')
    print('child runs to the end')
    sys.exit(3)
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

# killed by a signal
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), signal.SIGKILL)
    os._exit(0)
_, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status) == signal.SIGKILL, os.WIFEXITED(status))
print(os.waitstatus_to_exitcode(status) == -signal.SIGKILL)

# stopped and continued
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), signal.SIGSTOP)
    os._exit(5)
_, status = os.waitpid(pid, os.WUNTRACED)
print('stopped', os.WIFSTOPPED(status), os.WSTOPSIG(status) == signal.SIGSTOP)
os.kill(pid, signal.SIGCONT)
_, status = os.waitpid(pid, 0)
print('exit after continue', os.WEXITSTATUS(status))

# WNOHANG while the child still runs; os.wait()
r, w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.close(w)
    os.read(r, 1)
    os._exit(0)
os.close(r)
print(os.waitpid(pid, os.WNOHANG))
os.close(w)
wpid, status = os.wait()
print(wpid == pid, status)

# the child's unflushed output is not written by os._exit
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    print('never printed')
    os._exit(0)
os.waitpid(pid, 0)

# exec replaces the child
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.execv('/bin/sh', ['sh', '-c', 'echo exec $0; exit 12', 'arg0'])
print('execv', os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.execve('/bin/sh', ['sh', '-c', 'echo $GREETING'], {'GREETING': 'hi from execve'})
os.waitpid(pid, 0)
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    try:
        os.execv('/nonexistent', ['x'])
    except OSError as e:
        print('child', type(e).__name__, e.errno, flush=True)
    os._exit(1)
os.waitpid(pid, 0)

print('system', os.waitstatus_to_exitcode(os.system('exit 6')))

# errors
for call in [lambda: os.waitpid(pid, 0), lambda: os.wait()]:
    try:
        call()
    except ChildProcessError as e:
        print(type(e).__name__, e)
for args in [(), {'before': None}, {'after_in_child': 5}]:
    try:
        os.register_at_fork(**args) if isinstance(args, dict) else os.register_at_fork(*args)
    except TypeError as e:
        print('TypeError', e)
for argv in [(), 'abc', ('',)]:
    try:
        os.execv('/bin/true', argv)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    os.execve('/bin/true', ['true'], {'A=B': 'x'})
except ValueError as e:
    print(type(e).__name__, e)
try:
    os.execve('/nonexistent', ['x'], {})
except FileNotFoundError as e:
    print(type(e).__name__, e)
try:
    os.waitstatus_to_exitcode(0x137f)
except ValueError as e:
    print(type(e).__name__, e)

# descriptors and process groups
r, w = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
print(os.get_blocking(r), os.get_inheritable(r))
os.set_blocking(r, True)
print(os.get_blocking(r))
try:
    os.read(w, 1)
except OSError as e:
    print(type(e).__name__, e.errno)
os.close(r)
os.close(w)
print(os.getpgid(0) == os.getpgrp(), os.getsid(0) == os.getsid(os.getpid()))
try:
    os.getpgid(-5)
except OSError as e:
    print(type(e).__name__, e)
print(os.WNOHANG, os.WUNTRACED, os.WCONTINUED)

# user and group ids
print(os.getresuid() == (os.getuid(),) * 3, os.getresgid() == (os.getgid(),) * 3)
os.setreuid(-1, -1)
os.setregid(-1, -1)
os.setgroups(os.getgroups())
for f, a in [(os.setuid, ('x',)), (os.setuid, (-2,)), (os.setuid, (2**64,)), (os.setgroups, (5,)), (os.setgroups, (['a'],))]:
    try:
        f(*a)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
