"""`lawcheck serve` over HTTP: the form, a real check of the bundled .docx, every refusal.

Refusals assert status codes and which i18n text is shown (by key, in the chosen language),
never the reader's own English wording.
"""

from __future__ import annotations

import json
import os
import re

import html5lib
import pytest
from starlette.testclient import TestClient

from checker.serve.app import create_app
from checker.serve.i18n import t
from tests.serve_helpers import DOCX_EXAMPLE, DOCX_FINDINGS, downloads, make_pool

SECURITY = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cache-control": "no-store",
}


@pytest.fixture(scope="module")
def pool():
    pool = make_pool()
    yield pool
    pool.close()


@pytest.fixture(scope="module")
def client(pool) -> TestClient:
    return TestClient(create_app(pool), raise_server_exceptions=False)


@pytest.fixture(scope="module")
def checked(client) -> str:
    with DOCX_EXAMPLE.open("rb") as handle:
        response = client.post("/check", files={"draft": (DOCX_EXAMPLE.name, handle)}, data={"lang": "en"})
    assert response.status_code == 200
    return response.text


def post(client: TestClient, name: str | None, data: bytes, lang: str = "ru", **kwargs):
    files = {"draft": (name, data, "application/octet-stream")} if name is not None else None
    return client.post("/check", files=files, data={"lang": lang}, **kwargs)


def error_text(page: str) -> str:
    root = html5lib.parse(page, namespaceHTMLElements=False)
    box = next(d for d in root.iter("div") if d.get("role") == "alert")
    return "".join(box.itertext())


def assert_secure(response) -> None:
    for name, value in SECURITY.items():
        assert response.headers[name] == value
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert "script-src" not in csp and "unsafe-inline" not in csp
    nonce = re.search(r"'nonce-([^']+)'", csp).group(1)
    styles = re.findall(r"<style([^>]*)>", response.text)
    assert styles and all(f'nonce="{nonce}"' in attrs for attrs in styles)
    assert "<script" not in response.text
    assert not re.search(r"(src|href)=\"(https?:)?//", response.text)  # nothing from elsewhere


# --- the form ----------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_form_is_labelled_and_in_the_chosen_language(client, lang: str) -> None:
    response = client.get(f"/?lang={lang}")
    assert response.status_code == 200
    assert_secure(response)
    root = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(response.text)
    assert root.get("lang") == lang
    form = next(root.iter("form"))
    assert (form.get("method"), form.get("action"), form.get("enctype")) == ("post", "/check", "multipart/form-data")
    labels = {label.get("for") for label in root.iter("label")}
    controls = {c.get("id") for c in (*root.iter("input"), *root.iter("select"))}
    assert controls == {"draft", "lang"} <= labels
    assert t("submit", lang) in response.text
    selected = [o.get("value") for o in root.iter("option") if o.get("selected") is not None]
    assert selected == [lang]


def test_the_browser_language_is_the_default(client) -> None:
    assert client.get("/", headers={"Accept-Language": "ru-RU,ru;q=0.9"}).text.count(t("submit", "ru")) == 1
    assert 'lang="kk"' in client.get("/", headers={"Accept-Language": "de"}).text


def test_pool_is_sized_for_the_machine(pool) -> None:
    from checker import run
    from checker.serve.pool import CheckPool

    state = run._worker_state
    default = CheckPool(pool.spec, state[1])  # no process is started before the first check
    try:
        assert default.workers == run.available_cpus()
    finally:
        default.close()
        run._worker_state = state


# --- a real check ------------------------------------------------------------------------------

def test_the_docx_example_shows_findings_citations_and_suggestions(checked: str) -> None:
    root = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False).parse(checked)
    rules = {"".join(c.itertext()) for c in root.iter("code") if "rule" in (c.get("class") or "").split()}
    assert rules == set(DOCX_FINDINGS)
    cites = " ".join("".join(p.itertext()) for p in root.iter("p") if p.get("class") == "cite")
    for label in DOCX_FINDINGS.values():
        assert label in cites
    assert any(p.get("class") == "sugg" for p in root.iter("p"))
    assert root.get("lang") == "en"


def test_the_downloads_are_the_reports_of_that_run(checked: str) -> None:
    files = downloads(checked)
    assert set(files) == {"html", "json", "sarif"}
    report = json.loads(files["json"])
    assert {f["rule"] for f in report["files"][0]["findings"]} == set(DOCX_FINDINGS)
    assert report["files"][0]["path"] == DOCX_EXAMPLE.name
    sarif = json.loads(files["sarif"])
    assert sarif["version"] == "2.1.0"
    assert {r["ruleId"] for r in sarif["runs"][0]["results"]} == set(DOCX_FINDINGS)
    assert files["html"].startswith("<!DOCTYPE html>") and "nonce=" not in files["html"]
    assert 'download="kk_justice_bill.lawcheck.json"' in checked


def test_the_report_page_is_served_securely(client) -> None:
    with DOCX_EXAMPLE.open("rb") as handle:
        response = client.post("/check", files={"draft": (DOCX_EXAMPLE.name, handle)}, data={"lang": "kk"})
    assert response.status_code == 200
    assert_secure(response)


def test_a_text_draft_in_russian(client) -> None:
    from tests.serve_helpers import ROOT

    data = (ROOT / "examples" / "ru_justice_bill.txt").read_bytes()
    response = post(client, "ru_justice_bill.txt", data, lang="ru")
    assert response.status_code == 200
    assert "housing-court-decision-not-replaced" in response.text
    assert 'lang="ru"' in response.text


def test_no_draft_is_left_in_temporary_folders(client) -> None:
    post(client, "x.txt", "1-бап. Мәтін".encode())
    for folder in ("/dev/shm",):
        if os.path.isdir(folder):
            assert not [n for n in os.listdir(folder) if n.startswith("lawcheck-stdin-")]


# --- refusals: a clear 4xx page in the chosen language, and the server serves on -----------------

@pytest.mark.parametrize(("name", "data", "status", "key"), [
    ("", b"", 400, "no_file"),  # what a browser sends when no file was chosen
    ("draft.txt", b"", 400, "empty_file"),
    ("draft.xlsx", b"PK\x03\x04", 415, "bad_type"),
    ("draft.odt", b"PK\x03\x04 this is not a zip archive", 422, "unreadable"),
    ("draft.doc", b"\xd0\xcf\x11\xe0", 415, "bad_type"),
    ("draft.docx", b"PK\x03\x04 this is not a zip archive", 422, "unreadable"),
    ("draft.docx", b"plain text under a Word name", 422, "unreadable"),
    ("draft.pdf", b"not a pdf", 422, "unreadable"),
])
@pytest.mark.parametrize("lang", ["kk", "en"])
def test_a_bad_upload_gets_a_clear_page(client, name, data, status, key, lang) -> None:
    response = post(client, name, data, lang=lang)
    assert response.status_code == status
    assert_secure(response)
    text = error_text(response.text)
    assert t(key, lang, suffix=os.path.splitext(name)[1], limit="")[:20] in text
    assert "Traceback" not in response.text and 'lang="%s"' % lang in response.text
    if key == "unreadable":
        assert name in text  # the reader's reason, naming the draft as the drafter did


def test_no_file_field_at_all(client) -> None:
    response = client.post("/check", data={"lang": "ru"}, files={"other": ("a.txt", b"x")})
    assert response.status_code == 400
    assert t("no_file", "ru") in error_text(response.text)


@pytest.mark.parametrize("lang", ["de", "", "kk'><b>"])
def test_a_wrong_report_language_is_refused_in_the_browser_language(client, lang) -> None:
    response = client.post("/check", files={"draft": ("a.txt", "1-бап.".encode())}, data={"lang": lang},
                           headers={"Accept-Language": "ru"})
    assert response.status_code == 400
    assert t("bad_lang", "ru") in error_text(response.text)
    assert "<b>" not in response.text


def test_too_large_uploads_are_refused_by_the_cli_limit(pool) -> None:
    small = TestClient(create_app(pool, max_bytes=1000), raise_server_exceptions=False)
    response = post(small, "big.txt", "а".encode() * 800, lang="en")
    assert response.status_code == 413
    assert t("too_large", "en", limit="1 KB") in error_text(response.text)
    # a body far beyond the limit is refused on its Content-Length, before it is read
    response = post(small, "big.txt", b"x" * 200_000, lang="kk")
    assert response.status_code == 413


def test_the_default_limit_is_the_command_line_one(client) -> None:
    from checker.reading import DEFAULT_MAX_BYTES
    from checker.serve.pages import size_text

    assert t("file_hint", "en", limit=size_text(DEFAULT_MAX_BYTES)) in client.get("/?lang=en").text


def test_a_request_that_is_not_a_form(client) -> None:
    response = client.post("/check?lang=en", content=b"{}", headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert t("bad_form", "en") in error_text(response.text)
    broken = client.post("/check?lang=en", content=b"--xx\r\nContent-Disposition: form-data\r\n\r\nx",
                         headers={"Content-Type": "multipart/form-data; boundary=xx"})
    assert broken.status_code == 400


def test_unknown_pages_and_methods(client) -> None:
    response = client.get("/nope?lang=ru")
    assert response.status_code == 404
    assert_secure(response)
    assert t("not_found", "ru") in error_text(response.text)
    assert client.get("/check").status_code == 405


def test_a_check_that_takes_too_long(pool) -> None:
    hasty = TestClient(create_app(pool, timeout=0.0001), raise_server_exceptions=False)
    response = post(hasty, DOCX_EXAMPLE.name, DOCX_EXAMPLE.read_bytes(), lang="en")
    assert response.status_code == 503
    assert t("timeout", "en", seconds=0)[:20] in error_text(response.text)


def test_the_server_serves_on_after_refusals(client) -> None:
    for name, data in (("a.docx", b"PK\x03\x04junk"), ("", b""), ("a.exe", b"MZ")):
        assert post(client, name, data).status_code >= 400
    response = post(client, DOCX_EXAMPLE.name, DOCX_EXAMPLE.read_bytes(), lang="ru")
    assert response.status_code == 200
    assert "cassation-any-offence-category" in response.text


# --- acts in force: tech-* findings and the comparative table -------------------------------------

ACTS = DOCX_EXAMPLE.parent.parent / "tests" / "fixtures" / "acts"


def table_links(page: str) -> dict[str, bytes]:
    import base64

    return {name.split(".", 1)[1]: base64.b64decode(url) for url, name in
            re.findall(r'href="data:[^;]+;base64,([^"]+)" download="([^"]+\.table\.(?:docx|html))"', page)}


def test_with_acts_the_page_shows_tech_findings_and_offers_the_comparative_table() -> None:
    from checker.acts.gate import ActsRuleSet
    from checker.run import RuleSpec, configure, load_base
    from checker.serve.pool import CheckPool

    spec = RuleSpec()
    ruleset = ActsRuleSet(configure(load_base(spec), spec),
                          ((None, ACTS / "ru_code.txt"), (None, ACTS / "kk_code.txt")))
    ruleset.load()
    acts_pool = CheckPool(spec, ruleset, 1)
    acts_pool.start()
    try:
        client = TestClient(create_app(acts_pool), raise_server_exceptions=False)
        response = post(client, "ru_bad_bill.txt", (ACTS / "ru_bad_bill.txt").read_bytes(), lang="ru")
        assert response.status_code == 200
        assert_secure(response)
        page = response.text
        assert "tech-target-missing" in page and "tech-number-exists" in page
        assert t("table_docx", "ru") in page and t("table_html", "ru") in page
        tables = table_links(page)
        assert set(tables) == {"table.docx", "table.html"}
        assert tables["table.docx"][:2] == b"PK"
        import io

        import docx

        document = docx.Document(io.BytesIO(tables["table.docx"]))
        assert document.tables[0].rows[0].cells[2].text == "Действующая редакция"
        assert "Сравнительная таблица" in tables["table.html"].decode("utf-8")
        assert "tech-" in downloads(page)["json"]  # the JSON of that run has them too
        kk = post(client, "kk_bill.txt", (ACTS / "kk_bill.txt").read_bytes(), lang="kk")
        assert kk.status_code == 200 and "Салыстырмалы кесте" in table_links(kk.text)["table.html"].decode()
        other = post(client, DOCX_EXAMPLE.name, DOCX_EXAMPLE.read_bytes(), lang="en")  # amends other acts
        assert other.status_code == 200 and table_links(other.text) == {}
    finally:
        acts_pool.close()


def test_without_acts_no_comparative_table(checked: str) -> None:
    assert table_links(checked) == {} and "tech-" not in checked


def test_serve_refuses_a_missing_act_in_one_line(tmp_path, monkeypatch) -> None:
    from click.testing import CliRunner

    from checker.cli import main

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["serve", "--port", "0", "--act", "missing.txt"])
    assert result.exit_code == 2
    assert "no such act file" in result.output and len(result.output.strip().splitlines()) == 1
