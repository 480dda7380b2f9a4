"""Fill empty single-line msgstr entries of a .po file from a JSON dict {msgid: msgstr}.

Usage: python scripts/fill_po.py locale/fr/LC_MESSAGES/django.po translations.json
"""

import json
import re
import sys
from pathlib import Path


def fill(po_path, translations):
    text = Path(po_path).read_text(encoding="utf-8")
    filled = 0

    def replace(match):
        nonlocal filled
        msgid = match.group(1).encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
        if msgid in translations:
            filled += 1
            value = translations[msgid].replace("\\", "\\\\").replace('"', '\\"')
            return f'msgid "{match.group(1)}"\nmsgstr "{value}"\n'
        return match.group(0)

    text = re.sub(r'^msgid "(.+)"\nmsgstr ""\n', replace, text, flags=re.MULTILINE)
    Path(po_path).write_text(text, encoding="utf-8")
    return filled


if __name__ == "__main__":
    translations = json.loads(Path(sys.argv[2]).read_text(encoding="utf-8"))
    print(fill(sys.argv[1], translations), "filled")
