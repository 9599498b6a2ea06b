"""Ends with an uncaught exception carrying both an explicit __cause__ and an implicit __context__ chain; exit status 1."""


class ConfigError(Exception):
    pass


def parse_value(text):
    return int(text)


def load_entry(key, text):
    try:
        return parse_value(text)
    except ValueError as e:
        raise ConfigError(f"bad value for {key!r}") from e


def cleanup(resources):
    return resources["handle"].close()


def load_all(entries):
    out = {}
    for key, text in entries:
        out[key] = load_entry(key, text)
    return out


def main():
    good = [("a%d" % i, str(i * 3)) for i in range(500)]
    total = 0
    for _ in range(4):
        total += sum(load_all(good).values())
    print("loaded total", total)
    try:
        load_all(good + [("broken", "12x")])
    finally:
        print("attempting cleanup")
        cleanup({})


main()
