"""`lawcheck serve` as a drafter meets it: the command prints its address, a real browser loads
the page, and (where Chromium is on PATH) chooses the bundled .docx, presses Check with the
keyboard and reads the findings and citations on the page.

The browser is driven through Chromium's own DevTools pipe, so no driver and no network are
needed; the browser parameters only exist where a browser does, as in test_report_html.py.
"""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import html5lib
import pytest

from tests.serve_helpers import DOCX_EXAMPLE, DOCX_FINDINGS, ROOT, downloads
from tests.test_report_html import BROWSERS


@pytest.fixture(scope="module")
def server():
    process = subprocess.Popen(
        [sys.executable, "-m", "checker", "serve", "--port", "0", "--workers", "1"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        match = re.match(r"lawcheck: serving on (http://127\.0\.0\.1:\d+/) \(1 worker; ", line)
        assert match, (line, process.stderr.read() if process.poll() is not None else "")
        yield match.group(1)
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_serve_prints_its_address_and_answers(server: str) -> None:
    with urllib.request.urlopen(server + "?lang=en") as response:
        assert response.status == 200
        assert "Content-Security-Policy" in response.headers
        assert 'action="/check"' in response.read().decode()


def test_a_busy_port_is_one_clear_line(server: str) -> None:
    port = server.rsplit(":", 1)[1].strip("/")
    done = subprocess.run([sys.executable, "-m", "checker", "serve", "--port", port],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.startswith("lawcheck: error: cannot listen on 127.0.0.1:" + port)
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc and PR_SET_PDEATHSIG are Linux")
def test_the_workers_end_with_the_server() -> None:
    import os
    import signal
    import time

    process = subprocess.Popen([sys.executable, "-m", "checker", "serve", "--port", "0", "--workers", "2"],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert process.stdout.readline().startswith("lawcheck: serving on ")
    children = [int(pid) for pid in Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()]
    assert len(children) == 2
    os.kill(process.pid, signal.SIGKILL)  # not even a chance to shut the pool down
    process.wait(timeout=30)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(Path(f"/proc/{pid}").exists() for pid in children):
        time.sleep(0.1)
    alive = [pid for pid in children if Path(f"/proc/{pid}").exists()
             and "zombie" not in Path(f"/proc/{pid}/status").read_text()]
    assert alive == []


@pytest.mark.parametrize("browser", BROWSERS[:1])
def test_the_browser_shows_the_form(browser: str, server: str, tmp_path) -> None:
    done = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", server + "?lang=ru"],
        capture_output=True, text=True, timeout=90, check=True)
    root = html5lib.parse(done.stdout, namespaceHTMLElements=False)
    assert root.get("lang") == "ru"
    assert [i.get("id") for i in root.iter("input")] == ["draft"]
    assert any("Проверить" in "".join(b.itertext()) for b in root.iter("button"))


@pytest.mark.parametrize("browser", BROWSERS[:1])
def test_a_drafter_uploads_the_docx_example_with_the_keyboard(browser: str, server: str, tmp_path) -> None:
    from tests.cdp_pipe import Browser

    chromium = Browser(browser, tmp_path / "profile")
    try:
        chromium.open(server + "?lang=en")
        chromium.send("DOM.setFileInputFiles", {"files": [str(DOCX_EXAMPLE)],
                                                "nodeId": chromium.node("#draft")})
        chromium.send("DOM.focus", {"nodeId": chromium.node("button[type=submit]")})
        chromium.press("Enter", 13, "\r")
        chromium.wait_for(lambda: chromium.evaluate(
            "location.pathname === '/check' && document.readyState === 'complete'"))
        page = chromium.evaluate("document.documentElement.outerHTML")
        blocked = chromium.evaluate("document.styleSheets.length")
    finally:
        chromium.close()
    root = html5lib.parse(page, namespaceHTMLElements=False)
    rules = {"".join(c.itertext()) for c in root.iter("code") if "rule" in (c.get("class") or "").split()}
    assert rules == set(DOCX_FINDINGS)
    cites = " ".join("".join(p.itertext()) for p in root.iter("p") if p.get("class") == "cite")
    assert all(label in cites for label in DOCX_FINDINGS.values())
    assert set(downloads(page)) == {"html", "json", "sarif"}
    assert blocked == 2  # both nonce'd stylesheets applied under the strict CSP
