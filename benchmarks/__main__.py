"""Run every benchmarks/bench_*.py in turn: ``python -m benchmarks`` (or ``make bench``)."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path


def main() -> int:
    here = Path(__file__).resolve().parent
    scripts = sorted(here.glob("bench_*.py"))
    if not scripts:
        print("no benchmarks found", file=sys.stderr)
        return 1
    failed = []
    for script in scripts:
        print(f"== {script.name}", flush=True)
        saved = sys.argv
        sys.argv = [str(script)]  # each benchmark parses its own (empty) arguments
        try:
            runpy.run_path(str(script), run_name="__main__")
        except SystemExit as exc:  # scripts end with `raise SystemExit(main())`
            if exc.code not in (0, None):
                failed.append(script.name)
        finally:
            sys.argv = saved
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
