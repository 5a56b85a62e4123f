from datetime import date

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from qalan.accounts.models import DeviceSession, Role
from qalan.accounts.services import (
    ClientInfo,
    device_session_start,
    otp_enrol_with_secret,
    user_register,
    user_set_role,
)
from qalan.core.consent import ConsentChannel

PASSWORD = "correct-horse-battery-42"
TEST_OTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
_phone_counter = iter(range(1000000, 9999999))


def next_phone() -> str:
    return f"+7701{next(_phone_counter):07d}"


ADULT_BIRTH_DATE = date(2000, 1, 1)


def make_user(username: str, *, role: str = Role.STUDENT, password: str = PASSWORD, otp: bool = True, **extra):
    """A registered user who consented. Students are adults unless ``birth_date`` says otherwise
    (a child under the consent age also needs ``guardian_contact`` and waits for the parent).
    Staff get an authenticator with ``TEST_OTP_SECRET`` unless ``otp=False``."""
    self_service = role in (Role.STUDENT, Role.TEACHER, Role.PARENT)
    user = user_register(
        username=username,
        phone=extra.pop("phone", None) or next_phone(),
        password=password,
        role=role if self_service else Role.STUDENT,
        consent=True,
        channel=ConsentChannel.WEB,
        email=extra.pop("email", ""),
        birth_date=extra.pop("birth_date", ADULT_BIRTH_DATE),
        guardian_contact=extra.pop("guardian_contact", ""),
        guardian_agreed=extra.pop("guardian_agreed", False),
    )
    if not self_service:
        user_set_role(actor=None, user=user, role=role)
        if otp:
            # Staff cannot work without two-factor sign-in; tests compute codes from this secret.
            otp_enrol_with_secret(actor=None, user=user, secret=TEST_OTP_SECRET)
    return user


@pytest.fixture(autouse=True)
def _force_login_passes_the_second_factor(monkeypatch):
    """``client.force_login`` stands for a finished sign-in: for an account with an authenticator
    it marks the session as having passed the code step, as the sign-in view does. Staff
    without one still reach only enrolment (tests/accounts/test_otp.py)."""
    from django.test import Client

    from qalan.accounts.middleware import OTP_VERIFIED_KEY
    from qalan.accounts.models import TOTPDevice

    real_force_login = Client.force_login

    def force_login(self, user, backend=None):
        real_force_login(self, user, backend)
        if TOTPDevice.objects.filter(user=user, confirmed_at__isnull=False).exists():
            session = self.session
            session[OTP_VERIFIED_KEY] = True
            session.save()

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture(autouse=True)
def _isolated_cache():
    # Throttles and lockouts keep counters in the cache; each test starts clean. The process's
    # policy memo too: a rolled-back test transaction sends no post_delete for its versions.
    from qalan.privacy.selectors import policy_memo_clear

    cache.clear()
    policy_memo_clear()
    yield
    cache.clear()
    policy_memo_clear()


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    # The audit head of one test's committed events must not meet another test's database.
    settings.QALAN_AUDIT_HEAD_FILE = tmp_path / "audit-head.json"


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def api():
    return APIClient(HTTP_ACCEPT_LANGUAGE="en")


@pytest.fixture
def alice(db):
    """A student: the owner in most tests."""
    return make_user("alice", email="alice@example.kz")


@pytest.fixture
def bob(db):
    """Another student: an outsider to alice's data."""
    return make_user("bob")


@pytest.fixture
def dpo(db):
    return make_user("dana-dpo", role=Role.DPO)


def token_for(user) -> str:
    _session, raw = device_session_start(user=user, kind=DeviceSession.Kind.APP, client=ClientInfo(device_name="test"))
    return raw


@pytest.fixture
def alice_api(alice):
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(alice)}")
    return client


@pytest.fixture
def world(db, settings):
    """A small school (tests/schools/world.py): two classes with teachers, students, linked
    parents, staff, content, homework, answers, comments and messages."""
    from tests.schools.world import build

    # Nine accounts with Argon2 take seconds; the strength of hashing is tested in accounts.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

    return build(make_user)


def api_as(user) -> APIClient:
    """An API client signed in as ``user`` with a bearer token (anonymous for None)."""
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en")
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {token_for(user)}")
    return client


@pytest.fixture
def make_student(db, settings):
    """Makes extra student accounts (fast hashing, like ``world``)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return lambda username, **extra: make_user(username, **extra)


@pytest.fixture
def english():
    """Messages in English for assertions (the default language is Kazakh)."""
    from django.utils import translation

    with translation.override("en"):
        yield


def _data_migrations():
    """Every RunPython step of the project's migrations (they are idempotent seeds)."""
    from django.db.migrations import RunPython
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    for (_app_label, _name), migration in sorted(loader.disk_migrations.items()):
        if not migration.__module__.startswith("qalan."):
            continue
        for operation in migration.operations:
            if isinstance(operation, RunPython):
                yield operation.code


@pytest.fixture
def migrated_data(transactional_db):
    """Transactional tests empty every table after themselves, data migrations included (the
    published policy, the calendar of transferred days, the recipients register). Tests that
    run on a live database (browser, real Celery worker) put that data back first.

    Not ``serialized_rollback``: under Playwright an event loop runs in the main thread and
    Django hands it another connection object, so the serialized copy is silently not restored.
    """
    from django.apps import apps

    for seed in _data_migrations():
        seed(apps, None)
