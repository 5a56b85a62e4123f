"""Every page a persona can reach from their start page. On a 360 px phone, in Kazakh: nothing
scrolls sideways, every control is at least 24 x 24 px (WCAG 2.5.8; links inside a sentence are
the rule's exception), and axe-core finds no serious or critical violation. On a 1280 px laptop,
in Russian: axe-core again. The demo data fills the pages, as a newcomer sees them after
`make run`."""

from urllib.parse import urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from playwright.sync_api import Error as PlaywrightError

from qalan.accounts.models import User

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
LAPTOP = {"width": 1280, "height": 800}
PERSONAS = ("demo-student", "demo-teacher", "demo-parent", "demo-dpo", "demo-support")
MAX_PAGES = 45
AXE = Axe()
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


def _context_signed_in(chromium, live_server, username: str, viewport: dict, language: str):
    client = Client()
    client.force_login(User.objects.get(username=username))
    context = chromium.new_context(viewport=viewport, locale=language, base_url=live_server.url)
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


def _axe_findings(page) -> list[str]:
    results = AXE.run(page).response
    return [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['html'][:100]}"
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def _sweep(context, live_server, *, layout: bool) -> tuple[int, list[str]]:
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
        if layout:
            found = page.evaluate(MEASURE)
            if found["scroll"] > found["width"]:
                problems.append(f"{path} scrolls sideways ({found['scroll']} px): {found['wide']}")
            if found["small"]:
                problems.append(f"{path} has targets under 24 px: {found['small'][:5]}")
        problems += [f"{path} accessibility: {finding}" for finding in _axe_findings(page)]
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            target = href.split("#")[0]
            outside = not target.startswith(live_server.url) or any(s in target for s in SKIP)
            if not outside and urlparse(target).path not in seen:
                queue.append(target)
    return len(seen), problems


@pytest.mark.parametrize(("viewport", "language"), [(PHONE, "kk"), (LAPTOP, "ru")], ids=["phone-kk", "laptop-ru"])
def test_every_page_of_every_persona_holds_on_a_phone_and_passes_axe(chromium, live_server, viewport, language):
    call_command("load_content", verbosity=0)
    call_command("seed_demo", verbosity=0)
    call_command("seed_demo_school", verbosity=0)
    report = []
    for username in PERSONAS:
        context = _context_signed_in(chromium, live_server, username, viewport, language)
        try:
            pages, problems = _sweep(context, live_server, layout=viewport is PHONE)
        finally:
            context.close()
        assert pages >= 8, f"{username} reached only {pages} pages"
        report += [f"{username}: {p}" for p in problems]
    assert report == [], "\n".join(report)
