"""Regex parsing: parse and summarize a generated web-server access log.

Compiled regexes with named groups, ``finditer``, ``sub`` with a callback
and ``split``; aggregates by status, path and hour in dicts.
Checksum: a digest of the summary.
"""

import re

import harness

DEFAULT_SIZE = 45000
QUICK_SIZE = 4500

LINE_RE = re.compile(
    r'(?P<ip>\d+\.\d+\.\d+\.\d+) - (?P<user>\S+) '
    r'\[(?P<day>\d\d)/(?P<month>\w{3})/(?P<year>\d{4}):(?P<hour>\d\d):'
    r'(?P<minute>\d\d):(?P<second>\d\d) [+-]\d{4}\] '
    r'"(?P<method>[A-Z]+) (?P<path>[^ "?]+)(?:\?(?P<query>[^ "]*))? '
    r'HTTP/(?P<version>[\d.]+)" (?P<status>\d{3}) (?P<bytes>\d+|-) '
    r'"(?P<referer>[^"]*)" "(?P<agent>[^"]*)"')
PARAM_RE = re.compile(r"([a-z_]+)=([^&]*)")
ID_RE = re.compile(r"/\d+(?=/|$)")
WORD_RE = re.compile(r"[A-Za-z]+")

PATHS = ["/", "/index.html", "/api/users/%d", "/api/users/%d/posts",
         "/static/app.js", "/static/style.css", "/search", "/blog/%d/comments"]
AGENTS = ["Mozilla/5.0 (X11; Linux x86_64) Firefox/115.0",
          "curl/7.88.1", "Python-urllib/3.11", "Googlebot/2.1"]
METHODS = ["GET", "GET", "GET", "POST", "PUT", "DELETE"]
STATUSES = ["200", "200", "200", "304", "404", "500", "301"]


def make_log(count):
    rng = harness.Lcg(7)
    lines = []
    for i in range(count):
        path = rng.choice(PATHS)
        if "%d" in path:
            path = path % rng.below(5000)
        query = ""
        if rng.below(3) == 0:
            query = "?q=%s&page=%d&sort_by=date" % (rng.choice(AGENTS)[:4],
                                                     rng.below(20))
        size = "-" if rng.below(10) == 0 else str(rng.below(50000))
        lines.append(
            '10.%d.%d.%d - - [%02d/Mar/2024:%02d:%02d:%02d +0000] '
            '"%s %s%s HTTP/1.1" %s %s "-" "%s"' % (
                rng.below(256), rng.below(256), rng.below(256),
                1 + i * 28 // count, rng.below(24), rng.below(60),
                rng.below(60), rng.choice(METHODS), path, query,
                rng.choice(STATUSES), size, rng.choice(AGENTS)))
        if rng.below(50) == 0:
            lines.append("garbage line %d" % i)
    return "\n".join(lines)


def summarize(log):
    by_status, by_route, by_hour, params, agents = {}, {}, {}, {}, {}
    total_bytes = bad = 0
    for line in log.split("\n"):
        m = LINE_RE.match(line)
        if m is None:
            bad += 1
            continue
        by_status[m.group("status")] = by_status.get(m.group("status"), 0) + 1
        route = ID_RE.sub(lambda _: "/:id", m.group("path"))
        by_route[route] = by_route.get(route, 0) + 1
        hour = int(m.group("hour"))
        by_hour[hour] = by_hour.get(hour, 0) + 1
        if m.group("bytes") != "-":
            total_bytes += int(m.group("bytes"))
        for key, value in PARAM_RE.findall(m.group("query") or ""):
            params[key] = params.get(key, 0) + len(value)
        for word in WORD_RE.findall(m.group("agent")):
            agents[word] = agents.get(word, 0) + 1
    parts = [bad, total_bytes]
    for table in (by_status, by_route, by_hour, params, agents):
        parts.append(sorted(table.items()))
    return repr(parts)


def run(size):
    return harness.digest(summarize(make_log(size)))


if __name__ == "__main__":
    harness.main(run, DEFAULT_SIZE)
