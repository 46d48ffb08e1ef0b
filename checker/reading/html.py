"""A page saved from the official legal database (or any web page) → the act's text lines.

A saved page holds the site around the act: menus, language switches, search, banners, link
lists, counters. What is kept is the block that holds most of the page's paragraph text (the
act), one line per paragraph, list item, table row or <br>; the rest is dropped. Editorial
notes inside the act ("Сноска. …", "Ескерту. …", "ЗҚАИ-ның ескертпесі!", "Примечание ИЗПИ!")
stay as lines: the parser keeps them as the bill's frame, never as amendments.
"""

from __future__ import annotations

import codecs
import re

from lxml import etree, html

from checker.errors import InputError

_DROP_TAGS = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button",
              "select", "input", "iframe", "svg", "template", "object", "embed", "head", "title", "meta", "link")
_CHROME = re.compile(r"menu|nav|header|footer|sidebar|breadcrumb|banner|social|share|search|toolbar|tabs?\b|"
                     r"modal|cookie|advert|reklama|rating|counter|login|lang", re.IGNORECASE)
_BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "table", "blockquote", "pre",
                     "section", "article", "main", "ul", "ol", "dd", "dt", "center", "body", "td", "th"})
_HTML_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL)
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f]+")
NOT_HTML_HINT = "save the page again (Save as: Web page, HTML only), or copy its text into a .txt file"


def looks_like_html(head: bytes) -> bool:
    """True when the first bytes of a file are an HTML document."""
    return bool(_HTML_START.match(head.lstrip(b"\xef\xbb\xbf")))


def read_html(data: bytes, location: str) -> tuple[str, ...]:
    """The act's lines from the HTML bytes `data`."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        data = data.decode("utf-16", errors="replace").encode("utf-8")
    if b"\x00" in data:
        raise InputError("not a readable HTML page (binary data)", location, hint=NOT_HTML_HINT)
    try:
        root = html.document_fromstring(data)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        raise InputError("not a readable HTML page", location, hint=NOT_HTML_HINT) from None
    _strip_chrome(root)
    content = _content_root(root)
    lines = [line for line in _lines(content) if line]
    if not lines:
        raise InputError("the HTML page holds no text", location, hint=NOT_HTML_HINT)
    return tuple(lines)


def _strip_chrome(root) -> None:
    for element in list(root.iter(*_DROP_TAGS)):
        _remove(element)
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        marks = " ".join(filter(None, (element.get("class"), element.get("id"), element.get("role"))))
        if marks and _CHROME.search(marks) and element.tag not in ("body", "html"):
            _remove(element)


def _remove(element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():  # keep the text that follows the element
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


def _content_root(root):
    """The deepest element that holds almost all of the page's paragraph text (the act).

    Menus, counters and link lists are short next to an act, so the smallest element holding
    85% of the text of all leaf blocks (p, li, td, div without blocks inside) is the act's
    container, even when each article of the act sits in its own block.
    """
    body = root.find("body")
    top = body if body is not None else root
    held: dict = {}
    total = 0
    for block in top.iter("p", "div", "td", "th", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote"):
        if any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in block):
            continue  # only leaf blocks count
        length = len("".join(block.text_content().split()))
        if not length:
            continue
        total += length
        for ancestor in block.iterancestors():
            held[ancestor] = held.get(ancestor, 0) + length
            if ancestor is top:
                break
    if not total:
        return top
    best, best_depth = top, 0
    for element, length in held.items():
        if length >= 0.85 * total:
            depth = sum(1 for _ in element.iterancestors())
            if depth > best_depth:
                best, best_depth = element, depth
    return best


def _lines(element) -> list[str]:
    parts: list[str] = []
    _walk(element, parts)
    text = "".join(parts)
    return [_SPACES.sub(" ", _CONTROLS.sub("", line)).strip() for line in text.split("\n")]


def _walk(element, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    block = tag in _BLOCKS
    if tag == "br":
        parts.append("\n")
    elif block:
        parts.append("\n")
    if element.text and tag not in ("br",) and isinstance(element.tag, str):
        parts.append(element.text.replace("\n", " "))
    for child in element:
        _walk(child, parts)
        if child.tail:
            parts.append(child.tail.replace("\n", " "))
    if block:
        parts.append("\n")
    elif tag in ("td", "th"):
        parts.append(" ")
