"""Hostile and faulty inputs, each built small at run time (nothing large is committed).

Every case makes its files in a given folder and says how lawcheck must answer: the exit status,
the one error line (and the file it names) or, for valid input, a result. tests/test_hostile.py
runs each case in a subprocess under a memory limit; bench/bench_hostile.py times them and
measures their peak memory for the table in the README's "Budgets" section.
"""

from __future__ import annotations

import os
import random
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_RU = ROOT / "examples" / "ru_justice_bill.txt"
EXAMPLE_KK = ROOT / "examples" / "kk_justice_bill.txt"
MB = 1024 * 1024

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_NUMBERING_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering"


@dataclass(frozen=True)
class Case:
    """One hostile input and the answer lawcheck owes it."""

    name: str
    build: Callable[[Path], list[str]]  # makes the files in the folder, returns the arguments
    code: int | tuple[int, ...]  # the exit status (a tuple: any of them)
    error: str | None = None  # a regex the one "lawcheck: error:" line must match; None = no error
    names: str | None = None  # the file the error line must name
    memory_mb: int | None = None  # address-space limit; default 10 × the inputs' size + 200 MB
    what: str = ""  # the words for it, for the table

    def codes(self) -> tuple[int, ...]:
        return self.code if isinstance(self.code, tuple) else (self.code,)


def budget_mb(folder: Path) -> int:
    """10 × the size of the regular files built for a case, + 200 MB (sparse files count as 0)."""
    total = 0
    for path in folder.rglob("*"):
        try:
            if path.is_file() and not path.is_symlink():
                total += path.stat().st_blocks * 512
        except OSError:
            pass
    return 200 + 10 * total // MB


# --- small builders -----------------------------------------------------------------------------

def draft(folder: Path, name: str = "d.txt", text: str | None = None) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text if text is not None else EXAMPLE_RU.read_text("utf-8"), encoding="utf-8")
    return path


def sparse(path: Path, size: int) -> Path:
    """A file that claims `size` bytes and occupies none (nothing large is ever written)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.truncate(size)
    return path


def docx(path: Path, paragraphs: list[str], *, numbered: bool = False, numbering: str | None = None,
         raw_body: str | None = None) -> Path:
    """A minimal .docx: one part per need, paragraphs as plain runs (or numbered list items)."""
    num_pr = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    body = raw_body if raw_body is not None else "".join(
        f'<w:p>{num_pr if numbered else ""}<w:r><w:t xml:space="preserve">{escape(t)}</w:t></w:r></w:p>'
        for t in paragraphs)
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns='
                         '"http://schemas.openxmlformats.org/package/2006/content-types"/>')
        archive.writestr("word/document.xml", document)
        if numbering is not None:
            archive.writestr("word/_rels/document.xml.rels",
                             f'<?xml version="1.0"?><Relationships xmlns="{_RELS_NS}"><Relationship '
                             f'Id="rId1" Type="{_NUMBERING_REL}" Target="numbering.xml"/></Relationships>')
            archive.writestr("word/numbering.xml", numbering)
    return path


def numbering_xml(level_text: str) -> str:
    return (f'<?xml version="1.0"?><w:numbering xmlns:w="{W_NS}"><w:abstractNum w:abstractNumId="0">'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            f'<w:lvlText w:val="{escape(level_text)}"/></w:lvl></w:abstractNum>'
            f'<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')


def lie_about_size(path: Path, member: str, declared: int) -> None:
    """Rewrite the zip so that `member` claims to unpack to `declared` bytes (it unpacks to more)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    struct.pack_into("<I", data, info.header_offset + 22, declared)  # local header
    at = data.find(b"PK\x01\x02" + data[info.header_offset + 4:info.header_offset + 6])
    while at >= 0:
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46:at + 46 + name_len] == member.encode():
            struct.pack_into("<I", data, at + 24, declared)  # central directory
            break
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))


def dense_draft(chars: int, statements: int) -> str:
    """An amendment on every line, each one a finding (a court decision replaced): the most
    findings, and so the largest report, a draft within the budgets can have."""
    head = ("Статья 1. Внести в Закон Республики Казахстан от 16 апреля 1997 года «О жилищных "
            "отношениях» следующие изменения:\n")
    out = [head]
    size = len(head)
    for n in range(1, statements - 1):
        line = (f"{n}) в пункте {n % 9 + 1} статьи {n % 300 + 1} слова «по решению суда» "
                f"заменить словами «с санкции прокурора»;\n")
        if size + len(line) > chars:
            break
        out.append(line)
        size += len(line)
    return "".join(out)


def varied_words(count: int, seed: int = 11) -> list[str]:
    """Short Russian-looking paragraphs that do not compress beyond Word's usual ratio."""
    rng = random.Random(seed)
    letters = "абвгдежзиклмнопрстуфхцчшэюя"
    return [" ".join("".join(rng.choice(letters) for _ in range(rng.randint(3, 9)))
                     for _ in range(rng.randint(2, 5))) for _ in range(count)]


# --- the cases ----------------------------------------------------------------------------------

def _output_is_the_draft(folder: Path) -> list[str]:
    draft(folder)
    return ["check", "d.txt", "-q", "-o", "d.txt"]


def _output_links_to_the_draft(folder: Path) -> list[str]:
    draft(folder)
    os.symlink("d.txt", folder / "report.txt")
    return ["check", "d.txt", "-q", "-o", "report.txt"]


def _output_is_a_hard_link(folder: Path) -> list[str]:
    draft(folder)
    os.link(folder / "d.txt", folder / "report.json")
    return ["check", "d.txt", "-q", "--format", "json", "-o", "report.json"]


def _parse_output_is_the_draft(folder: Path) -> list[str]:
    draft(folder)
    return ["parse", "d.txt", "--output", "d.txt"]


def _baseline_over_the_draft(folder: Path) -> list[str]:
    draft(folder)
    return ["baseline", "create", "d.txt", "-q", "-o", "d.txt"]


def _output_is_the_config(folder: Path) -> list[str]:
    draft(folder)
    (folder / "c.yaml").write_text("lang: en\n", encoding="utf-8")
    return ["check", "d.txt", "-q", "--config", "c.yaml", "-o", "c.yaml"]


def _output_dev_full(folder: Path) -> list[str]:
    draft(folder)
    return ["parse", "d.txt", "--output", "/dev/full"]


def _bidi_marks(folder: Path) -> list[str]:
    lines = EXAMPLE_RU.read_text("utf-8").split("\n")
    draft(folder, text="\n".join("\u200f" + line for line in lines))
    return ["check", "d.txt", "-q", "--format", "json"]


def _numbering_label_bomb(folder: Path) -> list[str]:
    docx(folder / "d.docx", ["тармақ"] * 2000, numbered=True, numbering=numbering_xml("%1" * 20_000))
    return ["check", "d.docx", "-q"]


def _zip_size_lie(folder: Path) -> list[str]:
    """document.xml declares 100 KB and inflates to 400 MB (deflated to about 400 KB)."""
    path = folder / "d.docx"
    docx(path, ["1-бап."])
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    head = f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>'.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            if name != "word/document.xml":
                archive.writestr(name, data)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(head)
            block = b"<w:p/>" * (MB // 6)
            for _ in range(400):
                member.write(block)
            member.write(b"</w:body></w:document>")
    lie_about_size(path, "word/document.xml", 100_000)
    return ["check", "d.docx", "-q"]


def _docx_100k_paragraphs(folder: Path) -> list[str]:
    docx(folder / "d.docx", varied_words(100_000))
    return ["check", "d.docx", "-q"]


def _docx_one_huge_paragraph(folder: Path) -> list[str]:
    rng = random.Random(5)
    run = "".join(rng.choice("абвгдежзиклмн ") for _ in range(600_000))
    docx(folder / "d.docx", [], raw_body="<w:p>" + f"<w:r><w:t>{run}</w:t></w:r>" * 4 + "</w:p>")
    return ["check", "d.docx", "-q"]


def _docx_12k_paragraphs(folder: Path) -> list[str]:
    docx(folder / "d.docx", varied_words(12_000))
    return ["check", "d.docx", "-q", "--format", "json"]


def _unbalanced_quotes(folder: Path) -> list[str]:
    draft(folder, text="Статья 1.\n" + "«" * 100_000 + "\n" + EXAMPLE_RU.read_text("utf-8"))
    return ["check", "d.txt", "-q", "--format", "json"]


def _largest_balanced_quotes(folder: Path) -> list[str]:
    """The largest one-line run of quoted words the budget allows, checked on a cache miss (the
    suite's cache folder is fresh): the rule base compiled too must stay within the budget."""
    from checker.budgets import DRAFT_MAX_CHARS

    unit = "«а» "
    draft(folder, text="Статья 1.\n" + unit * ((DRAFT_MAX_CHARS - 1020) // len(unit)) + "\n")
    return ["check", "d.txt", "-q", "-o", "report.txt"]


def _largest_dense_draft(folder: Path) -> list[str]:
    from checker.budgets import DRAFT_MAX_CHARS, DRAFT_MAX_STATEMENTS

    draft(folder, text=dense_draft(DRAFT_MAX_CHARS - 1000, DRAFT_MAX_STATEMENTS - 10))
    return ["check", "d.txt", "-q", "-o", "report.txt"]


def _txt_40_mb(folder: Path) -> list[str]:
    sparse(folder / "d.txt", 40 * MB)
    return ["check", "d.txt", "-q"]


def _txt_too_many_lines(folder: Path) -> list[str]:
    draft(folder, text="а\n" * 150_000)
    return ["check", "d.txt", "-q"]


def _config_alias_bomb(folder: Path) -> list[str]:
    draft(folder)
    rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi"):
        rows.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    (folder / ".lawcheck.yaml").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return ["check", "d.txt", "-q"]


def _config_deep(folder: Path) -> list[str]:
    draft(folder)
    (folder / ".lawcheck.yaml").write_text("rules: " + "[" * 5000 + "]" * 5000 + "\n", "utf-8")
    return ["check", "d.txt", "-q"]


def _config_deep_toml(folder: Path) -> list[str]:
    draft(folder)
    (folder / "pyproject.toml").write_text("[tool.lawcheck]\nrules = " + "[" * 5000 + "]" * 5000
                                           + "\n", "utf-8")
    return ["check", "d.txt", "-q"]


def _config_big_number(folder: Path) -> list[str]:
    draft(folder)
    (folder / ".lawcheck.yaml").write_text("lang: " + "9" * 5000 + "\n", "utf-8")
    return ["check", "d.txt", "-q"]


def _rule_file_3_gb(folder: Path) -> list[str]:
    draft(folder)
    sparse(folder / "rules" / "huge.yaml", 3 * 1024 * MB)
    return ["check", "d.txt", "-q", "--rules", "rules"]


def _rule_file_dev_zero(folder: Path) -> list[str]:
    draft(folder)
    (folder / "rules").mkdir()
    os.symlink("/dev/zero", folder / "rules" / "zero.yaml")
    return ["check", "d.txt", "-q", "--rules", "rules"]


def _rule_file_fifo(folder: Path) -> list[str]:
    draft(folder)
    (folder / "rules").mkdir()
    os.mkfifo(folder / "rules" / "pipe.yaml")
    return ["check", "d.txt", "-q", "--rules", "rules"]


def _rule_symlink_loop(folder: Path) -> list[str]:
    draft(folder)
    (folder / "rules").mkdir()
    os.symlink("b.yaml", folder / "rules" / "a.yaml")
    os.symlink("a.yaml", folder / "rules" / "b.yaml")
    return ["check", "d.txt", "-q", "--rules", "rules"]


def _rule_big_number(folder: Path) -> list[str]:
    draft(folder)
    (folder / "rules").mkdir()
    (folder / "rules" / "n.yaml").write_text("id: n\nseverity: " + "9" * 5000 + "\n", "utf-8")
    return ["check", "d.txt", "-q", "--rules", "rules"]


def _baseline_dev_zero(folder: Path) -> list[str]:
    draft(folder)
    return ["check", "d.txt", "-q", "--baseline", "/dev/zero"]


def _baseline_fifo(folder: Path) -> list[str]:
    draft(folder)
    os.mkfifo(folder / "b.json")
    return ["check", "d.txt", "-q", "--baseline", "b.json"]


def _baseline_500_mb(folder: Path) -> list[str]:
    draft(folder)
    sparse(folder / "b.json", 500 * MB)
    return ["check", "d.txt", "-q", "--baseline", "b.json"]


def _baseline_deep(folder: Path) -> list[str]:
    draft(folder)
    (folder / "b.json").write_text("[" * 100_000 + "]" * 100_000, "utf-8")
    return ["check", "d.txt", "-q", "--baseline", "b.json"]


def _baseline_big_number(folder: Path) -> list[str]:
    draft(folder)
    (folder / "b.json").write_text('{"version": 1, "entries": [], "n": ' + "9" * 5000 + "}", "utf-8")
    return ["check", "d.txt", "-q", "--baseline", "b.json"]


def deep_tree(folder: Path, depth: int = 60) -> Path:
    """depth nested folders with a draft at the bottom; a link loop at the top."""
    bottom = folder.joinpath(*["sub"] * depth)
    bottom.mkdir(parents=True)
    draft(bottom, "x.txt")
    os.symlink(".", folder / "sub" / "again")
    return bottom


def _exclude_pathological(folder: Path) -> list[str]:
    deep_tree(folder)
    return ["check", "sub", "-q", "--exclude", "**/" * 12 + "x", "--exclude", "*a*a*a*a*a*a*a*a*b"]


def _glob_through_link_loops(folder: Path) -> list[str]:
    deep_tree(folder, depth=3)
    for name in ("loop-a", "loop-b", "loop-c"):  # glob.glob walked 3**40 paths through these
        os.symlink(".", folder / "sub" / "sub" / name)
    return ["check", "sub/**/*.txt", "-q"]


def _glob_bad_range(folder: Path) -> list[str]:
    draft(folder)
    return ["check", "d.txt", "-q", "--exclude", "[z-a]"]


def _config_glob_bad_range(folder: Path) -> list[str]:
    draft(folder)
    (folder / ".lawcheck.yaml").write_text('exclude: ["[z-a]"]\n', "utf-8")
    return ["check", "d.txt", "-q"]


def _jobs_1000(folder: Path) -> list[str]:
    for n in range(12):
        draft(folder, f"d{n:02}.txt")
    return ["check", ".", "-q", "-j", "1000", "--format", "json"]


CASES: tuple[Case, ...] = (
    Case("output-is-the-draft", _output_is_the_draft, 2, r"--output would overwrite an input", "d.txt",
         what="`-o` equal to the draft"),
    Case("output-links-to-the-draft", _output_links_to_the_draft, 2, r"would overwrite an input",
         "report.txt", what="`-o` a symbolic link to the draft"),
    Case("output-is-a-hard-link", _output_is_a_hard_link, 2, r"would overwrite an input", "report.json",
         what="`-o` a hard link to the draft"),
    Case("parse-output-is-the-draft", _parse_output_is_the_draft, 2, r"would overwrite an input", "d.txt",
         what="`parse --output` equal to the draft"),
    Case("baseline-over-the-draft", _baseline_over_the_draft, 2, r"would overwrite an input", "d.txt",
         what="`baseline create -o` equal to the draft"),
    Case("output-is-the-config", _output_is_the_config, 2, r"would overwrite an input", "c.yaml",
         what="`-o` equal to the config"),
    Case("output-dev-full", _output_dev_full, 2, r"cannot write the report: No space left", "/dev/full",
         what="`parse --output /dev/full`"),
    Case("bidi-marks", _bidi_marks, 1, what="U+200F at the start of every line (findings kept)"),
    Case("numbering-label-bomb", _numbering_label_bomb, 2, r"numbering label longer than", "d.docx",
         what=".docx numbering label of 20,000 × %1"),
    Case("zip-size-lie", _zip_size_lie, 2, r"not a valid \.docx", "d.docx",
         what=".docx part declaring 100 KB, inflating to 400 MB"),
    Case("docx-100k-paragraphs", _docx_100k_paragraphs, 2, r"too long \(more than", "d.docx",
         what=".docx of 100,000 paragraphs"),
    Case("docx-one-huge-paragraph", _docx_one_huge_paragraph, 2, r"too long \(more than", "d.docx",
         what=".docx paragraph of 2.4 million characters"),
    Case("docx-12k-paragraphs", _docx_12k_paragraphs, 0, what=".docx of 12,000 paragraphs (valid)"),
    Case("unbalanced-quotes", _unbalanced_quotes, 1, what="100,000 unbalanced « before a real draft"),
    Case("largest-balanced-quotes", _largest_balanced_quotes, 0,
         what="the largest one-line run of quoted words, on a rule-cache miss"),
    Case("largest-dense-draft", _largest_dense_draft, 1,
         what="largest draft the budgets allow, a finding on every line (text report)"),
    Case("txt-40-mb", _txt_40_mb, 2, r"too large", "d.txt", memory_mb=200, what="40 MB .txt"),
    Case("txt-150k-lines", _txt_too_many_lines, 2, r"too long \(more than", "d.txt",
         what=".txt of 150,000 lines"),
    Case("config-alias-bomb", _config_alias_bomb, 2, r"aliases", ".lawcheck.yaml",
         what="YAML alias bomb in the config"),
    Case("config-5000-deep", _config_deep, 2, r"nest|deep", ".lawcheck.yaml",
         what="config nested 5,000 deep"),
    Case("config-toml-5000-deep", _config_deep_toml, 2, r"nested too deeply", "pyproject.toml",
         what="pyproject.toml nested 5,000 deep"),
    Case("config-5000-digits", _config_big_number, 2, r"thousands of digits", ".lawcheck.yaml",
         what="config holding a 5,000-digit number"),
    Case("rule-file-3-gb", _rule_file_3_gb, 2, r"too large", "huge.yaml", memory_mb=200,
         what="3 GB sparse rule file"),
    Case("rule-file-dev-zero", _rule_file_dev_zero, 2, r"character device", None,
         what="rule file linked to /dev/zero"),
    Case("rule-file-fifo", _rule_file_fifo, 2, r"FIFO", "pipe.yaml", what="rule file that is a FIFO"),
    Case("rule-symlink-loop", _rule_symlink_loop, 2, r"symbolic link loop", ".yaml",
         what="symlink loop among rule files"),
    Case("rule-5000-digits", _rule_big_number, 2, r"thousands of digits", "n.yaml",
         what="rule file holding a 5,000-digit number"),
    Case("baseline-dev-zero", _baseline_dev_zero, 2, r"character device", "/dev/zero",
         what="baseline /dev/zero"),
    Case("baseline-fifo", _baseline_fifo, 2, r"FIFO", "b.json", what="baseline that is a FIFO"),
    Case("baseline-500-mb", _baseline_500_mb, 2, r"too large", "b.json", memory_mb=200,
         what="500 MB baseline"),
    Case("baseline-100k-deep", _baseline_deep, 2, r"nested too deeply", "b.json",
         what="baseline nested 100,000 deep"),
    Case("baseline-5000-digits", _baseline_big_number, 2, r"5000 digits", "b.json",
         what="baseline holding a 5,000-digit number"),
    Case("exclude-pathological", _exclude_pathological, 1, what="`--exclude '**/**/…/x'` over a deep tree"),
    Case("glob-through-link-loops", _glob_through_link_loops, 1, what="`'sub/**/*.txt'` over link loops"),
    Case("glob-bad-range", _glob_bad_range, 2, r"not a valid glob", "[z-a]", what="`--exclude '[z-a]'`"),
    Case("config-glob-bad-range", _config_glob_bad_range, 2, r"not a valid glob", ".lawcheck.yaml:1",
         what="config exclude `[z-a]`"),
    Case("jobs-1000", _jobs_1000, 1, what="`-j 1000` over 12 drafts"),
)
