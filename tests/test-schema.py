#!/usr/bin/env python3
# test-schema.py: data/venture-canvas.schema.json is a valid JSON Schema,
# accepts every good test canvas and refuses the bad ones it can see are
# bad (the rest need the reader: duplicate ids, unknown templates, syntax).
# TAP output.
#
# Usage: test-schema.py SOURCE_ROOT
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import sys

import jsonschema

# Broken files whose problem the schema itself describes.
REFUSED = [
    'empty-id.json', 'fraction.json', 'missing-id.json', 'missing-template.json',
    'missing-version.json', 'missing-x.json', 'negative.json', 'newer-version.json',
    'other-format.json', 'out-of-range.json', 'text-too-long.json',
    'top-level-array.json', 'top-level-string.json', 'wrong-format.json',
    'wrong-type-note.json', 'wrong-type-notes.json', 'wrong-type-segments.json',
    'wrong-type-tag.json', 'wrong-type-text.json', 'wrong-type-title.json',
    'wrong-type-x.json', 'zero-version.json',
]


def main():
    root = sys.argv[1]
    files = os.path.join(root, 'tests', 'files')
    with open(os.path.join(root, 'data', 'venture-canvas.schema.json'), encoding='utf-8') as f:
        schema = json.load(f)

    results = []
    try:
        jsonschema.Draft202012Validator.check_schema(schema)
        results.append(('schema is valid draft 2020-12', None))
    except jsonschema.SchemaError as error:
        results.append(('schema is valid draft 2020-12', error.message))
    validator = jsonschema.Draft202012Validator(schema)

    good_dir = os.path.join(files, 'good')
    for name in sorted(os.listdir(good_dir)):
        with open(os.path.join(good_dir, name), encoding='utf-8') as f:
            errors = [e.message for e in validator.iter_errors(json.load(f))]
        results.append(('accepts good/' + name, '; '.join(errors) or None))

    for name in REFUSED:
        with open(os.path.join(files, 'bad', name), encoding='utf-8') as f:
            valid = validator.is_valid(json.load(f))
        results.append(('refuses bad/' + name, 'accepted' if valid else None))

    print('1..%d' % len(results))
    failed = 0
    for number, (name, problem) in enumerate(results, 1):
        if problem:
            failed += 1
            print('not ok %d - %s' % (number, name))
            print('# ' + problem)
        else:
            print('ok %d - %s' % (number, name))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
