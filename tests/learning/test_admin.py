"""The admin pages of schools, learning and community open for staff; entitlements granted there
go through the audited service."""

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from qalan.accounts.models import Role
from qalan.audit.models import AuditEvent
from qalan.learning.models import Entitlement
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

APPS = ("schools", "learning", "community")


@pytest.fixture
def superuser_client(client, world):
    client.force_login(make_user("root-admin", role=Role.ADMIN))
    return client


def test_every_admin_page_of_these_apps_opens(superuser_client, world):
    models = [m for m in admin.site._registry if m._meta.app_label in APPS]
    assert len(models) >= 12
    for model in models:
        info = (model._meta.app_label, model._meta.model_name)
        assert superuser_client.get(reverse("admin:{}_{}_changelist".format(*info))).status_code == 200, info
        first = model.objects.first()
        if first is not None:
            assert (
                superuser_client.get(reverse("admin:{}_{}_change".format(*info), args=[first.pk])).status_code == 200
            ), info


def test_granting_an_entitlement_in_the_admin_is_audited(superuser_client, world):
    now = timezone.localtime()
    response = superuser_client.post(
        reverse("admin:learning_entitlement_add"),
        {
            "user": world.classmate.pk,
            "reason": "school licence",
            "starts_at_0": now.strftime("%Y-%m-%d"),
            "starts_at_1": now.strftime("%H:%M:%S"),
            "ends_at_0": "",
            "ends_at_1": "",
        },
    )
    assert response.status_code == 302, response.content[:500]
    entitlement = Entitlement.objects.get(user=world.classmate)
    assert entitlement.granted_by.username == "root-admin"
    assert AuditEvent.objects.filter(event_type="entitlement.granted", subject=world.classmate).exists()
