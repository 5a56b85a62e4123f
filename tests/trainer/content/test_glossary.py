"""The terminology glossary: complete entries, no duplicates, and no listed wrong variant in shipped Kazakh texts."""

import re
from pathlib import Path

import pytest
import yaml

from qalan.trainer.content.build import build
from qalan.trainer.content.loader import _Row, load_all

GLOSSARY = Path(__file__).resolve().parents[3] / "qalan" / "trainer" / "content" / "glossary.yaml"
LANGUAGES = ("kk", "ru", "en", "uz")
TERMS = yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))["terms"]
COLLECTION = load_all()
TEX = re.compile(r"\$[^$]*\$")


def _variant(pattern: str) -> re.Pattern:
    # A word (or phrase) beginning with the variant: Kazakh endings may follow (дробьтар, уравнениені).
    return re.compile(r"(?<!\w)" + re.escape(pattern.casefold()) + r"\w*", re.UNICODE)


VARIANTS = [(t["term"], v, _variant(v)) for t in TERMS for v in t.get("not_kk", [])]


def _kk_texts(node, where=""):
    """Every Kazakh text in a data file: kk values of language maps and kk answers of text keys."""
    if isinstance(node, dict):
        if isinstance(node.get("kk"), str):
            yield where, node["kk"]
        for name, value in node.items():
            if name == "key" and isinstance(value, str) and "kk:" in value:
                for part in value.split("|"):
                    if part.strip().startswith("kk:"):
                        yield f"{where}.key", part.split(":", 1)[1]
            else:
                yield from _kk_texts(value, f"{where}.{name}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _kk_texts(value, f"{where}[{i}]")


def _shipped_kk():
    for f in COLLECTION.files:
        yield from ((f.path + where, text) for where, text in _kk_texts(f.data))
        # Generated items carry words drawn by their generators (names, "ең үлкен"): a few instances.
        for skill in f.data.get("skills", []):
            for template in skill.get("templates", []):
                if template.get("generator") and not f.errors:
                    for seed in range(5):
                        built = build(_Row(template), seed)
                        texts = [built.rendered["prompt"], *built.rendered["hints"], *built.rendered["solution"]]
                        texts += [c["text"] for c in built.choices]
                        for text in texts:
                            yield f"{f.path}:{template['key']}#{seed}", text["kk"]


def _words(text: str) -> str:
    return TEX.sub(" ", text).casefold()


def test_the_glossary_is_large_enough_and_spans_the_grades():
    assert len(TERMS) >= 120
    assert {t["grade"] for t in TERMS} == set(range(1, 12))


@pytest.mark.parametrize("entry", TERMS, ids=[t["term"] for t in TERMS])
def test_every_entry_has_four_languages_and_a_grade(entry):
    assert set(entry) <= {"term", "grade", "kk", "ru", "en", "uz", "not_kk"}, entry
    for lang in LANGUAGES:
        assert isinstance(entry.get(lang), str) and entry[lang].strip(), (entry["term"], lang)
    assert isinstance(entry["grade"], int) and 1 <= entry["grade"] <= 11
    assert all(isinstance(v, str) and v.strip() for v in entry.get("not_kk", []))
    # Uzbek in Latin script, with the turned comma (U+02BB) rather than an apostrophe.
    assert not re.search(r"[А-Яа-яЁё]", entry["uz"]), entry["uz"]
    assert "'" not in entry["uz"] and "\u2018" not in entry["uz"] and "\u2019" not in entry["uz"], entry["uz"]
    assert re.search(r"[А-Яа-яӘәҒғҚқҢңӨөҰұҮүҺһІі]", entry["kk"]) or entry["kk"].startswith("n-"), entry["kk"]


def test_no_term_is_listed_twice():
    ids = [t["term"].casefold() for t in TERMS]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    english = [t["en"].casefold() for t in TERMS]
    assert len(english) == len(set(english)), sorted({e for e in english if english.count(e) > 1})
    # The same Kazakh, Russian and English together would be one term written twice.
    triples = [(t["kk"], t["ru"], t["en"]) for t in TERMS]
    assert len(triples) == len(set(triples))


def test_no_wrong_variant_is_a_right_term():
    """A variant listed as wrong must not be (the beginning of) any term's correct Kazakh name."""
    for term, variant, pattern in VARIANTS:
        for other in TERMS:
            assert not pattern.search(other["kk"].casefold()), (term, variant, other["term"])


def test_the_variant_matcher_finds_words_not_parts_of_words():
    pattern = _variant("дробь")
    assert pattern.search("бұл дробь емес")
    assert pattern.search("дробьтарды қосыңыз")
    assert not pattern.search("андробь")
    assert _variant("бөлшектің бөлгіші").search("Бөлшектің бөлгіші 5-ке тең.".casefold())
    assert not _variant("бөлшектің бөлгіші").search("ең үлкен ортақ бөлгіші")


def test_no_shipped_kazakh_text_uses_a_wrong_variant():
    found = []
    for where, text in _shipped_kk():
        words = _words(text)
        for term, variant, pattern in VARIANTS:
            if pattern.search(words):
                found.append(f"{where}: {variant!r} (write the glossary's {term!r}) in {text!r}")
    assert found == []
