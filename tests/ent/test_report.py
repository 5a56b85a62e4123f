"""The report: points per kind of question, the skills behind each lost point (with links to the
trainer and the map), and a bounded number of queries whatever the number of questions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from qalan.ent import selectors, services
from qalan.ent.blueprint import QuestionType
from tests.ent.conftest import one_wrong, right_answers

pytestmark = pytest.mark.django_db


def _lose_some(mock):
    given = right_answers(mock)
    first, second = mock.items.get(position=1), mock.items.get(position=26)
    given["1"], given["26"] = one_wrong(first), one_wrong(second)
    multi = mock.items.get(position=31)
    given["31"] = ""  # no answer: both points lost
    return given, {first.skill.code: 1, second.skill.code: 1, multi.skill.code: 2}


def test_points_per_kind_and_the_skills_behind_each_lost_point(ent_content, senior):
    mock = services.mock_start(actor=senior, section="maths")
    given, lost = _lose_some(mock)
    services.mock_submit(actor=senior, mock=mock, given=given)
    report = selectors.report_of(viewer=senior, mock_id=mock.pk)
    assert (report.points, report.max_points) == (46, 50)
    lines = {line.question_type: (line.questions, line.points, line.max_points) for line in report.by_type}
    assert lines == {
        QuestionType.SINGLE: (25, 24, 25),
        QuestionType.CONTEXT: (5, 4, 5),
        QuestionType.MULTI: (10, 18, 20),
    }
    assert {row.skill.code: row.lost for row in report.lost} == lost
    assert report.lost[0].lost == 2 and report.lost[0].positions == [31]
    assert sum(row.lost for row in report.lost) == report.max_points - report.points


def test_the_report_page_links_each_lost_skill_to_the_trainer_and_the_map(ent_content, senior, client):
    mock = services.mock_start(actor=senior, section="maths")
    given, lost = _lose_some(mock)
    services.mock_submit(actor=senior, mock=mock, given=given)
    client.force_login(senior)
    page = client.get(reverse("ent:report", args=[mock.pk])).content.decode()
    for code in lost:
        assert reverse("trainer:practice", args=[code]) in page
    assert reverse("trainer:map") in page
    assert "46 of 50 points" in page


def test_the_report_takes_a_fixed_number_of_queries(ent_content, senior):
    small = services.mock_start(actor=senior, section="literacy")
    services.mock_submit(actor=senior, mock=small)
    large = services.mock_start(actor=senior, section="maths")
    services.mock_submit(actor=senior, mock=large)
    counts = []
    for mock in (small, large):
        with CaptureQueriesContext(connection) as queries:
            report = selectors.report_of(viewer=senior, mock_id=mock.pk)
            [row.title for row in report.lost]
            [item.instance.rendered for item in report.items]
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 3
