"""The Dutch catalogue is complete, and the compiled catalogues match their sources."""

import ast
import gettext
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "samen" / "locale"


def _parse_po(path: Path) -> list[dict]:
    """Read a .po file into entries with msgid, msgid_plural, msgstr list and flags."""
    entries: list[dict] = []
    entry: dict = {}
    field = None

    def finish() -> None:
        if entry.get("msgid") is not None:
            entries.append(dict(entry))
        entry.clear()

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
            field = None
            continue
        if line.startswith("#,"):
            entry["flags"] = {f.strip() for f in line[2:].split(",")}
            continue
        if line.startswith("#"):
            continue
        key, _, rest = line.partition(" ")
        if line.startswith('"'):
            value = ast.literal_eval(line)
            if field == "msgstr":
                entry["msgstr"][-1] += value
            else:
                entry[field] += value
            continue
        value = ast.literal_eval(rest)
        if key in {"msgid", "msgid_plural", "msgctxt"}:
            field = key
            entry[key] = value
        elif key.startswith("msgstr"):
            field = "msgstr"
            entry.setdefault("msgstr", []).append(value)
    finish()
    return [e for e in entries if e["msgid"]]


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_every_text_is_translated(language):
    entries = _parse_po(LOCALE / language / "LC_MESSAGES" / "django.po")
    missing = [
        e["msgid"]
        for e in entries
        if not all(e.get("msgstr", [""])) or "fuzzy" in e.get("flags", set())
    ]
    assert entries and not missing, (
        f"{len(missing)} texts without {language} translation: {missing[:10]}"
    )


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_compiled_catalogue_matches_its_source(language):
    folder = LOCALE / language / "LC_MESSAGES"
    with (folder / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    for entry in _parse_po(folder / "django.po"):
        if "msgid_plural" in entry or "msgctxt" in entry or not entry["msgstr"][0]:
            continue
        assert compiled.gettext(entry["msgid"]) == entry["msgstr"][0], (
            f"run `make messages`: {entry['msgid']!r} is not compiled"
        )
