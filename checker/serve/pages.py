"""The pages: the upload form (with an error above it when a request was refused) and the report.

The report is the HTML reporter's own page, untouched but for two things: its stylesheet gets
the request's CSP nonce, and a bar with the downloads of this run and a way back is put at the
top of its body. Every piece of text goes through `esc()`, as in the reporter.
"""

from __future__ import annotations

import base64
from functools import lru_cache
from importlib.resources import files
from pathlib import PurePosixPath
from string import Template

from checker.model import LANGUAGES
from checker.report.html import esc
from checker.serve.i18n import LANGUAGE_NAMES, t

MEDIA_TYPES = {"html": "text/html", "json": "application/json", "sarif": "application/sarif+json"}
SUFFIXES = {"html": ".lawcheck.html", "json": ".lawcheck.json", "sarif": ".lawcheck.sarif"}


@lru_cache(maxsize=None)
def _resource(name: str) -> str:
    return files("checker.serve").joinpath("templates", name).read_text("utf-8")


def size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def form_page(lang: str, nonce: str, max_bytes: int, error: str | None = None,
              detail: str | None = None) -> str:
    """The upload form in `lang`; with `error`, the reason the last request was refused on top."""
    langs = " ".join(
        f"<a href=\"/?lang={code}\" hreflang=\"{code}\" lang=\"{code}\""
        + (" aria-current=\"page\"" if code == lang else "") + f">{esc(LANGUAGE_NAMES[code])}</a>"
        for code in LANGUAGES)
    options = "".join(
        f"<option value=\"{code}\"" + (" selected" if code == lang else "")
        + f" lang=\"{code}\">{esc(LANGUAGE_NAMES[code])}</option>" for code in LANGUAGES)
    parts = [
        "<main class=\"lc-serve\">",
        f"<nav class=\"lc-langs\" aria-label=\"{esc(t('interface', lang))}\">{langs}</nav>",
        f"<h1>{esc(t('title', lang))}</h1>",
    ]
    if error:
        parts.append(f"<div class=\"error\" role=\"alert\" id=\"error\"><p><strong>{esc(t('error_title', lang))}."
                     f"</strong> {esc(error)}</p>"
                     + (f"<p class=\"detail\">{esc(t('detail', lang))}: {esc(detail)}</p>" if detail else "")
                     + "</div>")
    parts += [
        f"<p>{esc(t('intro', lang))}</p>",
        "<form method=\"post\" action=\"/check\" enctype=\"multipart/form-data\">",
        f"<label for=\"draft\">{esc(t('file_label', lang))}</label>",
        "<input type=\"file\" id=\"draft\" name=\"draft\" required aria-describedby=\"draft-hint\""
        + (" aria-invalid=\"true\" aria-errormessage=\"error\"" if error else "")
        + " accept=\".docx,.txt,.pdf,.html,.htm,.rtf,.odt,application/vnd.openxmlformats-officedocument"
          ".wordprocessingml.document,text/plain,application/pdf,text/html\">",
        f"<p class=\"hint\" id=\"draft-hint\">{esc(t('file_hint', lang, limit=size_text(max_bytes)))}</p>",
        f"<label for=\"lang\">{esc(t('lang_label', lang))}</label>",
        f"<select id=\"lang\" name=\"lang\">{options}</select>",
        f"<button type=\"submit\">{esc(t('submit', lang))}</button>",
        "</form>",
        "</main>",
    ]
    return _shell(lang, nonce, t("title", lang), "\n".join(parts), "lc-page")


def _shell(lang: str, nonce: str, title: str, body: str, body_class: str) -> str:
    return Template(_resource("page.html")).substitute(
        lang=esc(lang), nonce=esc(nonce), title=esc(title), css=_resource("serve.css"),
        body=body).replace("<body>", f"<body class=\"{body_class}\">", 1)


def data_url(text: str, fmt: str) -> str:
    encoded = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f"data:{MEDIA_TYPES[fmt]};charset=utf-8;base64,{encoded}"


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TABLES = {"docx": (DOCX_TYPE, ".table.docx", "table_docx"), "html": ("text/html", ".table.html", "table_html")}


def report_page(reports: dict[str, str], name: str, lang: str, nonce: str,
                tables: dict[str, bytes] | None = None) -> str:
    """The HTML report of this run, with its downloads (data: URLs: nothing stays on the server).

    `tables`: the comparative table of the run (.docx, html) when the server has acts in force.
    """
    stem = PurePosixPath(name).stem or "draft"
    links = "".join(
        f"<li><a href=\"{data_url(reports[fmt], fmt)}\" download=\"{esc(stem + SUFFIXES[fmt])}\" "
        f"type=\"{MEDIA_TYPES[fmt]}\">{fmt.upper()}</a></li>" for fmt in ("html", "json", "sarif"))
    for fmt, (media, suffix, key) in TABLES.items():
        if tables and fmt in tables:
            url = f"data:{media};base64,{base64.b64encode(tables[fmt]).decode('ascii')}"
            links += (f"<li><a href=\"{url}\" download=\"{esc(stem + suffix)}\" type=\"{media}\">"
                      f"{esc(t(key, lang))}</a></li>")
    bar = (f"<style nonce=\"{esc(nonce)}\">\n{_resource('serve.css')}</style>\n"
           f"<div class=\"lc-serve lc-bar\" role=\"navigation\" aria-label=\"{esc(t('downloads', lang))}\">"
           f"<p class=\"lc-heading\">{esc(t('downloads', lang))}</p><ul>{links}"
           f"<li><a href=\"/?lang={esc(lang)}\">{esc(t('again', lang))}</a></li></ul></div>")
    page = reports["html"].replace("<style>", f"<style nonce=\"{esc(nonce)}\">", 1)
    return page.replace("<body>\n", f"<body>\n{bar}\n", 1)
