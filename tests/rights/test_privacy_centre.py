"""The privacy centre: my data from the inventory, consents and objections with their
consequences, restriction, who sees my data, complaints (P6.1-P6.6, P2.2.a)."""

import pytest
from django.urls import reverse

from qalan.audit.models import AuditEvent
from qalan.core.inventory import declarations
from qalan.privacy.selectors import consent_in_force
from qalan.privacy.services import consent_give
from qalan.rights.models import DataRequest, RequestKind, RequestStatus
from qalan.rights.report import data_sections

pytestmark = pytest.mark.django_db

CENTRE_PAGES = [
    "rights:centre",
    "rights:my_data",
    "rights:information",
    "rights:download",
    "rights:correct",
    "rights:consents",
    "rights:restrict",
    "rights:who_sees",
    "rights:complain",
    "rights:requests",
    "rights:request_new",
    "rights:delete_account",
]


@pytest.mark.parametrize("name", CENTRE_PAGES)
def test_the_privacy_centre_needs_sign_in(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("name", CENTRE_PAGES)
def test_every_privacy_centre_page_renders_in_the_layout(client, alice, name):
    client.force_login(alice)
    page = client.get(reverse(name)).content.decode()
    assert 'class="site-footer"' in page and 'class="centre-nav"' in page


def test_my_data_lists_every_declared_kind_of_record_that_holds_my_rows(client, alice):
    client.force_login(alice)
    page = client.get(reverse("rights:my_data")).content.decode()
    expected = [d for d in declarations() if d.subjects and d.rows_for(alice).exists()]
    assert expected
    for declaration in expected:
        assert str(declaration.description).replace("'", "&#x27;") in page, declaration.model
    # With purposes, sources, retention and recipients from the declarations.
    assert "Create the account, authenticate, recover access (4.1)" in page
    assert "Provided by you" in page and "While the account exists" in page
    assert "SMS gateway (KZ)" in page


def test_my_data_follows_the_inventory_not_a_hand_written_list(alice):
    # A declaration whose rows alice does not have is not shown; one she gains appears.
    titles = {s.model for s in data_sections(alice)}
    assert "rights.DataRequest" not in titles
    from qalan.rights import services

    services.request_submit(actor=alice, kind=RequestKind.COMPLAINT, description="Too many e-mails.")
    assert "rights.DataRequest" in {s.model for s in data_sections(alice)}


def test_my_data_as_a_document_is_self_contained(client, alice):
    client.force_login(alice)
    response = client.get(reverse("rights:my_data_document"))
    html = response.content.decode()
    assert response["Content-Disposition"].startswith("attachment")
    assert "<script" not in html and 'rel="stylesheet"' not in html and "src=" not in html


def test_the_information_report_is_ready_at_once_with_what_article_6_1_lists(client, alice):
    client.force_login(alice)
    response = client.post(reverse("rights:information"))
    request = DataRequest.objects.get(user=alice, kind=RequestKind.INFORMATION)
    assert response["Location"] == reverse("rights:request_detail", args=[request.pk])
    assert request.status == RequestStatus.ANSWERED and request.closed_at is not None
    answer = request.answer
    assert "We process personal data about you." in answer
    assert 'LLP "QALANKZ"' in answer and "27 Edil Yergozhin" in answer  # the operator and its location
    assert "Provided by you" in answer  # sources
    assert "Create the account, authenticate, recover access (4.1)" in answer  # purposes
    assert "While the account exists" in answer  # terms
    assert "Methods of processing" in answer
    assert "SMS gateway, KZ" in answer  # recipients
    assert alice.phone not in answer  # a description of the data, not a copy of it
    page = client.get(response["Location"]).content.decode()
    assert "We process personal data about you." in page


def test_the_answer_downloads_as_a_document(client, alice):
    client.force_login(alice)
    client.post(reverse("rights:information"))
    request = DataRequest.objects.get(user=alice)
    response = client.get(reverse("rights:request_document", args=[request.pk]))
    assert response["Content-Disposition"] == f'attachment; filename="qalan-answer-{request.pk}.html"'
    assert "Methods of processing" in response.content.decode()


def test_another_persons_request_is_404(client, alice, bob):
    client.force_login(alice)
    client.post(reverse("rights:information"))
    request = DataRequest.objects.get(user=alice)
    client.force_login(bob)
    assert client.get(reverse("rights:request_detail", args=[request.pk])).status_code == 404
    assert client.get(reverse("rights:request_document", args=[request.pk])).status_code == 404
    assert client.post(reverse("rights:request_withdraw", args=[request.pk])).status_code == 404


def test_a_correction_request_goes_to_the_queue_with_fifteen_business_days(client, alice):
    from django.utils import timezone

    from qalan.core.calendar import deadline_for

    client.force_login(alice)
    response = client.post(
        reverse("rights:correct"), {"data_concerned": "My phone number", "description": "It is +7 701 555 12 12 now."}
    )
    request = DataRequest.objects.get(user=alice, kind=RequestKind.CORRECTION)
    assert response.status_code == 302
    assert request.status == RequestStatus.IN_PROGRESS
    assert request.due_on == deadline_for("correction", timezone.localdate())


def test_a_second_correction_request_shows_a_link_to_the_first(client, alice):
    client.force_login(alice)
    data = {"data_concerned": "My phone number", "description": "It changed."}
    client.post(reverse("rights:correct"), data)
    first = DataRequest.objects.get(user=alice)
    page = client.post(reverse("rights:correct"), data, follow=True).content.decode()
    assert f"#{first.pk}" in page and reverse("rights:request_detail", args=[first.pk]) in page
    assert DataRequest.objects.filter(user=alice).count() == 1


# --- Consents and objections ---------------------------------------------------------------


def test_the_consequence_is_shown_before_a_consent_is_withdrawn(client, alice):
    client.force_login(alice)
    page = client.get(reverse("rights:consent_withdraw", args=["disclosure"])).content.decode()
    assert "no longer see your results and progress" in page
    assert consent_in_force(user=alice, purpose="disclosure")  # nothing changes on the GET


def test_withdrawing_a_consent_stops_it_at_once_and_is_recorded_as_an_answered_request(client, alice):
    client.force_login(alice)
    client.post(reverse("rights:consent_withdraw", args=["disclosure"]))
    assert not consent_in_force(user=alice, purpose="disclosure")
    request = DataRequest.objects.get(user=alice, kind=RequestKind.WITHDRAWAL)
    assert request.status == RequestStatus.ANSWERED and request.consent_purpose == "disclosure"
    assert AuditEvent.objects.filter(
        event_type="consent.withdrawn", subject=alice, extra__purpose="disclosure"
    ).exists()


def test_objecting_to_marketing_withdraws_its_consent(client, alice):
    consent_give(user=alice, actor=alice, purpose="marketing", channel="web", evidence={"test": True})
    client.force_login(alice)
    page = client.get(reverse("rights:consent_withdraw", args=["marketing"])).content.decode()
    assert "You no longer receive news and offers" in page
    client.post(reverse("rights:consent_withdraw", args=["marketing"]))
    assert not consent_in_force(user=alice, purpose="marketing")
    request = DataRequest.objects.get(user=alice)
    assert request.kind == RequestKind.OBJECTION and request.status == RequestStatus.ANSWERED


def test_a_consent_can_be_given_again(client, alice):
    client.force_login(alice)
    client.post(reverse("rights:consent_withdraw", args=["disclosure"]))
    client.post(reverse("rights:consent_give", args=["disclosure"]))
    assert consent_in_force(user=alice, purpose="disclosure")


def test_withdrawing_the_platform_consent_leads_to_account_deletion(client, alice):
    client.force_login(alice)
    page = client.get(reverse("rights:consents")).content.decode()
    assert "you lose your learning materials and history" in page
    response = client.get(reverse("rights:consent_withdraw", args=["platform"]))
    assert response["Location"] == reverse("rights:delete_account")
    client.post(reverse("rights:consent_withdraw", args=["platform"]))
    assert consent_in_force(user=alice, purpose="platform")


def test_withdrawing_a_consent_that_is_not_in_force_says_so(client, alice):
    client.force_login(alice)
    page = client.post(reverse("rights:consent_withdraw", args=["marketing"]), follow=True).content.decode()
    assert "nothing to withdraw" in page
    assert not DataRequest.objects.exists()


def test_an_unknown_purpose_is_404(client, alice):
    client.force_login(alice)
    assert client.get(reverse("rights:consent_withdraw", args=["selling"])).status_code == 404


def test_an_objection_to_other_processing_goes_to_the_dpo(client, alice):
    client.force_login(alice)
    client.post(reverse("rights:objection"), {"description": "Do not use my results to rank the school."})
    request = DataRequest.objects.get(user=alice)
    assert request.kind == RequestKind.OBJECTION and request.is_open and not request.consent_purpose


# --- Restriction --------------------------------------------------------------------------


def test_restricting_dissemination_sets_the_flag_and_is_audited(client, alice):
    from qalan.privacy.selectors import dissemination_restricted

    client.force_login(alice)
    client.post(reverse("rights:restrict"), {"restricted": "on"})
    alice.profile.refresh_from_db()
    assert dissemination_restricted(user=alice)
    assert AuditEvent.objects.filter(event_type="privacy.dissemination_restricted", subject=alice).exists()
    client.post(reverse("rights:restrict"), {})
    alice.profile.refresh_from_db()
    assert not dissemination_restricted(user=alice)
    assert AuditEvent.objects.filter(event_type="privacy.dissemination_allowed", subject=alice).exists()


# --- Who sees my data ---------------------------------------------------------------------


def test_who_sees_lists_linked_parents_and_the_recipients(client, alice):
    from qalan.schools.models import ParentLink
    from tests.conftest import make_user

    parent = make_user("saule", role="parent")
    parent.profile.full_name = "Saule Aliyeva"
    parent.profile.save()
    ParentLink.objects.create(parent=parent, child=alice)
    client.force_login(alice)
    page = client.get(reverse("rights:who_sees")).content.decode()
    assert "Saule Aliyeva" in page and "sees your activity on the platform" in page
    assert "SMS gateway" in page and "Hosting provider" in page


def test_who_sees_shows_only_the_name_when_results_are_not_shared(client, alice):
    from qalan.privacy.services import consent_withdraw
    from qalan.schools.models import ParentLink
    from tests.conftest import make_user

    ParentLink.objects.create(parent=make_user("saule", role="parent"), child=alice)
    consent_withdraw(user=alice, actor=alice, purpose="disclosure", channel="web")
    client.force_login(alice)
    page = client.get(reverse("rights:who_sees")).content.decode()
    assert "Sees only your name" in page


# --- Complain -----------------------------------------------------------------------------


def test_the_complaint_page_names_the_authority_and_the_consequences_of_refusing_data(client, alice):
    client.force_login(alice)
    page = client.get(reverse("rights:complain")).content.decode()
    assert "Ministry of Digital Development, Innovations and Aerospace Industry" in page
    assert "Without a phone number we cannot create the account" in page
    assert "are optional" in page


def test_a_complaint_is_a_request_answered_within_twenty_business_days(client, alice):
    from django.utils import timezone

    from qalan.core.calendar import deadline_for

    client.force_login(alice)
    client.post(reverse("rights:complain"), {"description": "My teacher saw my private message."})
    request = DataRequest.objects.get(user=alice)
    assert request.kind == RequestKind.COMPLAINT
    assert request.due_on == deadline_for("response", timezone.localdate())


def test_an_empty_complaint_is_refused_on_the_form(client, alice):
    client.force_login(alice)
    response = client.post(reverse("rights:complain"), {"description": ""})
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    assert not DataRequest.objects.exists()


def test_cookie_consents_are_changed_in_the_cookie_settings(client, alice):
    client.force_login(alice)
    page = client.get(reverse("rights:consents")).content.decode()
    assert reverse("privacy:cookies") in page
    assert client.get(reverse("rights:consent_withdraw", args=["analytics"]))["Location"] == reverse("privacy:cookies")
