# The pure-Python profile module over sys.setprofile (call counts, not times)
import profile, pstats, io
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def main():
    return [fib(i) for i in range(12)], sorted([3, 1, 2])
pr = profile.Profile()
pr.runcall(main)
s = io.StringIO()
st = pstats.Stats(pr, stream=s)
st.sort_stats('ncalls', 'name')
st.print_stats()
for line in s.getvalue().splitlines():
    parts = line.split()
    # keep call counts and function names; times vary
    if len(parts) >= 6 and parts[0][0].isdigit() and '0x' not in line:
        print(parts[0], parts[-1])
