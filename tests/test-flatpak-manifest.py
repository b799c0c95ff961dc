#!/usr/bin/env python3
# test-flatpak-manifest.py: flatpak-builder parses the manifest, which
# asks for the GNOME 50 runtime and nothing more than a window needs.
# Flatpak cannot build here, so this checks what can be checked. TAP output.
#
# Usage: test-flatpak-manifest.py FLATPAK-BUILDER MANIFEST APP_ID
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import subprocess
import sys
import tempfile

FINISH_ARGS = ['--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri']
# Permissions the app must never ask for: files go through the portal and
# nothing needs the network.
FORBIDDEN = re.compile(r'^--(filesystem|share=network|socket=x11|socket=session-bus'
                       r'|socket=system-bus|device=all|talk-name|system-talk-name)')


class Tap:
    def __init__(self):
        self.results = []

    def check(self, name, problems):
        self.results.append((name, problems))

    def finish(self):
        print('1..%d' % len(self.results))
        failed = 0
        for number, (name, problems) in enumerate(self.results, 1):
            if problems:
                failed += 1
                print('not ok %d - %s' % (number, name))
                for problem in problems:
                    print('# ' + problem)
            else:
                print('ok %d - %s' % (number, name))
        return 1 if failed else 0


def expect(problems, what, got, want):
    if got != want:
        problems.append('%s is %r, expected %r' % (what, got, want))


def main():
    flatpak_builder, manifest_path, app_id = sys.argv[1:4]
    devel = app_id.endswith('.Devel')
    tap = Tap()

    manifest_path = os.path.abspath(manifest_path)
    # flatpak-builder leaves a .flatpak-builder state directory behind.
    with tempfile.TemporaryDirectory(prefix='venture-flatpak-') as scratch:
        proc = subprocess.run([flatpak_builder, '--show-manifest', manifest_path],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              universal_newlines=True, cwd=scratch)
    problems = [] if proc.returncode == 0 else proc.stderr.strip().splitlines()
    manifest = None
    if proc.returncode == 0:
        try:
            manifest = json.loads(proc.stdout)
        except ValueError as e:
            problems.append('flatpak-builder printed no JSON: %s' % e)
    tap.check('flatpak-builder --show-manifest parses %s' % os.path.basename(manifest_path),
              problems)
    if manifest is None:
        return tap.finish()

    problems = []
    expect(problems, 'id', manifest.get('id', manifest.get('app-id')), app_id)
    expect(problems, 'runtime', manifest.get('runtime'), 'org.gnome.Platform')
    expect(problems, 'runtime-version', manifest.get('runtime-version'), '50')
    expect(problems, 'sdk', manifest.get('sdk'), 'org.gnome.Sdk')
    expect(problems, 'command', manifest.get('command'), 'venture')
    tap.check('GNOME 50 runtime and SDK, the venture command', problems)

    finish_args = manifest.get('finish-args', [])
    problems = []
    if sorted(finish_args) != sorted(FINISH_ARGS) or len(set(finish_args)) != len(finish_args):
        problems.append('finish-args are %r, expected exactly %r' % (finish_args, FINISH_ARGS))
    problems += ['forbidden permission %s' % arg for arg in finish_args if FORBIDDEN.match(arg)]
    tap.check('minimal permissions: ipc, wayland, fallback-x11, dri; no files, no network',
              problems)

    modules = manifest.get('modules', [])
    problems = []
    if len(modules) != 1 or not isinstance(modules[0], dict):
        problems.append('expected one module, the app, got %r' % modules)
    else:
        module = modules[0]
        expect(problems, 'module name', module.get('name'), 'venture')
        expect(problems, 'buildsystem', module.get('buildsystem'), 'meson')
        sources = module.get('sources', [])
        if len(sources) != 1 or sources[0].get('type') != 'dir':
            problems.append('expected one dir source, got %r' % sources)
        else:
            source = os.path.normpath(os.path.join(os.path.dirname(manifest_path),
                                                   sources[0].get('path', '')))
            meson_build = os.path.join(source, 'meson.build')
            if not os.path.isfile(meson_build) or \
               "project('venture'" not in open(meson_build, encoding='utf-8').read():
                problems.append('the dir source %s is not the Venture repository' % source)
        opts = module.get('config-opts', [])
        if devel and '-Ddevel=true' not in opts:
            problems.append('the .Devel manifest does not build with -Ddevel=true')
        if not devel and any(o.startswith('-Ddevel=true') for o in opts):
            problems.append('the release manifest builds with -Ddevel=true')
        # The build sandbox has no display: the tests that need one stay out.
        if module.get('run-tests') is True:
            commands = ' '.join(module.get('test-commands', []))
            if module.get('test-rule', 'test') != '':
                problems.append('the default test rule would run the UI tests without a display')
            if '--suite headless' not in commands or '--suite ui' in commands:
                problems.append('test-commands must run the headless suite and not the UI one')
    tap.check('one meson module built from this repository', problems)

    return tap.finish()


if __name__ == '__main__':
    sys.exit(main())
