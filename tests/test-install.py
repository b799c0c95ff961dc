#!/usr/bin/env python3
# test-install.py: `meson install` into a DESTDIR lays out a GNOME app.
# TAP output.
#
# Usage: test-install.py BUILDDIR APP_ID PREFIX BINDIR DATADIR LOCALEDIR SRCROOT LIBEXECDIR
#
# SPDX-License-Identifier: GPL-3.0-or-later

import configparser
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
# Screenshots are served from the repository's main branch.
RAW_URL = 'https://raw.githubusercontent.com/ventureapp/venture/main/'


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


def under(prefix, path):
    # Meson options may be relative to the prefix or absolute.
    return path if os.path.isabs(path) else os.path.join(prefix, path)


def in_destdir(destdir, path):
    return os.path.join(destdir, path.lstrip('/'))


def read_desktop_entry(path, group):
    parser = configparser.RawConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # keys are case-sensitive
    with open(path, encoding='utf-8') as f:
        parser.read_file(f)
    return parser[group]


def main():
    builddir, app_id, prefix, bindir, datadir, localedir, srcroot, libexecdir = sys.argv[1:9]
    bindir = under(prefix, bindir)
    libexecdir = under(prefix, libexecdir)
    datadir = under(prefix, datadir)
    localedir = under(prefix, localedir)
    tap = Tap()

    destdir = tempfile.mkdtemp(prefix='venture-install-')
    try:
        # --no-rebuild: meson test already built everything, and ninja must
        # not be started again while it is running the tests.
        proc = subprocess.run(['meson', 'install', '-C', builddir, '--no-rebuild',
                               '--destdir', destdir],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              universal_newlines=True)
        tap.check('meson install --destdir succeeds',
                  [] if proc.returncode == 0 else proc.stdout.strip().splitlines()[-20:])
        if proc.returncode != 0:
            return tap.finish()

        binary = in_destdir(destdir, os.path.join(bindir, 'venture'))
        # `venture` exports by itself and hands the rest to the app proper.
        app_binary = in_destdir(destdir, os.path.join(libexecdir, 'venture-app'))
        desktop = in_destdir(destdir, os.path.join(datadir, 'applications', app_id + '.desktop'))
        metainfo = in_destdir(destdir, os.path.join(datadir, 'metainfo', app_id + '.metainfo.xml'))
        icon = in_destdir(destdir, os.path.join(datadir, 'icons', 'hicolor', 'scalable', 'apps',
                                                app_id + '.svg'))
        symbolic = in_destdir(destdir, os.path.join(datadir, 'icons', 'hicolor', 'symbolic',
                                                    'apps', app_id + '-symbolic.svg'))
        schema = in_destdir(destdir, os.path.join(datadir, 'glib-2.0', 'schemas',
                                                  app_id + '.gschema.xml'))
        service = in_destdir(destdir, os.path.join(datadir, 'dbus-1', 'services',
                                                   app_id + '.service'))
        catalogues = [in_destdir(destdir, os.path.join(localedir, lang, 'LC_MESSAGES',
                                                       'venture.mo'))
                      for lang in ('de', 'es')]

        expected = [binary, app_binary, desktop, metainfo, icon, symbolic, schema, service] + catalogues
        tap.check('every file is where GNOME expects it',
                  ['missing: ' + os.path.relpath(p, destdir) for p in expected
                   if not os.path.isfile(p) or os.path.getsize(p) == 0])
        if not all(os.path.isfile(p) for p in expected):
            return tap.finish()

        tap.check('the binaries are executable',
                  ['%s is not executable' % path for path in (binary, app_binary)
                   if not os.access(path, os.X_OK)])

        outside = []
        for dirpath, _, filenames in os.walk(destdir):
            for name in filenames:
                path = os.path.join(dirpath, name)
                if not path.startswith(in_destdir(destdir, prefix) + os.sep):
                    outside.append(os.path.relpath(path, destdir))
        tap.check('nothing is installed outside the prefix', outside)

        entry = read_desktop_entry(desktop, 'Desktop Entry')
        problems = []
        for key, want in (('Icon', app_id), ('DBusActivatable', 'true'), ('Type', 'Application')):
            if entry.get(key) != want:
                problems.append('%s=%s, expected %s' % (key, entry.get(key), want))
        if not entry.get('Exec', '').startswith('venture'):
            problems.append('Exec=%s does not start the venture binary' % entry.get('Exec'))
        for key in ('Name[de]', 'Comment[de]', 'Name[es]', 'Comment[es]'):
            if key not in entry:
                problems.append('%s is missing: the desktop file was not translated' % key)
        tap.check('the desktop file is D-Bus activatable, names its icon, is translated',
                  problems)

        service_entry = read_desktop_entry(service, 'D-BUS Service')
        problems = []
        if service_entry.get('Name') != app_id:
            problems.append('Name=%s, expected %s' % (service_entry.get('Name'), app_id))
        exec_line = service_entry.get('Exec', '').split()
        if not exec_line or exec_line[0] != os.path.join(bindir, 'venture'):
            problems.append('Exec=%s does not start %s' % (service_entry.get('Exec'),
                                                           os.path.join(bindir, 'venture')))
        tap.check('the D-Bus service starts the installed binary under the app id', problems)

        component = ET.parse(metainfo).getroot()
        problems = []
        if component.findtext('id') != app_id:
            problems.append('<id>%s</id>, expected %s' % (component.findtext('id'), app_id))
        launchable = component.find('launchable')
        if launchable is None or launchable.text != app_id + '.desktop':
            problems.append('the launchable is not %s.desktop' % app_id)
        for lang in ('de', 'es'):
            if not any(e.get(XML_LANG) == lang for e in component.iter('summary')):
                problems.append('no %s summary: the metainfo was not translated' % lang)
        tap.check('the metainfo names the app id, its desktop file, and is translated', problems)

        images = [image.text.strip() for image in component.iter('image')]
        problems = [] if len(images) >= 2 else ['expected a light and a dark screenshot']
        for url in images:
            if not url.startswith(RAW_URL):
                problems.append('%s is not served from this repository' % url)
            elif not os.path.isfile(os.path.join(srcroot, url[len(RAW_URL):])):
                problems.append('%s is not in the repository' % url[len(RAW_URL):])
        tap.check('the screenshots are files of this repository', problems)

        schemalist = ET.parse(schema).getroot()
        schema_element = schemalist.find('schema')
        want_path = '/' + app_id.replace('.', '/') + '/'
        problems = []
        if schema_element is None or schema_element.get('id') != app_id:
            problems.append('the schema id is not %s' % app_id)
        elif schema_element.get('path') != want_path:
            problems.append('path=%s, expected %s' % (schema_element.get('path'), want_path))
        else:
            keys = {k.get('name') for k in schema_element.findall('key')}
            for key in ('window-width', 'window-height', 'window-maximized'):
                if key not in keys:
                    problems.append('key %s is missing' % key)
        if schemalist.get('gettext-domain') != 'venture':
            problems.append('gettext-domain is not venture')
        tap.check('the schema is named after the app id and holds the window keys', problems)

        problems = []
        for path in (icon, symbolic):
            root = ET.parse(path).getroot()
            if root.tag != '{http://www.w3.org/2000/svg}svg':
                problems.append('%s is not an SVG image' % os.path.basename(path))
        if ET.parse(symbolic).getroot().get('width') != '16':
            problems.append('the symbolic icon is not 16 px wide')
        tap.check('the icons are SVG images', problems)
    finally:
        shutil.rmtree(destdir, ignore_errors=True)

    return tap.finish()


if __name__ == '__main__':
    sys.exit(main())
