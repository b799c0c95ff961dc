#!/usr/bin/env python3
# test-potfiles.py: every source file with a user-visible string is listed
# in po/POTFILES.in, and every listed file exists. TAP output.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import sys

# Gettext markers followed by a string literal: a marker on a variable
# (g_dgettext (GETTEXT_PACKAGE, text)) translates strings extracted elsewhere.
C_MARKERS = re.compile(
    r'(?<![A-Za-z0-9_])(?:_|N_|Q_)\s*\(\s*"'
    r'|(?<![A-Za-z0-9_])(?:C_|NC_)\s*\(\s*"[^"]*"\s*,\s*"'
    r'|(?<![A-Za-z0-9_])(?:g_d?ngettext|ngettext)\s*\([^;]*?"'
    r'|(?<![A-Za-z0-9_])g_dpgettext2\s*\([^,]*,\s*"')
UI_MARKER = re.compile(r'translatable\s*=\s*["\']yes["\']')
TEMPLATE_MARKER = re.compile(r'<(?:name|label|questions)>')
DESKTOP_MARKER = re.compile(r'^(?:Name|GenericName|Comment|Keywords)=', re.M)
METAINFO_MARKER = re.compile(r'<(?:summary|p|li|caption|keyword)>')
SCHEMA_MARKER = re.compile(r'<(?:summary|description)>')
TEMPLATE_DIRS = ('data/templates/',)


def has_translatable_strings(relpath, text):
    if relpath.endswith(('.c', '.h')):
        return C_MARKERS.search(text) is not None
    if relpath.endswith('.ui'):
        return UI_MARKER.search(text) is not None
    if relpath.startswith(TEMPLATE_DIRS) and relpath.endswith('.xml'):
        return TEMPLATE_MARKER.search(text) is not None
    if relpath.endswith('.desktop.in'):
        return DESKTOP_MARKER.search(text) is not None
    if relpath.endswith(('.metainfo.xml.in', '.appdata.xml.in')):
        return METAINFO_MARKER.search(text) is not None
    if relpath.endswith('.gschema.xml.in'):
        return SCHEMA_MARKER.search(text) is not None
    return False


def candidate_files(srcroot):
    for top in ('src', 'data'):
        for dirpath, dirnames, filenames in os.walk(os.path.join(srcroot, top)):
            dirnames.sort()
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                yield os.path.relpath(path, srcroot).replace(os.sep, '/')


def read_potfiles(srcroot):
    listed = []
    with open(os.path.join(srcroot, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                listed.append(line)
    return listed


def main():
    srcroot = sys.argv[1]
    listed = read_potfiles(srcroot)
    results = []

    missing_files = [p for p in listed if not os.path.isfile(os.path.join(srcroot, p))]
    results.append(('every file in POTFILES.in exists', missing_files,
                    'listed but not found'))

    duplicates = sorted({p for p in listed if listed.count(p) > 1})
    results.append(('POTFILES.in lists each file once', duplicates, 'listed twice'))

    unlisted = []
    for relpath in candidate_files(srcroot):
        try:
            with open(os.path.join(srcroot, relpath), encoding='utf-8') as f:
                text = f.read()
        except UnicodeDecodeError:
            continue  # images and other binary data
        if has_translatable_strings(relpath, text) and relpath not in listed:
            unlisted.append(relpath)
    results.append(('every source file with translatable strings is in POTFILES.in',
                    unlisted, 'has translatable strings but is missing from po/POTFILES.in'))

    print('1..%d' % len(results))
    failed = 0
    for number, (name, problems, why) in enumerate(results, 1):
        if problems:
            failed += 1
            print('not ok %d - %s' % (number, name))
            for problem in problems:
                print('# %s: %s' % (problem, why))
        else:
            print('ok %d - %s' % (number, name))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
