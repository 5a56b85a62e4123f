"""A school can be a separate operator (P10.4); its users see its notice there (P1.e)."""

import pytest
from django.urls import reverse

from qalan.schools.models import School
from qalan.schools.selectors import separate_operators_for
from qalan.schools.services import class_create, class_join, link_confirm, link_invitation_create
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def school_world(db):
    teacher = make_user("t-operator", role="teacher")
    student = make_user("s-operator")
    parent = make_user("p-operator", role="parent")
    outsider = make_user("o-operator")
    school_class = class_create(
        actor=teacher, name="7B", grade=7, school_year="2026-2027", school_name="Lyceum 165", city="Almaty"
    )
    School.objects.filter(pk=school_class.school_id).update(
        separate_operator=True,
        operator_name="KGU Lyceum 165",
        policy_url="https://lyceum165.example.kz/privacy",
        policy_notice="The lyceum keeps your grades in its own journal.",
        operator_contact="dpo@lyceum165.example.kz",
    )
    class_join(actor=student, code=school_class.join_code)
    _invitation, code = link_invitation_create(actor=parent)
    link_confirm(actor=student, code=code)
    return teacher, student, parent, outsider, school_class


def test_students_teachers_and_parents_of_the_school_see_whose_policy_governs_them(client, school_world):
    teacher, student, parent, outsider, _class = school_world
    for person in (teacher, student, parent):
        assert [s.operator_name for s in separate_operators_for(viewer=person)] == ["KGU Lyceum 165"]
        client.force_login(person)
        page = client.get(reverse("privacy:policy")).content.decode()
        assert "separate operator of your personal data" in page
        assert "https://lyceum165.example.kz/privacy" in page
        assert "The lyceum keeps your grades in its own journal." in page
    assert separate_operators_for(viewer=outsider) == []
    client.force_login(outsider)
    assert "separate operator" not in client.get(reverse("privacy:policy")).content.decode()


def test_the_class_page_shows_the_schools_notice(client, school_world):
    _teacher, student, _parent, _outsider, school_class = school_world
    client.force_login(student)
    page = client.get(reverse("schools:class_detail", args=[school_class.pk])).content.decode()
    assert "KGU Lyceum 165" in page and "dpo@lyceum165.example.kz" in page


def test_a_school_that_is_not_an_operator_shows_nothing(client, school_world):
    _teacher, student, _parent, _outsider, school_class = school_world
    School.objects.update(separate_operator=False)
    client.force_login(student)
    assert (
        "separate operator" not in client.get(reverse("schools:class_detail", args=[school_class.pk])).content.decode()
    )
