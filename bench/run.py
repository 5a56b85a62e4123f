#!/usr/bin/env python
"""Run every benchmark module (bench/bench_*.py) and print their tables.

Each module has ``main() -> None`` and prints its own table. Benchmarks report ratios against
a baseline measured in the same run, never bare wall-clock limits. They expect PostgreSQL
(DATABASE_URL); `make bench` creates a scratch database when none is given.
"""

import importlib
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "qalan.settings")
    os.environ.setdefault("QALAN_ENV", "test")
    only = set(sys.argv[1:])
    modules = sorted(p.stem for p in (ROOT / "bench").glob("bench_*.py"))
    if not modules:
        print("no benchmarks yet")
        return 0
    import django

    django.setup()
    for name in modules:
        if only and name not in only:
            continue
        print(f"\n== {name} ==")
        importlib.import_module(f"bench.{name}").main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
