"""Browser tests: a real Chromium (Debian's, never a downloaded one) driven by Playwright
against pytest-django's live server.

Playwright's sync API keeps an asyncio event loop running in the main thread, and Django
refuses ORM calls from a thread with a running loop. The tests query the database between
browser steps from that same thread, so the check is switched off here, for these tests only.
"""

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


@pytest.fixture(autouse=True)
def _seeded(migrated_data):
    """Browser tests run on a live database: put back what data migrations published."""


@pytest.fixture
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
