#!/usr/bin/env python
"""Print the obligations matrix: run every test it names and show, per policy id, whether it is
covered (all its tests exist and passed), failing, or open. Last line: ``covered N/69``.

Exit status: 0 when every listed test passed (open ids are expected), 1 when a listed test is
missing or failed.
"""

import os
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MATRIX = ROOT / "docs" / "obligations.toml"


def load() -> list[dict]:
    with MATRIX.open("rb") as fh:
        return tomllib.load(fh)["obligation"]


class Recorder:
    def __init__(self):
        self.outcomes: dict[str, list[str]] = defaultdict(list)
        self.collected: set[str] = set()

    def pytest_collection_modifyitems(self, items):
        self.collected = {item.nodeid for item in items}

    def pytest_runtest_logreport(self, report):
        if report.when == "call" or report.outcome != "passed":
            self.outcomes[report.nodeid].append(report.outcome)


def matching(listed: str, nodeids) -> list[str]:
    return [n for n in nodeids if n == listed or n.startswith((listed + "[", listed + "::"))]


def main() -> int:
    import pytest

    os.chdir(ROOT)
    obligations = load()
    listed = sorted({t for o in obligations for t in o["tests"]})
    files = sorted({t.split("::")[0] for t in listed if Path(t.split("::")[0]).exists()})
    recorder = Recorder()
    if files:
        pytest.main(["-q", "-p", "no:cacheprovider", "--no-header", *files], plugins=[recorder])

    covered, broken = 0, False
    rows = []
    for o in obligations:
        tests = o["tests"]
        if not tests:
            rows.append((o["id"], "open", "-"))
            continue
        problems = []
        for t in tests:
            ran = matching(t, recorder.outcomes)
            if not ran:
                problems.append(f"missing: {t}")
            elif any(outcome != "passed" for n in ran for outcome in recorder.outcomes[n]):
                problems.append(f"failed: {t}")
        if problems:
            broken = True
            rows.append((o["id"], "FAILING", "; ".join(problems)))
        else:
            covered += 1
            rows.append((o["id"], "covered", ", ".join(t.split("::")[-1] for t in tests)))
    print()
    width = max(len(r[0]) for r in rows)
    for obligation_id, status, detail in rows:
        print(f"{obligation_id:<{width}}  {status:<8}  {detail}")
    print(f"covered {covered}/{len(obligations)}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
