# Object-oriented task scheduler simulation (in the spirit of the classic
# "richards" benchmark, written from scratch): tasks of several classes pass
# packets around through linked-list queues, driven by a priority scheduler.
# Exercises polymorphic method calls, attribute access and small objects.


class Packet:
    def __init__(self, kind, dest, payload):
        self.kind = kind
        self.dest = dest
        self.payload = payload
        self.next = None


class Task:
    def __init__(self, sched, ident, priority):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue_head = None
        self.queue_tail = None
        self.held = False
        self.handled = 0

    def enqueue(self, packet):
        packet.next = None
        if self.queue_tail is None:
            self.queue_head = packet
        else:
            self.queue_tail.next = packet
        self.queue_tail = packet

    def dequeue(self):
        p = self.queue_head
        if p is not None:
            self.queue_head = p.next
            if self.queue_head is None:
                self.queue_tail = None
        return p

    def runnable(self):
        return not self.held and self.queue_head is not None


class Source(Task):
    def __init__(self, sched, ident, priority, targets):
        super().__init__(sched, ident, priority)
        self.targets = targets
        self.seed = ident * 7919 + 1

    def runnable(self):
        return not self.held

    def step(self, packet):
        self.seed = (self.seed * 1103515245 + 12345) & 0x7FFFFFFF
        dest = self.targets[self.seed % len(self.targets)]
        self.sched.send(Packet(self.seed % 3, dest, self.seed & 0xFF))
        if self.seed % 11 == 0:
            self.sched.hold_self(self)


class Worker(Task):
    def __init__(self, sched, ident, priority, sink):
        super().__init__(sched, ident, priority)
        self.sink = sink
        self.acc = 0

    def step(self, packet):
        if packet.kind == 0:
            self.acc = (self.acc + packet.payload) & 0xFFFF
        elif packet.kind == 1:
            self.acc = (self.acc * 3 + packet.payload) & 0xFFFF
        else:
            self.acc ^= packet.payload << 3
        packet.dest = self.sink
        packet.payload = self.acc & 0xFF
        self.sched.send(packet)


class Sink(Task):
    def __init__(self, sched, ident, priority):
        super().__init__(sched, ident, priority)
        self.checksum = 0

    def step(self, packet):
        self.checksum = (self.checksum * 31 + packet.payload + packet.kind) % 1000003
        if self.handled % 50 == 0:
            self.sched.release_all()


class Scheduler:
    def __init__(self):
        self.tasks = []
        self.steps = 0
        self.sent = 0

    def add(self, task):
        self.tasks.append(task)
        self.tasks.sort(key=lambda t: -t.priority)
        return task

    def send(self, packet):
        self.sent += 1
        packet.dest.enqueue(packet)

    def hold_self(self, task):
        task.held = True

    def release_all(self):
        for t in self.tasks:
            t.held = False

    def run(self, max_steps):
        while self.steps < max_steps:
            chosen = None
            for t in self.tasks:
                if t.runnable():
                    chosen = t
                    break
            if chosen is None:
                self.release_all()
                continue
            packet = chosen.dequeue() if not isinstance(chosen, Source) else None
            chosen.step(packet)
            chosen.handled += 1
            self.steps += 1


def main():
    total = 0
    for round_no in range(ROUNDS):
        s = Scheduler()
        sink = s.add(Sink(s, 1, 10))
        workers = [s.add(Worker(s, 2 + i, 5 + i % 3, sink)) for i in range(4)]
        for i in range(2):
            s.add(Source(s, 10 + i + round_no, 1 + i, workers))
        s.run(STEPS)
        handled = [t.handled for t in s.tasks]
        total = (total + sink.checksum + s.sent) % 1000003
        if round_no == 0:
            print("handled", handled)
    print("checksum", total)


ROUNDS = 56
STEPS = 20000

main()
