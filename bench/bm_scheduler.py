"""Task scheduler: an object-oriented simulation of a small operating system.

Tasks of several classes (compute-bound, I/O-bound, producers and consumers
exchanging packets through mailboxes) run under a preemptive priority
scheduler with simulated devices.  Exercises attribute access, method
dispatch through subclasses, deques and small objects.
Checksum: per-class completion statistics and the final clock.
"""

from collections import deque

import harness

DEFAULT_SIZE = 1800
QUICK_SIZE = 180

READY, BLOCKED, DONE = "ready", "blocked", "done"
QUANTUM = 4


class Packet:
    __slots__ = ("sender", "payload")

    def __init__(self, sender, payload):
        self.sender = sender
        self.payload = payload


class Task:
    """Base class: a unit of work the scheduler advances one step at a time."""

    kind = "task"

    def __init__(self, tid, priority, work):
        self.tid = tid
        self.priority = priority
        self.remaining = work
        self.state = READY
        self.finished_at = None
        self.steps = 0

    def step(self, scheduler):
        """Do one unit of work; return True to keep running this quantum."""
        self.steps += 1
        self.remaining -= 1
        if self.remaining <= 0:
            scheduler.finish(self)
            return False
        return True


class ComputeTask(Task):
    kind = "compute"

    def __init__(self, tid, priority, work):
        Task.__init__(self, tid, priority, work)
        self.accumulator = tid

    def step(self, scheduler):
        self.accumulator = (self.accumulator * 31 + self.remaining) % 1000003
        return Task.step(self, scheduler)


class IoTask(Task):
    kind = "io"

    def __init__(self, tid, priority, work, device, every):
        Task.__init__(self, tid, priority, work)
        self.device = device
        self.every = every
        self.requests = 0

    def step(self, scheduler):
        keep_going = Task.step(self, scheduler)
        if keep_going and self.steps % self.every == 0:
            self.requests += 1
            scheduler.block(self)
            self.device.submit(self, self.tid % 3 + 1)
            return False
        return keep_going


class Mailbox:
    def __init__(self):
        self.packets = deque()
        self.waiting = None

    def post(self, scheduler, packet):
        self.packets.append(packet)
        if self.waiting is not None:
            task, self.waiting = self.waiting, None
            scheduler.wake(task)


class ProducerTask(Task):
    kind = "producer"

    def __init__(self, tid, priority, work, mailbox):
        Task.__init__(self, tid, priority, work)
        self.mailbox = mailbox

    def step(self, scheduler):
        self.mailbox.post(scheduler, Packet(self.tid, self.remaining * 7 % 97))
        return Task.step(self, scheduler)


class ConsumerTask(Task):
    kind = "consumer"

    def __init__(self, tid, priority, work, mailbox):
        Task.__init__(self, tid, priority, work)
        self.mailbox = mailbox
        self.total = 0

    def step(self, scheduler):
        if not self.mailbox.packets:
            self.mailbox.waiting = self
            scheduler.block(self)
            return False
        packet = self.mailbox.packets.popleft()
        self.total += packet.payload * (packet.sender % 5 + 1)
        return Task.step(self, scheduler)


class Device:
    """A device that completes requests after a latency, one at a time."""

    def __init__(self, name):
        self.name = name
        self.queue = deque()
        self.busy_until = None
        self.current = None
        self.completed = 0

    def submit(self, task, latency):
        self.queue.append((task, latency))

    def tick(self, scheduler):
        if self.current is None and self.queue:
            self.current, latency = self.queue.popleft()
            self.busy_until = scheduler.clock + latency
        if self.current is not None and scheduler.clock >= self.busy_until:
            scheduler.wake(self.current)
            self.current = None
            self.completed += 1


class Scheduler:
    def __init__(self, levels):
        self.queues = [deque() for _ in range(levels)]
        self.devices = []
        self.tasks = []
        self.clock = 0
        self.live = 0
        self.switches = 0

    def add(self, task):
        self.tasks.append(task)
        self.live += 1
        self.queues[task.priority].append(task)

    def finish(self, task):
        task.state = DONE
        task.finished_at = self.clock
        self.live -= 1

    def block(self, task):
        task.state = BLOCKED

    def wake(self, task):
        if task.state == BLOCKED:
            task.state = READY
            self.queues[task.priority].append(task)

    def pick(self):
        for queue in reversed(self.queues):
            if queue:
                return queue.popleft()
        return None

    def run(self):
        while self.live:
            for device in self.devices:
                device.tick(self)
            task = self.pick()
            self.clock += 1
            if task is None:
                continue
            self.switches += 1
            for _ in range(QUANTUM):
                if not task.step(self):
                    break
            else:
                self.queues[task.priority].append(task)
        return self.clock


def build(size):
    rng = harness.Lcg(size)
    sched = Scheduler(4)
    disks = [Device("disk%d" % i) for i in range(3)]
    sched.devices.extend(disks)
    tid = 0
    for group in range(size):
        mailbox = Mailbox()
        tasks = [
            ComputeTask(tid, rng.below(4), 20 + rng.below(60)),
            IoTask(tid + 1, rng.below(4), 20 + rng.below(40),
                   disks[group % 3], 3 + rng.below(5)),
            ProducerTask(tid + 2, rng.below(4), 30, mailbox),
            ConsumerTask(tid + 3, rng.below(4), 30, mailbox),
        ]
        for task in tasks:
            sched.add(task)
        tid += len(tasks)
    return sched


def summarize(sched):
    stats = {}
    for task in sched.tasks:
        entry = stats.setdefault(task.kind, [0, 0])
        entry[0] += 1
        entry[1] += task.finished_at
    parts = ["%s:%d:%d" % (k, v[0], v[1]) for k, v in sorted(stats.items())]
    extra = sum(getattr(t, "accumulator", 0) + getattr(t, "total", 0)
                for t in sched.tasks)
    return " ".join(parts) + " %d %d" % (sched.switches, extra)


def run(size):
    total = []
    for round_number in range(3):
        sched = build(size + round_number)
        clock = sched.run()
        total.append("%d %s" % (clock, summarize(sched)))
    return harness.digest("|".join(total))


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
