#!/usr/bin/env python3
"""Prints "N passed, N failed" from one or more of meson's testlog.json
files (the normal, valgrind, sanitized and fuzz runs of .ci/run); exits 1
if any failed or if no test ran at all. A file that is missing counts as
one failed test: its build or its run did not get that far."""
import json
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as log:
            for line in log:
                if not line.strip():
                    continue
                result = json.loads(line)["result"]
                if result in ("OK", "EXPECTEDFAIL"):
                    passed += 1
                elif result == "SKIP":
                    skipped += 1
                else:
                    failed += 1
    except (OSError, ValueError) as error:
        print(f"no test results in {path}: {error}", file=sys.stderr)
        failed += 1

if len(sys.argv) < 2:
    print("no test results given", file=sys.stderr)
    failed += 1

suffix = f", {skipped} skipped" if skipped else ""
print(f"{passed} passed, {failed} failed{suffix}")
sys.exit(1 if failed or passed == 0 else 0)
