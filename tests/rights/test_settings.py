"""Production refuses to start without its own keys for encrypted documents (P7.2)."""

import pytest

from tests.settings.test_production import run_manage


@pytest.mark.parametrize(
    "keys",
    [None, "", "T702Kgce3byBibcbHnA_eOzGcjQ8VGIefnywHxNGhJo="],
    ids=["missing", "empty", "development-key"],
)
def test_production_refuses_missing_or_development_encryption_keys(keys):
    result = run_manage("check", QALAN_FIELD_ENCRYPTION_KEYS=keys)
    assert result.returncode != 0
    assert "QALAN_FIELD_ENCRYPTION_KEYS" in result.stderr
