# subprocess on top of _posixsubprocess.fork_exec, os.waitpid and pipes
import os
import signal
import subprocess
import sys

r = subprocess.run(['/bin/echo', 'hello', 'world'], capture_output=True)
print(r)
print(r.stdout, r.stderr, r.returncode)

# PATH search (executable_list) and check_output
print(subprocess.check_output(['echo', 'found', 'on', 'PATH']))

# both pipes at once go through communicate()'s poll loop
r = subprocess.run(['sh', '-c', 'echo out; echo err >&2; exit 3'], capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))

# stderr merged into stdout
r = subprocess.run(['sh', '-c', 'echo one; echo two >&2'], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
print(sorted(r.stdout.split()))

# non-zero exit codes
try:
    subprocess.check_call(['false'])
except subprocess.CalledProcessError as e:
    print(type(e).__name__, e, e.returncode, e.cmd)
try:
    subprocess.run(['sh', '-c', 'echo partial; exit 9'], capture_output=True, check=True)
except subprocess.CalledProcessError as e:
    print(e, e.output, e.stdout)
print(subprocess.call(['true']), subprocess.call(['false']))

# exec failures come back through the error pipe
for args, kw in [
    (['/nonexistent/program'], {}),
    (['no-such-program-for-taipan-tests'], {}),
    (['ls'], {'cwd': '/nonexistent-dir'}),
]:
    try:
        subprocess.run(args, **kw)
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror, e.filename)
try:
    subprocess.run(['/'])
except PermissionError as e:
    print(type(e).__name__, e.errno, e.filename)

# preexec_fn runs in the child; an exception there becomes SubprocessError
try:
    subprocess.run(['true'], preexec_fn=lambda: 1 / 0)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)
r = subprocess.run(['sh', '-c', 'echo $TAIPAN_PRE'], preexec_fn=lambda: os.putenv('TAIPAN_PRE', 'set in child'), capture_output=True)
print(r.stdout)

# stdin piping
p = subprocess.Popen(['cat'], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(b'line\n' * 3)
print(out, err, p.returncode)
print(subprocess.run(['tr', 'a-z', 'A-Z'], input='shout\n', capture_output=True, text=True).stdout, end='')
big = b'x' * 200000
print(len(subprocess.run(['cat'], input=big, capture_output=True).stdout))

# shell, env, cwd
print(subprocess.run('echo $((6 * 7))', shell=True, capture_output=True).stdout)
print(subprocess.run(['sh', '-c', 'echo $FOO'], env={'FOO': 'bar', 'PATH': os.environ['PATH']}, capture_output=True).stdout)
print(subprocess.run(['pwd'], cwd='/', capture_output=True).stdout)
print(subprocess.getoutput('echo hi; exit 2'), subprocess.getstatusoutput('exit 5'))

# reading a child's output line by line, poll/wait, signals
with subprocess.Popen(['sh', '-c', 'for i in 1 2 3; do echo $i; done'], stdout=subprocess.PIPE, text=True) as p:
    print([line.strip() for line in p.stdout])
print(p.wait(), p.poll(), p.returncode)
p = subprocess.Popen(['sleep', '30'])
print(p.poll())
p.kill()
print(p.wait(), -signal.SIGKILL)
p = subprocess.Popen(['sleep', '30'])
p.terminate()
print(p.wait() == -signal.SIGTERM)
try:
    subprocess.run(['sleep', '30'], timeout=0.1)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e.cmd)

# the interpreter itself as a child
r = subprocess.run([sys.executable, '-c', 'import sys; print(6 * 7); sys.exit(4)'], capture_output=True)
print(r.returncode, r.stdout)

# descriptors: close_fds keeps only pass_fds
rfd, wfd = os.pipe()
r = subprocess.run(['sh', '-c', f'echo passed >&{wfd}'], pass_fds=(wfd,))
os.close(wfd)
print(r.returncode, os.read(rfd, 100))
os.close(rfd)
rfd, wfd = os.pipe()
r = subprocess.run(['sh', '-c', f'echo leaked >&{wfd}'], capture_output=True)
os.close(wfd)
print(r.returncode != 0, os.read(rfd, 100))
os.close(rfd)
code = 'import os; print(os.getsid(0) == os.getpid(), os.getpgid(0) == os.getpid())'
print(subprocess.run([sys.executable, '-c', code], start_new_session=True, capture_output=True, text=True).stdout, end='')
print(subprocess.run([sys.executable, '-c', code], process_group=0, capture_output=True, text=True).stdout, end='')

# ids and umask (unchanged values, so this runs unprivileged too)
r = subprocess.run(['sh', '-c', 'umask'], user=os.getuid(), group=os.getgid(),
                   extra_groups=os.getgroups(), umask=0o27, capture_output=True, text=True)
print(r.returncode, r.stdout.strip())
