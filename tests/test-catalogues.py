#!/usr/bin/env python3
# test-catalogues.py: the German and Spanish catalogues compile, are
# complete, and translate the canvas: every block label and guiding
# question of the templates and the whole relationship taxonomy, with the
# business terms used in those countries. TAP output.
#
# Usage: test-catalogues.py SRCROOT PO-BUILDDIR MSGFMT
#
# SPDX-License-Identifier: GPL-3.0-or-later

import gettext
import glob
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

DOMAIN = 'venture'
REQUIRED_LANGUAGES = ('de', 'es')

# A soft hyphen (U+00AD) marks where a narrow block's header may break:
# between the parts of a German compound, between Spanish syllables.
BLOCK_LABELS = {
    'de': {
        'Key Partners': 'Schlüssel\u00adpartner',
        'Key Activities': 'Schlüssel\u00adaktivitäten',
        'Key Resources': 'Schlüssel\u00adressourcen',
        'Value Propositions': 'Wert\u00adangebote',
        'Customer Relationships': 'Kunden\u00adbeziehungen',
        'Channels': 'Kanäle',
        'Customer Segments': 'Kunden\u00adsegmente',
        'Cost Structure': 'Kosten\u00adstruktur',
        'Revenue Streams': 'Einnahme\u00adquellen',
    },
    'es': {
        'Key Partners': 'Socios clave',
        'Key Activities': 'Acti\u00advi\u00adda\u00addes clave',
        'Key Resources': 'Recursos clave',
        'Value Propositions': 'Propuesta de valor',
        'Customer Relationships': 'Relación con clientes',
        'Channels': 'Canales',
        'Customer Segments': 'Segmentos de clientes',
        'Cost Structure': 'Estructura de costes',
        'Revenue Streams': 'Fuentes de ingresos',
    },
}

# A few taxonomy terms whose usual rendering matters to facilitators.
TAXONOMY_SAMPLES = {
    'de': {
        'Self-service': 'Selbstbedienung',
        'Co-creation': 'Co-Creation',
        'Acquisition': 'Kundengewinnung',
        'Retention': 'Kundenbindung',
        'Cold calling': 'Kaltakquise',
    },
    'es': {
        'Self-service': 'Autoservicio',
        'Co-creation': 'Cocreación',
        'Acquisition': 'Captación',
        'Retention': 'Retención',
        'Cold calling': 'Llamadas en frío',
    },
}

C_STRING = r'"((?:[^"\\]|\\.)*)"'
N_MARKER = re.compile(r'(?<![A-Za-z0-9_])N_\s*\(\s*' + C_STRING + r'\s*\)')
NC_MARKER = re.compile(r'(?<![A-Za-z0-9_])NC_\s*\(\s*' + C_STRING + r'\s*,\s*' + C_STRING + r'\s*\)')


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


def c_unescape(text):
    return text.encode('utf-8').decode('unicode_escape').encode('latin-1').decode('utf-8')


def canvas_strings(srcroot):
    """The strings every catalogue must translate: the templates' names,
    labels and questions, and every N_() and NC_() string of the taxonomy."""
    strings = []
    for path in sorted(glob.glob(os.path.join(srcroot, 'data', 'templates', '*.xml'))):
        root = ET.parse(path).getroot()
        for element in root.iter():
            if element.tag in ('name', 'label', 'questions') and element.text:
                strings.append(' '.join(element.text.split()))
    with open(os.path.join(srcroot, 'src', 'model', 'venture-taxonomy.c'), encoding='utf-8') as f:
        source = f.read()
    strings += [c_unescape(s) for s in N_MARKER.findall(source)]
    # gettext keys a string with a context as "context\x04string".
    strings += [c_unescape(c) + '\x04' + c_unescape(s) for c, s in NC_MARKER.findall(source)]
    return strings


def read_linguas(srcroot):
    with open(os.path.join(srcroot, 'po', 'LINGUAS'), encoding='utf-8') as f:
        return [w for line in f if not line.startswith('#') for w in line.split()]


def main():
    srcroot, po_builddir, msgfmt = sys.argv[1:4]
    tap = Tap()
    linguas = read_linguas(srcroot)

    tap.check('LINGUAS lists German and Spanish',
              ['%s is not in po/LINGUAS' % lang for lang in REQUIRED_LANGUAGES
               if lang not in linguas])

    required = canvas_strings(srcroot)
    tap.check('the canvas strings were found in the sources',
              [] if len(required) >= 9 + 9 * 2 else
              ['only %d template and taxonomy strings found' % len(required)])

    for lang in linguas:
        po = os.path.join(srcroot, 'po', lang + '.po')
        # --check verifies the header and that format strings match,
        # --check-accelerators that a label with a mnemonic keeps exactly
        # one; the statistics reveal fuzzy and untranslated entries.
        proc = subprocess.run([msgfmt, '--check', '--check-accelerators=_', '--statistics',
                               '-o', os.devnull, po],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              env=dict(os.environ, LC_ALL='C', LANGUAGE=''),
                              universal_newlines=True)
        problems = []
        if proc.returncode != 0:
            problems.append('msgfmt --check failed:')
        if proc.returncode != 0 or 'fuzzy' in proc.stdout or 'untranslated' in proc.stdout:
            problems += proc.stdout.strip().splitlines()
        tap.check('%s.po compiles with msgfmt --check, no fuzzy or untranslated entries' % lang,
                  problems)

        mo = os.path.join(po_builddir, lang, 'LC_MESSAGES', DOMAIN + '.mo')
        if not os.path.isfile(mo):
            tap.check('%s: the catalogue was built' % lang, ['%s does not exist' % mo])
            continue
        with open(mo, 'rb') as f:
            catalogue = gettext.GNUTranslations(f)

        labels = BLOCK_LABELS.get(lang, {})
        tap.check('%s: the block labels use the usual business terms' % lang,
                  ['“%s” -> “%s”, expected “%s”' % (en, catalogue.gettext(en), want)
                   for en, want in labels.items() if catalogue.gettext(en) != want])

        samples = TAXONOMY_SAMPLES.get(lang, {})
        tap.check('%s: relationship, stage and strategy terms' % lang,
                  ['“%s” -> “%s”, expected “%s”' % (en, catalogue.gettext(en), want)
                   for en, want in samples.items() if catalogue.gettext(en) != want])

        # GNUTranslations.gettext returns the msgid when there is no
        # translation, so look at the catalogue itself.
        tap.check('%s: every template and taxonomy string is translated' % lang,
                  ['no translation for “%s”' % s.replace('\x04', ' | ') for s in required
                   if not catalogue._catalog.get(s)])

    return tap.finish()


if __name__ == '__main__':
    sys.exit(main())
