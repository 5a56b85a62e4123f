"""The rights app's own records are declared so that a person's export, report and erasure find
them, and nobody else's copy does."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from qalan.core.inventory import LegalBasis, entry_for
from qalan.rights import services
from qalan.rights.export import export_collect
from qalan.rights.models import RecipientNotice, RequestKind

pytestmark = pytest.mark.django_db

RIGHTS_MODELS = [
    "rights.DataRequest",
    "rights.RequestEvent",
    "rights.PowerOfAttorney",
    "rights.Disclosure",
    "rights.RecipientNotice",
    "rights.DataExport",
]


@pytest.fixture
def seeded(alice, dpo, sms_gateway):
    services.disclosure_record(
        actor=dpo,
        recipient=sms_gateway,
        user=alice,
        categories=["contact"],
        description="Phone for SMS",
        legal_basis=LegalBasis.CONTRACT,
    )
    request = services.request_enter(
        actor=dpo,
        kind=RequestKind.CORRECTION,
        channel="paper",
        requester_name="Saule Aliyeva",
        requester_contact="saule@example.kz",
        account_identifier="alice",
        description="Correct the school of Alice.",
        by_representative=True,
        power_of_attorney=SimpleUploadedFile("p.pdf", b"%PDF", content_type="application/pdf"),
    )
    services.request_verify(actor=dpo, request=request, note="Notarised document.")
    services.request_answer(actor=dpo, request=request, answer="Corrected.")
    services.export_create(actor=alice, user=alice)
    assert RecipientNotice.objects.exists()
    return request


@pytest.mark.parametrize("model", RIGHTS_MODELS)
def test_the_subject_paths_find_the_persons_rows(seeded, alice, model):
    assert entry_for(model).rows_for(alice).exists()


def test_the_dpo_who_handled_a_request_does_not_get_it_in_their_export(seeded, dpo):
    data = export_collect(dpo)
    everything = json.dumps(data.categories, default=str)
    assert "Correct the school of Alice" not in everything and "Saule Aliyeva" not in everything


def test_the_person_gets_their_requests_in_their_export(seeded, alice):
    everything = json.dumps(export_collect(alice).categories, default=str)
    assert "Correct the school of Alice" in everything
    # The encrypted document is described, never dumped.
    assert "%PDF" not in everything
