"""Keys and answers made of words: accepted texts per language, and the ids of choices."""

import re
import unicodedata
from collections.abc import Sequence

from qalan.trainer.answers.normalise import text_normalise

LANGUAGES = ("kk", "ru", "en", "uz")
_TAGGED = re.compile(r"^(kk|ru|en|uz)\s*:\s*(.*)$", re.S)


def text_key(key: str) -> list[tuple[str, str]]:
    """``kk:теңқабырғалы|ru:равносторонний|equilateral`` -> [(language or "", answer), ...]."""
    answers = []
    for part in str(key).split("|"):
        part = part.strip()
        if not part:
            raise ValueError(f"text key {key!r}: an empty answer between '|'")
        match = _TAGGED.match(part)
        language, answer = (match.group(1), match.group(2).strip()) if match else ("", part)
        if not text_normalise(answer):
            raise ValueError(f"text key {key!r}: the answer for {language or 'all languages'} is empty")
        answers.append((language, answer))
    return answers


def text_accepted(key: str) -> set[str]:
    """Any listed answer counts, in any language: a bilingual child may answer in either."""
    return {text_normalise(answer) for _, answer in text_key(key)}


def text_for_reader(key: str, language: str) -> str:
    """The reader's language first; then an answer for all languages; then English; then the first."""
    answers = text_key(key)
    for wanted in (language, "", "en"):
        for tagged, answer in answers:
            if tagged == wanted:
                return answer
    return answers[0][1]


_ID = re.compile(r"^[^\s,;|]+$")
_SEPARATORS = re.compile(r"[\s,;]+")
# A child on the other keyboard layout types Cyrillic а for the option a. Only letters that are twins
# in both cases: not b/в (a Latin b for Cyrillic options is more likely б, its transliteration).
_TO_LATIN = str.maketrans("асе", "ace")
_TO_CYRILLIC = str.maketrans("ace", "асе")


def _id_text(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip().strip(".()[]").casefold()


def choice_key(key: str, *, many: bool) -> list[str]:
    """``b`` (choice) or ``a,c`` (multi) -> the ids; raises ValueError."""
    ids = [part.strip() for part in str(key).split(",")] if many else [str(key).strip()]
    if not ids or not all(_ID.match(i) for i in ids):
        raise ValueError(
            f"{'multi' if many else 'choice'} key {key!r}: "
            + (
                "write the ids of the right choices separated by commas, e.g. a,c"
                if many
                else "write the id of the one right choice, e.g. b"
            )
        )
    if len({_id_text(i) for i in ids}) != len(ids):
        raise ValueError(f"multi key {key!r}: an id is repeated")
    return ids


def choice_read(raw: str, choices: Sequence[str]) -> list[str] | None:
    """The ids a student typed (``"B"``, ``"a, c"``, ``"a c"``, ``"ac"``, ``"b)"``), in the order of
    ``choices``; None when any of them is not an option."""
    known = {_id_text(c): c for c in choices}
    text = unicodedata.normalize("NFKC", str(raw)).strip().rstrip(".")
    parts = [_id_text(p) for p in _SEPARATORS.split(text) if _id_text(p)]
    if not parts:
        return None
    if known and len(parts) == 1 and parts[0] not in known and all(len(c) == 1 for c in known):
        parts = list(parts[0])  # "ac" when every option is one letter
    found = []
    for part in parts:
        for candidate in (part, part.translate(_TO_LATIN), part.translate(_TO_CYRILLIC)):
            if not known or candidate in known:
                found.append(known.get(candidate, candidate))
                break
        else:
            return None
    order = {_id_text(c): i for i, c in enumerate(choices)}
    unique = {_id_text(f): f for f in found}
    return sorted(unique.values(), key=lambda i: (order.get(_id_text(i), len(order)), _id_text(i)))
