#!/usr/bin/env python3
"""A second `venture FILE` joins the running instance: the file opens in a
new window of the first process, and the second process ends at once.

Runs inside its own D-Bus session (see tests/meson.build), on the X
display the test suite provides.
"""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

venture, first_canvas, second_canvas, schema_dir = sys.argv[1:5]
print("1..1")


def xdotool(*args):
    return subprocess.run(["xdotool", *args], capture_output=True, text=True).stdout


def window_titles(pid):
    ids = xdotool("search", "--onlyvisible", "--pid", str(pid)).split()
    return sorted(xdotool("getwindowname", i).strip() for i in ids)


def wait_for(what, condition, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.2)
    print(f"not ok 1 - single instance: timed out waiting for {what}")
    sys.exit(1)


with tempfile.TemporaryDirectory() as tmp:
    env = dict(os.environ,
               XDG_DATA_HOME=os.path.join(tmp, "data"),
               GSETTINGS_BACKEND="memory",
               GSETTINGS_SCHEMA_DIR=schema_dir,
               GDK_BACKEND="x11",
               LC_ALL="C.UTF-8")
    first = os.path.join(tmp, "first.json")
    second = os.path.join(tmp, "second.json")
    shutil.copy(first_canvas, first)
    shutil.copy(second_canvas, second)

    primary = subprocess.Popen([venture, first], env=env)
    try:
        wait_for("the first window", lambda: any("–" in t for t in window_titles(primary.pid)))
        started = time.monotonic()
        result = subprocess.run([venture, second], env=env, timeout=30)
        if result.returncode != 0:
            print(f"not ok 1 - single instance: the second start exited {result.returncode}")
            sys.exit(1)
        titles = wait_for("the second window in the first process",
                          lambda: [t for t in window_titles(primary.pid) if "–" in t]
                          if len([t for t in window_titles(primary.pid) if "–" in t]) == 2 else None)
        if primary.poll() is not None:
            print("not ok 1 - single instance: the first process ended")
            sys.exit(1)
    finally:
        primary.send_signal(signal.SIGKILL)
        primary.wait()

print(f"ok 1 - single instance: one process shows {titles}")
