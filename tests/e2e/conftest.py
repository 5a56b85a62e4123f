"""Browser tests: a real Chromium (Debian's, never a downloaded one) driven by Playwright
against pytest-django's live server.

Playwright's sync API keeps an asyncio event loop running in the main thread, and Django
refuses ORM calls from a thread with a running loop. The tests query the database between
browser steps from that same thread, so the check is switched off here, for these tests only.
"""

import importlib
import os
from pathlib import Path

import pytest

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path(os.environ.get("QALAN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Screenshots are evidence for a human, never part of the repository.
ARTIFACTS = Path("/tmp/qalan-e2e")
TIMEOUT_MS = 10_000


@pytest.fixture(scope="session")
def chromium_executable() -> Path:
    """Fail (never skip) when Chromium is missing: a skipped browser suite looks green."""
    assert CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK), (
        f"Chromium not found at {CHROMIUM}. The browser tests need Debian's Chromium: "
        "run `scripts/ensure-chromium` (or `apt-get install chromium`). "
        "Do not use `playwright install`."
    )
    return CHROMIUM


@pytest.fixture(scope="session")
def chromium(chromium_executable):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium_executable), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server):
    """A fresh browser profile (no cookies) that asks for English, pointed at the live server."""
    context = chromium.new_context(locale="en-US", base_url=live_server.url)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    yield page
    context.close()


# Data that migrations put in the database (the published Privacy Policy that consent is tied
# to). Every live-server test is transactional, so the tables are emptied after each test and
# this data has to be put back before the next one.
#
# Not ``serialized_rollback``: Django keeps the serialized copy on the main thread's database
# connection object, but while Playwright runs, an event loop is "running" in the main thread
# and Django hands that thread a different connection object (asgiref's Local switches to
# context-var storage), so the copy is silently not restored whenever the database was
# created before the browser started (any full-suite run).
DATA_MIGRATIONS = [
    ("qalan.privacy.migrations.0002_seed_policy_2025_05_01", "publish"),
    ("qalan.privacy.migrations.0005_existing_policies_are_published", "publish_existing"),
]


@pytest.fixture(autouse=True)
def migrated_data(transactional_db):
    from django.apps import apps

    for module, function in DATA_MIGRATIONS:
        getattr(importlib.import_module(module), function)(apps, None)


@pytest.fixture
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
