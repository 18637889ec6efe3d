"""Every page, in-process: what it shows, what it changes, how it fails."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.routing import APIRoute
from tests.web.conftest import PASSPHRASE


def page_routes() -> list[str]:
    from afterword.web.routes import ROUTERS

    return sorted({r.path for router in ROUTERS for r in router.routes
                   if isinstance(r, APIRoute) and "GET" in r.methods
                   and not r.path.startswith("/api") and "{" not in r.path})


OPEN_PAGES = {"/", "/create", "/unlock", "/recover", "/away", "/healthz"}


@pytest.mark.parametrize("path", [p for p in page_routes() if p not in OPEN_PAGES])
def test_every_page_needs_unlocking(web, path):
    web.post("/create", {"passphrase": PASSPHRASE, "confirm": PASSPHRASE})
    web.post("/lock")
    response = web.client.get(path, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/unlock"


@pytest.mark.parametrize("path", page_routes())
def test_every_page_renders_when_unlocked(unlocked_web, path):
    response = unlocked_web.client.get(path)
    assert response.status_code == 200, path
    if "html" in response.headers["content-type"]:
        assert '<html lang="en">' in response.text
        assert "<title>" in response.text


def test_every_template_key_is_in_the_catalogue():
    from afterword.messages import catalogue
    from afterword.web.templating import TEMPLATES_DIR

    keys = set()
    for path in TEMPLATES_DIR.glob("*.html"):
        keys |= set(re.findall(r"\bt\('([a-z0-9_.]+)'\s*[,)]", path.read_text()))
    missing = sorted(k for k in keys if k not in catalogue())
    assert not missing


def test_pages_have_labels_for_every_input(unlocked_web):
    """Every visible form control has a <label for>, or sits inside a <label>."""
    for path in ("/write", "/timeline", "/search", "/settings", "/episodes", "/boundaries",
                 "/check", "/resources", "/exchange", "/progress/measures/phq9"):
        html = unlocked_web.client.get(path).text
        ids = set(re.findall(r'<label[^>]* for="([^"]+)"', html))
        for tag in re.findall(r"<(?:input|textarea|select)\b[^>]*>", html):
            if 'type="hidden"' in tag:
                continue
            control_id = re.search(r'id="([^"]+)"', tag)
            wrapped = re.search(re.escape(tag) + r"", html)
            if control_id and control_id.group(1) in ids:
                continue
            start = html.index(tag)
            before = html[:start]
            assert before.rfind("<label") > before.rfind("</label>"), (path, tag)
            assert wrapped


# --- write, drafts, entries ----------------------------------------------------------------


def test_write_saves_an_entry_and_shows_it(unlocked_web):
    response = unlocked_web.post("/entries", {"body": "A walk by the sea.", "title": "Sea",
                                              "mood": "1", "tags": "calm, walks",
                                              "people": "Sam"}, follow_redirects=False)
    assert response.status_code == 303
    page = unlocked_web.client.get(response.headers["location"])
    assert "A walk by the sea." in page.text
    assert "#calm" in page.text and "Sam" in page.text


def test_write_rejects_an_empty_entry_and_keeps_the_form(unlocked_web):
    response = unlocked_web.post("/entries", {"body": "   ", "title": "Kept title"})
    assert response.status_code == 422
    assert 'role="alert"' in response.text and "Kept title" in response.text


def test_write_rejects_a_bad_mood_without_losing_the_text(unlocked_web):
    response = unlocked_web.post("/entries", {"body": "Words I want to keep", "mood": "7"})
    assert response.status_code == 422
    assert "Words I want to keep" in response.text


def test_draft_is_saved_encrypted_and_restored(unlocked_web, tmp_path):
    response = unlocked_web.client.post(
        "/drafts/new", data={"body": "half a thought", "title": "draft"},
        headers={"X-CSRF-Token": unlocked_web.csrf_token, "HX-Request": "true"})
    assert response.status_code == 200 and "saved" in response.text.lower()
    page = unlocked_web.client.get("/write")
    assert "half a thought" in page.text and "is back" in page.text
    raw = (tmp_path / "journal.afw").read_bytes()
    assert b"half a thought" not in raw
    unlocked_web.post("/entries", {"body": "half a thought, finished"})
    assert "half a thought" not in unlocked_web.client.get("/write").text


def test_edit_draft_and_update(unlocked_web):
    unlocked_web.post("/entries", {"body": "first words"})
    unlocked_web.client.post("/drafts/entry/1", data={"body": "second words"},
                             headers={"X-CSRF-Token": unlocked_web.csrf_token})
    assert "second words" in unlocked_web.client.get("/entries/1/edit").text
    response = unlocked_web.post("/entries/1/edit", {"body": "second words, saved"},
                                 follow_redirects=False)
    assert response.status_code == 303
    assert "second words, saved" in unlocked_web.client.get("/entries/1").text
    assert unlocked_web.post("/drafts/entry/99", {"body": "x"}).status_code == 404


def test_delete_needs_confirmation(unlocked_web):
    unlocked_web.post("/entries", {"body": "to be deleted"})
    assert unlocked_web.post("/entries/1/delete", {}).status_code == 422
    assert unlocked_web.client.get("/entries/1").status_code == 200
    response = unlocked_web.post("/entries/1/delete", {"confirm": "yes"}, follow_redirects=False)
    assert response.headers["location"] == "/timeline"
    assert unlocked_web.client.get("/entries/1").status_code == 404


def test_timeline_filters_and_pages(unlocked_web):
    for i in range(25):
        unlocked_web.post("/entries", {"body": f"entry number {i}",
                                       "tags": "even" if i % 2 == 0 else "odd",
                                       "mood": str(i % 5 - 2)})
    first = unlocked_web.client.get("/timeline")
    assert "25 entries" in first.text and 'rel="next"' in first.text
    second = unlocked_web.client.get("/timeline?page=2")
    assert second.text.count("entry number") == 5 and 'rel="prev"' in second.text
    even = unlocked_web.client.get("/timeline?tag=even")
    assert "13 entries" in even.text
    low = unlocked_web.client.get("/timeline?mood=-2")
    assert "5 entries" in low.text
    old = unlocked_web.client.get("/timeline?since=2001-01-01&until=2001-01-02")
    assert "0 entries" in old.text


@pytest.mark.parametrize("query", ["since=yesterday", "mood=loud", "episode=x", "page=-3"])
def test_timeline_bad_filters_are_clear_errors(unlocked_web, query):
    response = unlocked_web.client.get(f"/timeline?{query}")
    assert response.status_code in (200, 422)
    if response.status_code == 422:
        assert "<h1>" in response.text


def test_search_highlights_matches_and_escapes_html(unlocked_web):
    unlocked_web.post("/entries", {"body": "The <b>ocean</b> was loud and the ocean was cold."})
    page = unlocked_web.client.get("/search?q=ocean")
    assert "<mark>ocean</mark>" in page.text
    assert "<b>" not in page.text.split('id="results"')[1]
    none = unlocked_web.client.get("/search?q=mountain")
    assert "No entries match" in none.text


def test_entry_page_escapes_entry_text(unlocked_web):
    unlocked_web.post("/entries", {"body": "<script>alert(1)</script>"})
    html = unlocked_web.client.get("/entries/1").text
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_feedback_rejects_unknown_detectors(unlocked_web):
    unlocked_web.post("/entries", {"body": "words"})
    response = unlocked_web.post("/entries/1/feedback", {"detector": "nope", "label": "x"})
    assert response.status_code == 422


# --- episodes, people, settings, exchange --------------------------------------------------


def test_episodes_and_people(unlocked_web):
    response = unlocked_web.post("/episodes", {"title": "After the party", "person": "Sam",
                                               "started_on": "2024-05-01"},
                                 follow_redirects=False)
    assert response.headers["location"] == "/episodes/1"
    assert "After the party" in unlocked_web.client.get("/episodes/1").text
    bad = unlocked_web.post("/episodes", {"title": "x", "started_on": "May"})
    assert bad.status_code == 422 and 'role="alert"' in bad.text
    assert unlocked_web.post("/episodes", {"title": " "}).status_code == 422
    unlocked_web.post("/people", {"alias": "Robin"})
    page = unlocked_web.client.get("/episodes")
    assert "Robin" in page.text and "Sam" in page.text
    assert unlocked_web.client.get("/episodes/42").status_code == 404


def test_settings_change_the_auto_lock_and_locale(unlocked_web):
    response = unlocked_web.post("/settings", {"locale": "UK", "auto_lock_minutes": "3"},
                                 follow_redirects=False)
    assert response.headers["location"] == "/settings?saved=1"
    assert unlocked_web.app.state.gate.auto_lock_seconds == 180
    assert 'value="UK" selected' in unlocked_web.client.get("/settings").text
    unlocked_web.clock.advance(181)
    assert unlocked_web.client.get("/write", follow_redirects=False).status_code == 303
    unlocked_web.post("/unlock", {"passphrase": PASSPHRASE})
    assert unlocked_web.app.state.gate.auto_lock_seconds == 180  # kept in the vault


@pytest.mark.parametrize("data", [{"locale": "XX", "auto_lock_minutes": "5"},
                                  {"locale": "US", "auto_lock_minutes": "0"},
                                  {"locale": "US", "auto_lock_minutes": "many"}])
def test_settings_reject_bad_values(unlocked_web, data):
    response = unlocked_web.post("/settings", data)
    assert response.status_code == 422 and 'role="alert"' in response.text


def test_export_and_import_round_trip(unlocked_web, web):
    unlocked_web.post("/entries", {"body": "kept across journals", "tags": "move"})
    exported = unlocked_web.client.get("/export?format=json")
    assert exported.headers["content-disposition"].startswith("attachment")
    assert "kept across journals" in exported.text
    markdown = unlocked_web.client.get("/export?format=markdown")
    assert "kept across journals" in markdown.text
    assert unlocked_web.client.get("/export?format=pdf").status_code == 422
    unlocked_web.post("/entries/1/delete", {"confirm": "yes"})
    response = unlocked_web.client.post(
        "/import", data={"format": "auto", "csrf_token": unlocked_web.csrf_token},
        files={"file": ("export.json", exported.content, "application/json")})
    assert response.status_code == 200 and 'id="import-report"' in response.text
    assert "across journals" in unlocked_web.client.get("/search?q=kept").text


@pytest.mark.parametrize("content", [b"", b"not json", json.dumps({"x": 1}).encode()])
def test_import_rejects_bad_files(unlocked_web, content):
    response = unlocked_web.client.post(
        "/import", data={"format": "auto", "csrf_token": unlocked_web.csrf_token},
        files={"file": ("bad.json", content, "application/json")})
    assert response.status_code == 422 and 'role="alert"' in response.text


def test_import_keeps_the_upload_in_memory(unlocked_web, monkeypatch, tmp_path):
    """A large upload must not spill to a plaintext temporary file."""
    import tempfile

    made = []
    real = tempfile.SpooledTemporaryFile

    class Spy(real):  # type: ignore[misc,valid-type]
        def rollover(self):
            made.append(True)
            super().rollover()

    monkeypatch.setattr(tempfile, "SpooledTemporaryFile", Spy)
    big = json.dumps({"format": "afterword", "entries": [], "pad": "x" * 3_000_000}).encode()
    unlocked_web.client.post(
        "/import", data={"format": "auto", "csrf_token": unlocked_web.csrf_token},
        files={"file": ("big.json", big, "application/json")})
    assert not made


# --- analysis on the entry page -----------------------------------------------------------


def test_entry_page_highlights_trap_evidence_and_stores_feedback(unlocked_web):
    body = "He probably thinks I am pathetic. I always ruin everything."
    unlocked_web.post("/entries", {"body": body})
    html = unlocked_web.client.get("/entries/1").text
    marked = re.findall(r"<mark>(.*?)</mark>", html.split('id="entry-body"')[1].split("</div>")[0])
    assert marked and all(m in body for m in marked)
    labels = re.findall(r'name="detector" value="traps">\s*<input type="hidden" name="label" '
                        r'value="([a-z_]+)"', html)
    assert labels
    response = unlocked_web.client.post(
        "/entries/1/feedback", data={"detector": "traps", "label": labels[0],
                                     "verdict": "doesnt_fit"},
        headers={"X-CSRF-Token": unlocked_web.csrf_token, "HX-Request": "true"})
    assert response.status_code == 200 and "Set aside" in response.text
    verdicts = unlocked_web.app.state.gate.peek().journal.feedback_for(1)
    assert [(f.detector, f.label, f.verdict) for f in verdicts] == \
        [("traps", labels[0], "doesnt_fit")]
    again = unlocked_web.client.get("/entries/1").text
    assert again.count("Set aside") >= 1


def test_a_risky_entry_opens_the_crisis_check_and_shows_resources(unlocked_web):
    response = unlocked_web.post("/entries", {"body": "I want to end my life tonight."},
                                 follow_redirects=False)
    assert "?check=" in response.headers["location"]
    page = unlocked_web.client.get(response.headers["location"]).text
    assert 'id="crisis-card"' in page and "People you can reach now" in page
    run = re.search(r'href="/runs/(\d+)"', page).group(1)
    check = unlocked_web.client.get(f"/runs/{run}").text
    assert 'name="key" value="crisis.' in check


def test_a_nonconsent_entry_shows_the_survivor_card_and_no_traps(unlocked_web):
    unlocked_web.post("/entries", {"body": "I said no and he held me down. I always ruin "
                                           "everything."})
    html = unlocked_web.client.get("/entries/1").text
    assert 'id="survivor-card"' in html
    assert "Thoughts that may be pulling you down" not in html


TRAPS_HEADING = "Thoughts that may be pulling you down"


def test_an_entry_of_an_episode_on_the_survivor_path_shows_no_traps(unlocked_web):
    # DESIGN §3: the entry's own words do not trip the non-consent signal, but the person said
    # in the episode's reflection that it was maybe not consensual: its traps are withheld.
    unlocked_web.post("/episodes", {"title": "After the party"})
    unlocked_web.post("/entries", {"body": "He probably thinks I am pathetic. I always ruin "
                                           "everything.", "episode": "1"})
    before = unlocked_web.client.get("/entries/1").text
    assert TRAPS_HEADING in before and 'id="survivor-card"' not in before
    unlocked_web.post("/reflect/open", {"episode": "1"})
    unlocked_web.post("/runs/1/answer", {"key": "consent", "value": "not_sure"})
    html = unlocked_web.client.get("/entries/1").text
    assert TRAPS_HEADING not in html and 'value="traps"' not in html
    assert 'id="survivor-card"' in html
    assert "does not look for thinking traps" in html


def test_an_entry_outside_the_survivor_episode_still_shows_its_traps(unlocked_web):
    unlocked_web.post("/episodes", {"title": "After the party"})
    unlocked_web.post("/episodes", {"title": "Spring"})
    unlocked_web.post("/entries", {"body": "He probably thinks I am pathetic.", "episode": "2"})
    unlocked_web.post("/reflect/open", {"episode": "1"})
    unlocked_web.post("/runs/1/answer", {"key": "consent", "value": "no"})
    html = unlocked_web.client.get("/entries/1").text
    assert TRAPS_HEADING in html and 'id="survivor-card"' not in html


@pytest.mark.parametrize("path", ["/entries", "/episodes", "/settings", "/boundaries",
                                  "/progress/contact", "/check/open"])
def test_a_file_where_text_belongs_is_bad_input_not_a_crash(unlocked_web, path):
    response = unlocked_web.client.post(
        path, data={"csrf_token": unlocked_web.csrf_token},
        files={"body": ("x.txt", b"x"), "title": ("x.txt", b"x"), "text": ("x.txt", b"x"),
               "person": ("x.txt", b"x"), "locale": ("x.txt", b"x")})
    assert response.status_code in (200, 303, 422)


def test_entry_page_offers_explainers_for_what_was_found(unlocked_web):
    unlocked_web.post("/entries", {"body": "Why did I let this happen? Why do I keep going "
                                           "back to him? I feel so used and empty."})
    html = unlocked_web.client.get("/entries/1").text
    assert 'class="explainer"' in html
