# time module: only deterministic facts
import time
print(type(time.time()).__name__, type(time.time_ns()).__name__, time.time() > 1e9)
a = time.monotonic()
b = time.monotonic()
print(b >= a, type(time.perf_counter()).__name__, type(time.process_time()).__name__)
print(time.sleep(0))
g = time.gmtime(0)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, g.tm_wday, g.tm_yday, g.tm_isdst)
print(tuple(g), type(g).__name__, len(g), g[0])
st = time.struct_time((2024, 2, 29, 13, 45, 30, 3, 60, 0))
print(time.strftime('%Y-%m-%d %H:%M:%S', st))
print(time.strftime('%a %A %b %B %j %p %y %%', st))
print(time.strftime('%I:%M %p', st), time.strftime('%d/%m/%Y', st), time.strftime('', st))
print(time.asctime(st))
print(time.gmtime(86400 * 365).tm_year, time.gmtime(1700000000)[:6])
print(time.mktime(time.localtime(1000000)) == 1000000.0)
lt = time.localtime()
print(all(isinstance(getattr(lt, f), int) for f in ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec')))
print(time.strptime('2023-07-04', '%Y-%m-%d')[:3])
try:
    time.sleep(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    time.strftime('%Y', (1, 2))
except TypeError as e:
    print(type(e).__name__, e)
print(time.calendar if False else __import__('calendar').timegm(st))
