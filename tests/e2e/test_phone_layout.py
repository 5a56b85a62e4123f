"""Every page a persona can reach from their start page, on a 360 px phone: nothing scrolls
sideways, and every control is at least 24 x 24 px (WCAG 2.5.8; links inside a sentence are
the rule's exception). The demo data fills the pages, as a newcomer sees them after `make run`."""

from urllib.parse import urlparse

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from playwright.sync_api import Error as PlaywrightError

from qalan.accounts.models import User

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
PERSONAS = ("demo-student", "demo-teacher", "demo-parent", "demo-dpo", "demo-support")
MAX_PAGES = 45
# Not pages: downloads, sign-out, the admin and development tools, the API, language switching.
SKIP = (
    "logout",
    "/admin/",
    "/dev/",
    "/api/",
    "/i18n/",
    "download",
    "/document",
    "export",
    "/static/",
    "/media/",
    ".csv",
)

MEASURE = """() => {
  const width = window.innerWidth, wide = [];
  if (document.documentElement.scrollWidth > width) {
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 1) continue;
      let clipped = false;
      for (let a = el.parentElement; a; a = a.parentElement) {
        if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(a).overflowX)) { clipped = true; break; }
      }
      if (!clipped) wide.push(`${el.tagName.toLowerCase()}.${el.className} reaches ${Math.round(box.right)} px`);
      if (wide.length >= 3) break;
    }
  }
  const small = [];
  for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')) {
    const box = el.getBoundingClientRect(), style = getComputedStyle(el);
    if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
    if (el.closest('.visually-hidden, .skip')) continue;
    // A link inside running text is the rule's exception (its line height is the text's).
    if (el.tagName === 'A' && style.display === 'inline' && el.closest('p, li, td, dd, small, .note, .help')) continue;
    if (box.width < 24 || box.height < 24) {
      const name = (el.getAttribute('name') || el.textContent || '').trim().slice(0, 30);
      small.push(`${el.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}x${Math.round(box.height)}`);
    }
  }
  return {scroll: document.documentElement.scrollWidth, width, wide, small};
}"""


def _context_signed_in(chromium, live_server, username: str):
    client = Client()
    client.force_login(User.objects.get(username=username))
    context = chromium.new_context(viewport=PHONE, locale="en-US", base_url=live_server.url)
    context.set_default_timeout(10_000)
    host = urlparse(live_server.url).hostname
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "domain": host,
                "path": "/",
            }
        ]
    )
    return context


def _sweep(context, live_server) -> tuple[int, list[str]]:
    page = context.new_page()
    page.goto("/")
    queue, seen, problems = [page.url], set(), []
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        path = urlparse(url).path
        if path in seen:
            continue
        seen.add(path)
        try:
            response = page.goto(url)
        except PlaywrightError as error:
            if "Download is starting" in str(error):
                continue  # a file, not a page
            raise
        assert response is not None and response.status < 400, f"{path} answered {response and response.status}"
        found = page.evaluate(MEASURE)
        if found["scroll"] > found["width"]:
            problems.append(f"{path} scrolls sideways ({found['scroll']} px): {found['wide']}")
        if found["small"]:
            problems.append(f"{path} has targets under 24 px: {found['small'][:5]}")
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            target = href.split("#")[0]
            outside = not target.startswith(live_server.url) or any(s in target for s in SKIP)
            if not outside and urlparse(target).path not in seen:
                queue.append(target)
    return len(seen), problems


def test_no_page_of_any_persona_scrolls_sideways_or_has_tiny_targets_on_a_phone(chromium, live_server):
    call_command("load_content", verbosity=0)
    call_command("seed_demo", verbosity=0)
    call_command("seed_demo_school", verbosity=0)
    report = []
    for username in PERSONAS:
        context = _context_signed_in(chromium, live_server, username)
        try:
            pages, problems = _sweep(context, live_server)
        finally:
            context.close()
        assert pages >= 8, f"{username} reached only {pages} pages"
        report += [f"{username}: {p}" for p in problems]
    assert report == [], "\n".join(report)
