"""Writes data/lookups/beroep.yml from data/knowledge/occupations.yml.

The occupations file is the one place where an occupation's names live; entity
extraction needs them as a Rasa lookup table (every surface form) plus
synonyms (surface form -> canonical value). Run `overstapcoach export-lookups`
after editing the occupations; a unit test fails while the two disagree.
"""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List

import yaml

ROOT = Path(__file__).resolve().parent.parent
OCCUPATIONS = ROOT / "data" / "knowledge" / "occupations.yml"
LOOKUP = ROOT / "data" / "lookups" / "beroep.yml"

HEADER = """\
version: "3.1"

# GENERATED from data/knowledge/occupations.yml by `overstapcoach export-lookups`.
# Do not edit by hand: change the occupation's `synoniemen` there and export again.
# The lookup is sorted longest-first on purpose: RegexEntityExtractor joins the entries
# into one alternation (first alternative wins), so "monteur netbeheer" comes before "monteur".
nlu:
"""


def forms_by_value(path: Path = OCCUPATIONS) -> Dict[str, List[str]]:
    """Canonical value -> its other surface forms, for occupations and vague words."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    items = {**data["beroepen"], **data.get("algemeen", {})}
    return {
        key: [str(s).strip().lower() for s in item.get("synoniemen") or [] if str(s).strip()]
        for key, item in items.items()
    }


def render(forms: Dict[str, List[str]]) -> str:
    every = {form for key, others in forms.items() for form in [key, *others]}
    ordered = sorted(every, key=lambda f: (-len(f), f))
    lines = [HEADER.rstrip("\n"), "- lookup: beroep", "  examples: |"]
    lines += [f"    - {form}" for form in ordered]
    for key, others in forms.items():
        if not others:
            continue
        lines += ["", f'- synonym: "{key}"', "  examples: |"]
        lines += [f"    - {form}" for form in others]
    return "\n".join(lines) + "\n"


def export(path: Path = OCCUPATIONS, target: Path = LOOKUP) -> bool:
    """Writes the lookup; True when the file changed."""
    text = render(forms_by_value(path))
    if target.exists() and target.read_text(encoding="utf-8") == text:
        return False
    target.write_text(text, encoding="utf-8")
    return True
