"""Every user-facing string is translated into kk, ru and uz, and the compiled catalogues are current."""

import ast
import re
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "qalan"
LOCALE = SOURCE / "locale"
LANGUAGES = ["kk", "ru", "uz"]
GETTEXT_NAMES = {
    "_",
    "gettext",
    "gettext_noop",
    "gettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "ngettext",
    "ngettext_lazy",
}


def python_msgids() -> set[str]:
    found = set()
    for path in SOURCE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", None)) in GETTEXT_NAMES
            ):
                # pgettext(context, message): the msgid is the second argument.
                pgettext = getattr(node.func, "id", getattr(node.func, "attr", "")).startswith("pgettext")
                args = node.args[1:] if pgettext else node.args
                if args and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
                    found.add(args[0].value)
    return found


_TRANSLATE = re.compile(r"""\{%\s*(?:translate|trans)\s+(["'])(.*?)\1""")
_BLOCK = re.compile(r"\{%\s*blocktranslate(?:\s[^%]*)?%\}(.*?)\{%\s*endblocktranslate\s*%\}", re.S)
_PLURAL = re.compile(r"\{%\s*plural\s*%\}")
_VAR = re.compile(r"\{\{\s*(\w+)\s*\}\}")


def _block_msgid(content: str) -> str:
    """The msgid Django makes of a blocktranslate body: the singular part, ``%`` doubled,
    ``{{ var }}`` as ``%(var)s``."""
    singular = _PLURAL.split(content)[0]
    return _VAR.sub(r"%(\1)s", singular.replace("%", "%%"))


def template_msgids() -> set[str]:
    found = set()
    for path in SOURCE.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        # Like makemessages: a literal % in a template string becomes %% in the msgid.
        found |= {m.group(2).replace("%", "%%") for m in _TRANSLATE.finditer(text)}
        found |= {_block_msgid(m.group(1)) for m in _BLOCK.finditer(text)}
    return found


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated_and_none_is_fuzzy(language):
    po = catalogue(language)
    untranslated = [e.msgid for e in po.untranslated_entries()]
    fuzzy = [e.msgid for e in po.fuzzy_entries()]
    assert not untranslated, f"{language}: untranslated {untranslated[:10]}"
    assert not fuzzy, f"{language}: fuzzy {fuzzy[:10]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_in_the_code_is_in_the_catalogue(language):
    msgids = {e.msgid for e in catalogue(language) if not e.obsolete}
    missing = sorted((python_msgids() | template_msgids()) - msgids)
    assert not missing, f"run `make messages` and translate: {missing[:10]}"


@pytest.mark.parametrize("language", [*LANGUAGES, "en"])
def test_compiled_catalogue_matches_the_source(language):
    po = catalogue(language)
    mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / "django.mo"))
    compiled = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in mo}
    source = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in po.translated_entries()}
    assert source.items() <= compiled.items(), "run `make messages` to recompile the .mo files"
