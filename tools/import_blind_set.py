"""Turn a set written blind (``text,label,category`` in the writer's categories) into the kit's blind-post file.

    PYTHONPATH=. python tools/import_blind_set.py WRITTEN.csv OUT.csv [--prefix t]

The writers of the blind sets (docs/postchecker.md) are given thirteen hurtful and eleven fine
categories and never see the kit's own. ``KINDS`` maps theirs to the kit's blind-post categories
(kit/content/schema/blind-post.schema.json), the same mapping for every set since the eighth:
ability, rumour and sarcasm are mockery; discrimination and contempt without a slur are contempt;
sexual remarks are insults; wishing death is a threat; jokes and banter are ``banter_safe``. The
rows keep the writer's order; ids are ``PREFIX001``…; the file is written with the schema line in
front and read back with the kit's loader, so a wrong category stops here with the row named.
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from kit.content.labelled import load_blind

KINDS = {
    "insult": "insult", "appearance": "appearance", "ability": "mockery", "exclusion": "exclusion", "threat": "threat",
    "doxxing": "doxxing", "pileon": "pileon", "sexual": "insult", "discrimination": "contempt", "death_wish": "threat",
    "rumour": "mockery", "contempt_no_slur": "contempt", "sarcasm": "mockery",
    "friendly_teasing": "banter_safe", "game_sports_banter": "banter_safe", "self_deprecation": "neutral",
    "emotion_about_things": "neutral", "polite_criticism": "criticism", "reporting_or_support_quote": "reporting",
    "encourage_report": "reporting", "asking_for_help": "help", "kind_message": "kind", "everyday_chat": "neutral",
    "sincere_praise": "kind",
}


def convert(written: Path, out: Path, prefix: str) -> int:
    """Write ``out`` from ``written``; return the number of posts. Raise ``ValueError`` naming a row with an unknown category."""
    with written.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    with out.open("w", encoding="utf-8", newline="") as f:
        f.write("schema_version,1\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "text", "label", "category"])
        for n, row in enumerate(rows, 1):
            if row["category"] not in KINDS:
                raise ValueError(f"{written}: row {n + 1}: unknown category {row['category']!r}")
            w.writerow([f"{prefix}{n:03d}", row["text"].strip(), "harmful" if row["label"] == "hurtful" else "ok", KINDS[row["category"]]])
    return len(load_blind(out))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("written", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--prefix", default="t")
    args = parser.parse_args()
    print(f"{args.out}: {convert(args.written, args.out, args.prefix)} posts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
