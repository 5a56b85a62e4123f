"""The obligations matrix (docs/obligations.toml) is complete and points at real code and tests."""

import ast
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OBLIGATIONS = tomllib.loads((ROOT / "docs" / "obligations.toml").read_text())["obligation"]


def test_the_matrix_lists_the_69_obligations_once_each():
    ids = [o["id"] for o in OBLIGATIONS]
    assert len(ids) == 69
    assert len(set(ids)) == 69
    assert all(re.fullmatch(r"P\d+(\.\d+)?(\.[a-z])?", i) for i in ids)
    assert all(o["text"] for o in OBLIGATIONS)


def _defined_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
    return names


def test_every_code_reference_exists():
    for o in OBLIGATIONS:
        for ref in o["code"]:
            file, _, symbol = ref.partition("::")
            path = ROOT / file
            assert path.exists(), f"{o['id']}: {file} does not exist"
            if symbol:
                assert symbol in _defined_names(path), f"{o['id']}: {symbol} is not defined in {file}"


def test_every_listed_test_exists():
    for o in OBLIGATIONS:
        for node in o["tests"]:
            file, _, name = node.partition("::")
            path = ROOT / file
            assert path.exists(), f"{o['id']}: {file} does not exist"
            if name:
                assert name.split("[")[0] in _defined_names(path), f"{o['id']}: {name} is not in {file}"


def test_covered_ids_name_code():
    for o in OBLIGATIONS:
        if o["tests"]:
            assert o["code"], f"{o['id']} lists tests but no code that enforces it"
