#!/usr/bin/env python3
"""Prints "N passed, N failed" from meson's testlog.json; exits 1 if any failed
or if no test ran at all."""
import json
import sys

passed = failed = skipped = 0
try:
    with open(sys.argv[1], encoding="utf-8") as log:
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
except OSError as error:
    print(f"no test results: {error}", file=sys.stderr)
    failed += 1

suffix = f", {skipped} skipped" if skipped else ""
print(f"{passed} passed, {failed} failed{suffix}")
sys.exit(1 if failed or passed == 0 else 0)
