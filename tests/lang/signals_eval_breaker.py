"""Signals during hot loops: handlers run, handler exceptions and KeyboardInterrupt break loops, interval timers must interrupt call-free spin loops."""
import signal

hits = []


class Stop(Exception):
    pass


def counting_handler(signum, frame):
    hits.append(signal.Signals(signum).name)


def raising_handler(signum, frame):
    raise Stop(f"stopped by {signal.Signals(signum).name}")


def spin(n, send_at, sig):
    total = 0
    i = 0
    while i < n:
        if i == send_at:
            signal.raise_signal(sig)
        total += i & 7
        i += 1
    return total


def spin_for(n, send_at, sig):
    total = 0
    for i in range(n):
        if i == send_at:
            signal.raise_signal(sig)
        total += i % 3
    return total


def spin_calls(n, send_at, sig):
    def leaf(x):
        return x + 1
    total = 0
    for i in range(n):
        if i == send_at:
            signal.raise_signal(sig)
        total = leaf(total)
    return total


def wait_for_timer(use_calls):
    """Spin (without calling anything) until an interval-timer SIGALRM handler flips a flag.

    Only terminates if the loop polls for pending signals on its back-edge."""
    flag = [False]

    def on_alarm(signum, frame):
        flag[0] = True
    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, 0.002)
    n = 0
    if use_calls:
        def step(v):
            return v + 1
        while not flag[0] and n < 2_000_000_000:
            n = step(n)
    else:
        while not flag[0] and n < 2_000_000_000:
            n += 1
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, old)
    return flag[0]


def wait_on_back_edges():
    """Loops whose back edge is a plain truth test or an `is not None` test
    (POP_JUMP_BACKWARD_IF_TRUE, POP_JUMP_BACKWARD_IF_NOT_NONE): they end only
    if the back edge polls for the timer's signal."""
    flag = []

    def on_alarm(signum, frame):
        flag.append(1)
    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, 0.002)
    keep = True
    while keep:
        keep = not flag
    signal.setitimer(signal.ITIMER_REAL, 0.002)
    x = 0
    while x is not None:
        x = None if len(flag) > 1 else x
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, old)
    return len(flag)


def timer_interrupt():
    def on_alarm(signum, frame):
        raise Stop("alarm")
    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, 0.002)
    try:
        total = 0
        while True:
            total += 1
    except Stop as e:
        res = f"loop broken by {e}"
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, old)
    return res


def main():
    old_usr1 = signal.signal(signal.SIGUSR1, counting_handler)
    for _ in range(5):
        r = spin(3000, 1500, signal.SIGUSR1)
    print("spin result", r, "handler hits", hits)
    hits.clear()
    for _ in range(3):
        spin_for(2000, 10, signal.SIGUSR1)
        spin_calls(2000, 1999, signal.SIGUSR1)
    # the handler runs at the latest when the functions return and the caller continues
    print("hits after for/call loops", len(hits))
    signal.signal(signal.SIGUSR2, raising_handler)
    outcomes = []
    for fn in (spin, spin_for, spin_calls):
        try:
            fn(200000, 100, signal.SIGUSR2)
            outcomes.append((fn.__name__, "completed"))
        except Stop as e:
            outcomes.append((fn.__name__, "interrupted", str(e)))
    print(outcomes)
    for fn in (spin, spin_for):
        try:
            fn(200000, 50, signal.SIGINT)
            print(fn.__name__, "completed?")
        except KeyboardInterrupt as e:
            print(fn.__name__, "KeyboardInterrupt", repr(e))
    signal.signal(signal.SIGUSR1, old_usr1)
    signal.signal(signal.SIGUSR2, signal.SIG_DFL)
    print(signal.getsignal(signal.SIGUSR2) == signal.SIG_DFL, signal.Signals.SIGUSR1.name,
          signal.getsignal(signal.SIGINT) is signal.default_int_handler)
    # an ignored signal does nothing
    signal.signal(signal.SIGUSR1, signal.SIG_IGN)
    print("ignored", spin(1000, 5, signal.SIGUSR1))
    signal.signal(signal.SIGUSR1, old_usr1)
    print("timer flag seen", [wait_for_timer(k % 2 == 1) for k in range(4)])
    print(timer_interrupt())
    print("alarms seen on back edges", wait_on_back_edges())


main()
