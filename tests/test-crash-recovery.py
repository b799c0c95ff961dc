#!/usr/bin/env python3
"""The real app, killed with unsaved work, offers it back on the next start.

Starts `venture FILE`, types a note as a user would, waits for the draft,
kills the app with SIGKILL, checks the user's file is untouched, starts
the app again and restores the draft from the question it asks.
Needs an X display (the test suite runs under xvfb-run) and xdotool.
"""
import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

venture, source_canvas, schema_dir = sys.argv[1:4]
print("1..1")


def wait_for(what, condition, timeout=20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.2)
    print(f"not ok 1 - crash recovery: timed out waiting for {what}")
    sys.exit(1)


def xdotool(*args):
    return subprocess.run(["xdotool", *args], capture_output=True, text=True).stdout


def window_titles(pid):
    ids = xdotool("search", "--onlyvisible", "--pid", str(pid)).split()
    return [xdotool("getwindowname", i).strip() for i in ids]


with tempfile.TemporaryDirectory() as tmp:
    canvas = os.path.join(tmp, "bike.json")
    shutil.copy(source_canvas, canvas)
    with open(canvas, "rb") as f:
        original = f.read()
    env = dict(os.environ,
               XDG_DATA_HOME=os.path.join(tmp, "data"),
               GSETTINGS_BACKEND="memory",
               GSETTINGS_SCHEMA_DIR=schema_dir,
               GDK_BACKEND="x11",
               LC_ALL="C.UTF-8")
    drafts = os.path.join(tmp, "data", "io.github.ventureapp.Venture*", "drafts", "*.json")

    app = subprocess.Popen([venture, canvas], env=env)
    wait_for("the loaded canvas",
             lambda: "Bike clinic – Venture" in window_titles(app.pid))

    def edited():
        return any(t.startswith("• ") for t in window_titles(app.pid))

    # Typing on the focused block starts a note; Escape ends editing. A
    # busy machine may drop the first keys before the window takes them:
    # try again until the title shows the unsaved edit.
    deadline = time.monotonic() + 30
    while not edited() and time.monotonic() < deadline:
        xdotool("type", "--delay", "30", "Crash idea")
        xdotool("key", "Escape")
        for _ in range(25):
            if edited():
                break
            time.sleep(0.2)
    wait_for("the edit", edited)

    def draft_with_edit():
        for path in glob.glob(drafts):
            with open(path, encoding="utf-8") as f:
                if "Crash idea" in f.read():
                    return path
        return None

    draft = wait_for("the autosaved draft", draft_with_edit)
    app.send_signal(signal.SIGKILL)
    app.wait()

    with open(canvas, "rb") as f:
        if f.read() != original:
            print("not ok 1 - crash recovery: the user's file changed")
            sys.exit(1)

    # The restart; a start that could not reach the display at all is
    # tried again (that is the test machine, not Venture).
    for attempt in range(3):
        app = subprocess.Popen([venture], env=env)
        time.sleep(1.0)
        if app.poll() is None:
            break
    try:
        # The window and the restore question.
        wait_for("the restore question", lambda: len(window_titles(app.pid)) >= 2)
        time.sleep(0.5)
        xdotool("key", "Return")
        restored = wait_for("the restored canvas",
                            lambda: [t for t in window_titles(app.pid)
                                     if t.startswith("• Bike clinic")])
        if not os.path.exists(draft):
            print("not ok 1 - crash recovery: the draft was dropped before a save")
            sys.exit(1)
    finally:
        app.send_signal(signal.SIGKILL)
        app.wait()

print(f"ok 1 - crash recovery: restored as {restored[0]!r}, file untouched")
