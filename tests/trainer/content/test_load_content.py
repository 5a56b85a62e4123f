"""load_content: loads the data files, is idempotent, never reverts a staff edit silently."""

import io

import pytest
from django.core.management import call_command

from qalan.trainer.models import ItemTemplate, Skill


def run(*args) -> str:
    out = io.StringIO()
    call_command("load_content", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.mark.django_db
def test_loads_and_second_run_changes_nothing():
    first = run()
    assert "grade 5:" in first
    assert ItemTemplate.objects.filter(key="g5-fr-add-unlike", version=1).exists()
    assert Skill.objects.get(code="Q5.FR.ADD").prerequisites.filter(code="Q4.FR.SAME").exists()
    second = run()
    assert "trainer content: unchanged" in second
    assert "conflict" not in second


@pytest.mark.django_db
def test_staff_edit_is_reported_and_kept_until_overwrite():
    run()
    row = ItemTemplate.objects.get(key="g5-fr-add-unlike")
    row.difficulty = 3
    row.save()
    out = run()
    assert "conflict: template g5-fr-add-unlike" in out
    row.refresh_from_db()
    assert row.difficulty == 3 and row.version == 1
    out = run("--overwrite")
    row.refresh_from_db()
    assert row.difficulty == 2 and row.version == 2


@pytest.mark.django_db
def test_check_writes_nothing():
    out = run("--check")
    assert "0 errors" in out
    assert not ItemTemplate.objects.exists()
