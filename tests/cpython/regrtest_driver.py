"""Run CPython's regrtest and write a machine-readable summary of its results.

Usage: regrtest_driver.py SUMMARY_JSON [regrtest options and test names...]

This is `python3.11 -m test ...` with one addition: when regrtest finishes,
the per-module results it collected are written to SUMMARY_JSON. It is meant
to run on stock CPython, with `--python CMD -jN` so that the tests themselves
run in worker processes under CMD (a crash there is reported by regrtest as a
failed module instead of taking the driver down).

The summary looks like:

    {"exit_code": 0, "duration": 12.3, "selected": ["test_int", ...],
     "modules": {"test_int": {"result": "Passed", "outcome": "passed",
                              "text": "test_int passed", "duration": 0.4,
                              "cases": {"test.test_int.IntTests.test_x":
                                        "passed", ...}}}}

Per-test-case statuses come from the JUnit XML that regrtest's --junit-xml
produces for each module, completed with the failures regrtest reports for
the module (failures in subtests, setUpClass and setUpModule are missing from
the XML). This file relies on the internals of the libregrtest shipped with
Debian's python3.11 (test.libregrtest.main.Regrtest).
"""

import json
import re
import sys
import time
import xml.etree.ElementTree as ET

from test.libregrtest.main import Regrtest

# regrtest result class name -> outcome used for comparisons.
OUTCOMES = {
    "Passed": "passed",
    "EnvChanged": "env changed",
    "Skipped": "skipped",
    "ResourceDenied": "skipped",
    "DidNotRun": "no tests",
    "Interrupted": "interrupted",
}

# "test_x (test.test_m.Cls.test_x) [msg] (i=1)", "setUpClass (test.test_m.Cls)"
UNITTEST_DESCRIPTION = re.compile(r"^(\w+) \(([\w.]+)\)")


def case_id(description):
    """Turn unittest's str(test) into a test id like test.test_m.Cls.test_x."""
    match = UNITTEST_DESCRIPTION.match(description)
    if not match:
        return description
    name, qualified = match.groups()
    if qualified.endswith("." + name):
        return qualified
    return f"{qualified}.{name}"


def xml_case_status(testcase):
    """Status of one <testcase> element of regrtest's JUnit XML."""
    children = {child.tag for child in testcase}
    if children & {"error", "failure", "outcome"}:
        # <outcome> is only written for unexpected successes, which fail.
        return "failed"
    if "skipped" in children:
        return "skipped"
    return "passed"


def cases_of(result):
    """Map test id -> passed/failed/skipped for one module's result."""
    cases = {}
    for suite_xml in result.xml_data or ():
        for testcase in ET.fromstring(suite_xml).iter("testcase"):
            name = testcase.get("name")
            if name:  # failing subtests leave an empty <testcase/>
                cases[name] = xml_case_status(testcase)
    for description, _traceback in (getattr(result, "errors", None) or []) + (
        getattr(result, "failures", None) or []
    ):
        cases[case_id(description)] = "failed"
    return cases


def module_summary(result):
    kind = type(result).__name__
    return {
        "result": kind,
        "outcome": OUTCOMES.get(kind, "failed"),
        "text": str(result),
        "duration": round(result.duration_sec, 3),
        "cases": cases_of(result),
    }


class RecordingRegrtest(Regrtest):
    """Regrtest that keeps a summary of every module result it receives."""

    def __init__(self):
        super().__init__()
        self.summaries = {}

    def accumulate_result(self, result, rerun=False):
        super().accumulate_result(result, rerun)
        self.summaries[result.name] = module_summary(result)


def write_summary(path, regrtest, exit_code, duration):
    summary = {
        "exit_code": exit_code,
        "duration": round(duration, 1),
        "selected": list(regrtest.selected),
        "modules": regrtest.summaries,
    }
    with open(path, "w") as f:
        json.dump(summary, f, indent=1, sort_keys=True)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    summary_path = sys.argv[1]
    sys.argv[1:] = sys.argv[2:]
    regrtest = RecordingRegrtest()
    start = time.monotonic()
    exit_code = "regrtest raised an exception"
    try:
        regrtest.main()
    except SystemExit as exc:
        exit_code = exc.code
    finally:
        # Also when regrtest crashed: the results so far are still useful.
        write_summary(summary_path, regrtest, exit_code,
                      time.monotonic() - start)
    sys.exit(exit_code)


if __name__ == "__main__":
    main()
