"""Browser tests: Debian's Chromium driven by Playwright against the real app under uvicorn.

Skipped when /usr/bin/chromium is missing, unless the CI variable is set (then they fail).
Screenshots of the main pages land in test-artifacts/screenshots/ (git-ignored).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
PASSPHRASE = "a calm blue evening"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("Chromium is required in CI (apt-get install chromium)")
        pytest.skip("Chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280,
                                                                      "height": 900})
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    yield opened
    context.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def create_journal(page) -> None:
    page.goto("/")
    page.wait_for_url("**/create")
    page.get_by_label("Passphrase").fill(PASSPHRASE)
    page.get_by_label("Type it again").fill(PASSPHRASE)
    page.get_by_role("button", name="Create my journal").click()
    page.wait_for_selector("#recovery-key")


def write_entry(page, body: str, title: str = "") -> None:
    page.goto("/write")
    if title:
        page.get_by_label("Title").fill(title)
    page.get_by_label("What is on your mind?").fill(body)
    page.get_by_role("button", name="Save entry").click()
    page.wait_for_url(re.compile(r".*/entries/\d+$"))


def test_create_a_journal(page, live_server):
    page.goto("/")
    page.wait_for_url("**/create")
    shot(page, "create")
    page.get_by_label("Passphrase").fill(PASSPHRASE)
    page.get_by_label("Type it again").fill(PASSPHRASE + " typo")
    page.get_by_role("button", name="Create my journal").click()
    page.get_by_role("alert").wait_for()
    page.get_by_label("Passphrase").fill(PASSPHRASE)
    page.get_by_label("Type it again").fill(PASSPHRASE)
    page.get_by_role("button", name="Create my journal").click()
    key = page.locator("#recovery-key").inner_text()
    assert re.fullmatch(r"[A-Z0-9-]{20,}", key.strip())
    shot(page, "recovery-key")
    page.get_by_role("link", name=re.compile("Start writing")).click()
    page.wait_for_url("**/write")
    assert live_server.app.state.gate.is_unlocked


def test_entry_with_a_thinking_trap_shows_its_evidence_and_takes_feedback(page):
    create_journal(page)
    write_entry(page, "We met at a party and went home together. He probably thinks I am "
                      "pathetic now. I always ruin everything.", title="After Saturday")
    evidence = page.locator("#entry-body mark")
    assert evidence.count() >= 1
    marked = " ".join(evidence.all_inner_texts())
    assert "probably thinks I am pathetic" in marked or "always ruin everything" in marked
    shot(page, "entry")
    button = page.get_by_role("button", name=re.compile("doesn't fit")).first
    label = button.get_attribute("aria-label")
    button.click()
    page.get_by_text("Set aside").first.wait_for()
    page.reload()
    assert page.get_by_role("button", name=label).count() == 0
    assert page.get_by_text("Set aside").count() >= 1


def answer_current_step(page, boundary: str) -> bool:
    """Answer whatever step is on screen; False when the flow has ended."""
    if page.locator("#flow-done").count():
        return False
    form = page.locator("#step-form")
    key = form.locator('input[name="key"]').get_attribute("value")
    radios = form.locator('input[type="radio"][name="value"]')
    boxes = form.locator('input[type="checkbox"][name="value"]')
    if radios.count():
        radios.first.check()
    elif boxes.count():
        boxes.first.check()
    elif form.locator("textarea#value").count():
        text = boundary if key.startswith("boundary") else "It felt one-sided."
        form.locator("textarea#value").fill(text)
    elif form.locator('input#value[type="number"]').count():
        form.locator("input#value").fill("4")
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()
    return True


def test_reflection_through_to_a_boundary(page):
    create_journal(page)
    page.goto("/episodes")
    page.get_by_label("Name it").fill("After the party")
    page.get_by_role("button", name="Add episode").click()
    page.get_by_role("button", name="Reflect on this episode").click()
    page.wait_for_selector("#step-form")
    shot(page, "reflection-consent")
    page.get_by_label("Yes, I agreed to all of it").check()
    page.get_by_role("button", name="Continue").click()
    boundary = "I will ask what we both want before getting close."
    for _ in range(80):
        if not answer_current_step(page, boundary):
            break
    assert page.locator("#new-boundaries").inner_text().strip() == boundary
    shot(page, "reflection-done")
    page.goto("/boundaries")
    assert page.locator(".boundary-text", has_text=boundary).is_visible()
    shot(page, "boundaries")


def test_survivor_path(page):
    create_journal(page)
    page.goto("/reflect")
    page.get_by_role("button", name="Begin or continue").click()
    page.get_by_label("No, not all of it").check()
    page.get_by_role("button", name="Continue").click()
    body = page.locator("main").inner_text()
    assert "not your fault" in body
    assert "thinking trap" not in body.lower()
    shot(page, "survivor-path")
    write_entry(page, "I said no and he held me down anyway.")
    assert page.locator("#survivor-card").is_visible()
    assert page.get_by_text("Thoughts that may be pulling you down").count() == 0


def test_quick_exit_with_escape_twice_and_the_button(page, live_server):
    create_journal(page)
    write_entry(page, "Nobody should see this over my shoulder.")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url("**/away")
    assert "recipes" in page.title().lower()
    assert "Afterword" not in page.content()
    shot(page, "quick-exit-away")
    assert not live_server.app.state.gate.is_unlocked
    page.go_back()
    page.wait_for_load_state()
    assert "Nobody should see this" not in page.content()
    page.goto("/unlock")
    page.get_by_label("Passphrase").fill(PASSPHRASE)
    page.get_by_role("button", name="Unlock").click()
    page.wait_for_url("**/write")
    page.get_by_role("button", name="Quick exit").click()
    page.wait_for_url("**/away")
    assert not live_server.app.state.gate.is_unlocked


def test_auto_lock_in_the_page_and_on_the_server(page, live_server):
    page.clock.install()
    create_journal(page)
    page.goto("/write")
    page.get_by_label("What is on your mind?").fill("draft while idle")
    page.clock.fast_forward("10:05")
    page.wait_for_url("**/unlock?locked=1")
    assert page.get_by_text("locked itself").is_visible()
    assert not live_server.app.state.gate.is_unlocked
    shot(page, "auto-locked")
    # And the server on its own, with the injected clock.
    page.get_by_label("Passphrase").fill(PASSPHRASE)
    page.get_by_role("button", name="Unlock").click()
    page.wait_for_url("**/write")
    live_server.clock.advance(11 * 60)
    page.goto("/timeline")
    page.wait_for_url("**/unlock")


def test_write_page_with_the_keyboard_alone(page):
    create_journal(page)
    page.goto("/write")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Enter")
    order = []
    for _ in range(40):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => { const e = document.activeElement;
            const s = getComputedStyle(e);
            return {id: e.id, name: e.name || '', tag: e.tagName, text: e.innerText || '',
                    outline: s.outlineStyle + ' ' + s.outlineWidth}; }""")
        order.append(info)
        if info["id"] == "title":
            page.keyboard.type("Typed without a mouse")
        elif info["id"] == "body":
            page.keyboard.type("Every word of this came from the keyboard.")
            page.get_by_text("Draft saved, encrypted.").wait_for()  # HTMX autosave ran
        elif info["name"] == "mood":
            page.keyboard.press("ArrowRight")
        elif info["tag"] == "BUTTON" and "Save entry" in info["text"]:
            assert info["outline"].startswith("solid"), info
            page.keyboard.press("Enter")
            break
    ids = [o["id"] for o in order]
    assert ids.index("title") < ids.index("body") < ids.index("tags") < ids.index("episode")
    page.wait_for_url(re.compile(r".*/entries/\d+$"))
    assert "Every word of this came from the keyboard." in page.locator("#entry-body").inner_text()


MAIN_PAGES = ["/write", "/timeline", "/search?q=party", "/entries/1", "/episodes", "/reflect",
              "/boundaries", "/progress", "/support", "/support/crisis", "/safety-plan",
              "/resources", "/check", "/settings", "/exchange", "/progress/measures",
              "/progress/schedule"]


@pytest.mark.parametrize("variant", ["desktop", "mobile-375", "dark"])
def test_screenshots_of_the_main_pages(browser, live_server, variant):
    options = {"base_url": live_server.url, "viewport": {"width": 1280, "height": 900}}
    if variant == "mobile-375":
        options["viewport"] = {"width": 375, "height": 800}
    if variant == "dark":
        options["color_scheme"] = "dark"
    context = browser.new_context(**options)
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text)
            if "Content Security Policy" in m.text or m.type == "error" else None)
    try:
        create_journal(page)
        write_entry(page, "We went home together after the party. He probably thinks I am "
                          "easy. Why did I let this happen? I always ruin everything.",
                    title="After the party")
        for path in MAIN_PAGES:
            response = page.goto(path)
            assert response.status == 200, path
            if variant == "mobile-375":
                width = page.evaluate("document.documentElement.scrollWidth")
                assert width <= 375, (path, width)
            name = path.strip("/").replace("/", "-").replace("?", "-").replace("=", "-")
            shot(page, f"{variant}-{name or 'home'}")
        page.goto("/reflect")
        page.get_by_role("button", name="Begin or continue").click()
        page.wait_for_selector("#step-form")
        if variant == "mobile-375":
            assert page.evaluate("document.documentElement.scrollWidth") <= 375
        shot(page, f"{variant}-reflection-step")
        assert not violations, violations  # no CSP violations, no script errors
    finally:
        context.close()
