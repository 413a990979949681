"""UI text in Indonesian (default) and English. Names in the data are never translated.

Text lives per area in ui/texts/*.py (a dict key -> (Indonesian, English)); this module merges
them and refuses a key defined twice. A test fails if any text lacks a language.
"""

from __future__ import annotations

from typing import Any

from ui.texts import frame, pages

LANGS = ("id", "en")


def _merge(*parts: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for part in parts:
        dup = merged.keys() & part.keys()
        if dup:
            raise KeyError(f"text keys defined twice: {sorted(dup)}")
        merged.update(part)
    return merged


TEXT = _merge(frame.TEXT, pages.TEXT)


def text(key: str, lang: str, **values: Any) -> str:
    idx = LANGS.index(lang) if lang in LANGS else 0
    template = TEXT[key][idx]
    return template.format(**values) if values else template
