# cProfile over the native _lsprof profiler: call counts and labels (not times)
import cProfile, pstats, io
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def main():
    r = [fib(i) for i in range(12)]
    s = sorted([3, 1, 2])
    l = []
    l.append(1)
    return r, s, len(l)
pr = cProfile.Profile()
pr.enable()
main()
pr.disable()
s = io.StringIO()
st = pstats.Stats(pr, stream=s)
st.sort_stats('ncalls', 'name')
st.print_stats()
for line in s.getvalue().splitlines():
    parts = line.split()
    if len(parts) >= 6 and parts[0][0].isdigit() and '0x' not in line and 'seconds' not in line:
        print(parts[0], ' '.join(parts[5:]))
st2 = io.StringIO()
pstats.Stats(pr, stream=st2).sort_stats('name').print_callers('fib')
print(len(st2.getvalue()) > 0)
out = io.StringIO()
import sys
saved, sys.stdout = sys.stdout, out
cProfile.run('sum(range(10))', sort='calls')
sys.stdout = saved
print(sorted(' '.join(l.split()[5:]) for l in out.getvalue().splitlines() if l.strip()[:1].isdigit() and 'function calls' not in l))
