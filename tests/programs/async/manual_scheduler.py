class Sleep0:
    def __await__(self):
        yield "tick"

async def worker(name, steps, log):
    for i in range(steps):
        log.append(f"{name} step {i}")
        await Sleep0()
    log.append(f"{name} done")
    return f"{name} result"

def run_round_robin(coros):
    queue = list(coros)
    results = {}
    while queue:
        coro = queue.pop(0)
        try:
            signal = coro.send(None)
        except StopIteration as stop:
            results[coro.__name__ + ":" + str(len(results))] = stop.value
        else:
            assert signal == "tick"
            queue.append(coro)
    return results

log = []
results = run_round_robin([worker("A", 2, log), worker("B", 3, log), worker("C", 1, log)])
for line in log:
    print(line)
print(results)

async def nested(log):
    log.append("outer start")
    value = await worker("inner", 1, log)
    log.append(f"outer got {value}")
    return value.upper()

log = []
print(run_round_robin([nested(log)]), log)

class Channel:
    def __init__(self):
        self.items = []
    async def get(self):
        while not self.items:
            await Sleep0()
        return self.items.pop(0)
    async def put(self, item):
        self.items.append(item)
        await Sleep0()

async def producer(ch, out):
    for i in range(3):
        out.append(f"put {i}")
        await ch.put(i)
    await ch.put(None)

async def consumer(ch, out):
    while (item := await ch.get()) is not None:
        out.append(f"got {item}")
    return "consumer finished"

ch = Channel()
out = []
print(run_round_robin([consumer(ch, out), producer(ch, out)]))
print(out)
