"""Reading .docx drafts: Word numbering restored, tables in order, hostile archives refused.

Expected labels follow Word's rules (ECMA-376 §17.9). The same files were converted with
LibreOffice 7.4 as an outside check: it renders identical labels except where it departs from
the standard (isLgl, lvlRestart 0, a level bound to a style by w:pStyle).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from checker.errors import InputError
from checker.reading import read_document
from checker.reading.limits import MB, check_archive
from checker.reading.numbering import format_number
from tests.docx_factory import (
    LEGAL_LEVELS,
    W_NS,
    Lvl,
    Para,
    Raw,
    StyleDef,
    Table,
    abstract_num,
    make_docx,
    num,
    numbering_xml,
    patch_docx,
)

LEGAL = numbering_xml(abstract_num(0, LEGAL_LEVELS), num(1, 0))


def lines(path: Path) -> list[str]:
    return [line.text for line in read_document(path).lines]


def labels(path: Path) -> list[str]:
    """The label of each line (text up to the first space)."""
    return [text.split(" ", 1)[0] for text in lines(path)]


# -- numbering ---------------------------------------------------------------------------------


def test_legal_numbering_scheme(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "draft.docx", [
        Para("Кодекске мынадай өзгерістер енгізілсін:", num=(1, 0)),
        Para("12-бапта:", num=(1, 1)),
        Para("2-тармақ алып тасталсын;", num=(1, 1)),
        Para("бірінші абзац", num=(1, 2)),
        Para("екінші абзац", num=(1, 2)),
        Para("Заңға мынадай толықтыру енгізілсін:", num=(1, 0)),
        Para("5-бап алып тасталсын.", num=(1, 1)),
    ], numbering=LEGAL)
    assert lines(path) == [
        "1. Кодекске мынадай өзгерістер енгізілсін:",
        "1) 12-бапта:",
        "2) 2-тармақ алып тасталсын;",
        "а) бірінші абзац",
        "б) екінші абзац",
        "2. Заңға мынадай толықтыру енгізілсін:",
        "1) 5-бап алып тасталсын.",
    ]
    assert read_document(path).kind == "docx"


def test_table_between_paragraphs(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "draft.docx", [
        Para("Статья 1.", num=(1, 0)),
        Para("подпункт", num=(1, 1)),
        Table([["Редакция", "Предлагаемая редакция"],
               ["пункт 2", [Para("первый абзац"), Para(""), Para("второй абзац")]]]),
        Para("подпункт после таблицы", num=(1, 1)),
        "",
        Para("Статья 2.", num=(1, 0)),
    ], numbering=LEGAL)
    document = read_document(path)
    assert [(line.number, line.text) for line in document.lines] == [
        (1, "1. Статья 1."),
        (2, "1) подпункт"),
        (3, "Редакция | Предлагаемая редакция"),
        (4, "пункт 2 | первый абзац второй абзац"),
        (5, "2) подпункт после таблицы"),
        (6, ""),
        (7, "2. Статья 2."),
    ]


def test_numbered_paragraphs_inside_table_cells_count(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "draft.docx", [
        Para("a", num=(1, 1)),
        Table([[[Para("b", num=(1, 1))], "c"]]),
        Para("d", num=(1, 1)),
    ], numbering=LEGAL)
    assert lines(path) == ["1) a", "2) b | c", "3) d"]


def test_numbering_from_paragraph_style_and_basedon(tmp_path: Path) -> None:
    styles = [
        StyleDef("Article", num=(1, 0)),
        StyleDef("Point", num=(1, 1)),
        StyleDef("PointBold", based_on="Point"),  # inherits numbering through basedOn
        StyleDef("Unnumbered", based_on="Point", num=(0, None)),  # numId 0 switches it off
    ]
    path = make_docx(tmp_path / "draft.docx", [
        Para("бап", style="Article"),
        Para("тармақ", style="Point"),
        Para("тармақ", style="PointBold"),
        Para("мәтін", style="Unnumbered"),
        Para("тармақ", style="Point"),
        Para("бап", style="Article"),
        Para("тармақ", style="PointBold"),
    ], numbering=LEGAL, styles=styles)
    assert labels(path) == ["1.", "1)", "2)", "мәтін", "3)", "2.", "1)"]


def test_style_without_ilvl_takes_the_level_bound_to_it(tmp_path: Path) -> None:
    levels = (Lvl("decimal", "%1.", pstyle="Article"), Lvl("decimal", "%2)", pstyle="Point"))
    numbering = numbering_xml(abstract_num(0, levels), num(1, 0))
    styles = [StyleDef("Article", num=(1, None)), StyleDef("Point", num=(1, None))]
    path = make_docx(tmp_path / "draft.docx", [
        Para("a", style="Article"), Para("b", style="Point"), Para("c", style="Point"),
        Para("d", style="Article"), Para("e", style="Point"),
    ], numbering=numbering, styles=styles)
    assert labels(path) == ["1.", "1)", "2)", "2.", "1)"]


def test_level_bound_to_the_style_wins_over_the_style_ilvl(tmp_path: Path) -> None:
    levels = (Lvl("decimal", "%1."), Lvl("decimal", "%2)", pstyle="Point"))
    numbering = numbering_xml(abstract_num(0, levels), num(1, 0))
    styles = [StyleDef("Point", num=(1, 0))]  # says level 0, but level 1 names the style
    path = make_docx(tmp_path / "draft.docx", [
        Para("a", num=(1, 0)), Para("b", style="Point"), Para("c", style="Point"),
    ], numbering=numbering, styles=styles)
    assert labels(path) == ["1.", "1)", "2)"]


def test_direct_ilvl_overrides_the_style_level(tmp_path: Path) -> None:
    # The paragraph's numPr has only an ilvl: the list still comes from the style.
    styles = [StyleDef("Point", num=(1, 1))]
    path = make_docx(tmp_path / "draft.docx", [
        Para("a", num=(1, 0)), Para("b", style="Point"),
        Para("c", style="Point", num=(None, 2)), Para("d", style="Point"),
    ], numbering=LEGAL, styles=styles)
    assert labels(path) == ["1.", "1)", "а)", "2)"]


def test_start_override_restarts_and_shared_abstract_continues(tmp_path: Path) -> None:
    # Two lists over one abstract share its counters (Word); num 2 restarts level 0 at 1.
    numbering = numbering_xml(abstract_num(0, LEGAL_LEVELS), num(1, 0),
                              num(2, 0, start_overrides={0: 1}), num(3, 0))
    path = make_docx(tmp_path / "draft.docx", [
        Para("a", num=(1, 0)), Para("b", num=(1, 0)), Para("c", num=(1, 0)),
        Para("d", num=(2, 0)), Para("e", num=(2, 1)),
        Para("f", num=(1, 0)),
        Para("g", num=(3, 0)),
    ], numbering=numbering)
    assert labels(path) == ["1.", "2.", "3.", "1.", "1)", "2.", "3."]


def test_start_override_to_another_value(tmp_path: Path) -> None:
    numbering = numbering_xml(abstract_num(0, LEGAL_LEVELS), num(1, 0),
                              num(2, 0, start_overrides={1: 5}))
    path = make_docx(tmp_path / "draft.docx", [
        Para("a", num=(1, 0)), Para("b", num=(1, 1)),
        Para("c", num=(2, 1)), Para("d", num=(2, 1)),
    ], numbering=numbering)
    assert labels(path) == ["1.", "1)", "5)", "6)"]


def test_separate_abstracts_count_separately(tmp_path: Path) -> None:
    numbering = numbering_xml(abstract_num(0, LEGAL_LEVELS), abstract_num(1, LEGAL_LEVELS),
                              num(1, 0), num(2, 1))
    path = make_docx(tmp_path / "draft.docx", [
        Para("a", num=(1, 0)), Para("b", num=(1, 0)), Para("c", num=(2, 0)),
        Para("d", num=(1, 0)),
    ], numbering=numbering)
    assert labels(path) == ["1.", "2.", "1.", "3."]


def test_multilevel_text_start_and_suffix_forms(tmp_path: Path) -> None:
    levels = (Lvl("decimal", "%1.", start=3), Lvl("decimal", "%1.%2."),
              Lvl("decimal", "%1.%2.%3-1)"))
    numbering = numbering_xml(abstract_num(0, levels), num(1, 0))
    path = make_docx(tmp_path / "draft.docx", [
        Para("a", num=(1, 0)), Para("b", num=(1, 1)), Para("c", num=(1, 1)),
        Para("d", num=(1, 2)), Para("e", num=(1, 0)), Para("f", num=(1, 1)),
    ], numbering=numbering)
    assert labels(path) == ["3.", "3.1.", "3.2.", "3.2.1-1)", "4.", "4.1."]


def test_skipped_level_shows_its_start_value(tmp_path: Path) -> None:
    levels = (Lvl("decimal", "%1."), Lvl("decimal", "%1.%2."), Lvl("decimal", "%1.%2.%3."))
    numbering = numbering_xml(abstract_num(0, levels), num(1, 0))
    path = make_docx(tmp_path / "draft.docx", [Para("a", num=(1, 0)), Para("b", num=(1, 2))],
                     numbering=numbering)
    assert labels(path) == ["1.", "1.1.1."]


def test_is_lgl_shows_decimal_for_all_levels(tmp_path: Path) -> None:
    levels = (Lvl("upperRoman", "%1."), Lvl("decimal", "%1.%2.", is_lgl=True),
              Lvl("decimal", "%1.%2.", is_lgl=False))
    numbering = numbering_xml(abstract_num(0, levels), num(1, 0))
    path = make_docx(tmp_path / "draft.docx", [
        Para("a", num=(1, 0)), Para("b", num=(1, 0)), Para("c", num=(1, 1)),
        Para("d", num=(1, 2)),
    ], numbering=numbering)
    assert labels(path) == ["I.", "II.", "2.1.", "II.1."]


def test_lvl_restart_zero_never_restarts(tmp_path: Path) -> None:
    levels = (Lvl("decimal", "%1."), Lvl("decimal", "%2)", restart=0))
    numbering = numbering_xml(abstract_num(0, levels), num(1, 0))
    path = make_docx(tmp_path / "draft.docx", [
        Para("a", num=(1, 0)), Para("b", num=(1, 1)), Para("c", num=(1, 0)),
        Para("d", num=(1, 1)),
    ], numbering=numbering)
    assert labels(path) == ["1.", "1)", "2.", "2)"]


def test_bullets_and_none_have_no_label(tmp_path: Path) -> None:
    levels = (Lvl("bullet", "\uf0b7"), Lvl("none", ""), Lvl("decimal", "%3)"))
    numbering = numbering_xml(abstract_num(0, levels), num(1, 0))
    path = make_docx(tmp_path / "draft.docx", [
        Para("a", num=(1, 0)), Para("b", num=(1, 1)), Para("c", num=(1, 2)),
    ], numbering=numbering)
    assert lines(path) == ["a", "b", "1) c"]


def test_num_style_link_is_followed(tmp_path: Path) -> None:
    # Abstract 0 only points at the numbering style "LegalList"; abstract 1 defines it.
    numbering = numbering_xml(
        abstract_num(0, (), num_style_link="LegalList"),
        abstract_num(1, LEGAL_LEVELS, style_link="LegalList"),
        num(1, 0), num(2, 1))
    styles = [StyleDef("LegalList", kind="numbering", num=(2, None))]
    path = make_docx(tmp_path / "draft.docx", [
        Para("a", num=(1, 0)), Para("b", num=(1, 1)), Para("c", num=(1, 2)),
    ], numbering=numbering, styles=styles)
    assert labels(path) == ["1.", "1)", "а)"]


def test_empty_numbered_paragraph_is_just_its_label(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "draft.docx", [Para("", num=(1, 1)), Para("x", num=(1, 1))],
                     numbering=LEGAL)
    assert lines(path) == ["1)", "2) x"]


def test_unknown_num_id_or_missing_numbering_gives_no_label(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "draft.docx", [Para("a", num=(9, 0)), Para("b", num=(1, 0))],
                     numbering=LEGAL)
    assert lines(path) == ["a", "1. b"]
    no_numbering = patch_docx(path, tmp_path / "bare.docx", {"word/numbering.xml": None})
    assert lines(no_numbering) == ["a", "b"]


@pytest.mark.parametrize(("value", "fmt", "expected"), [
    (1, "russianLower", "а"), (9, "russianLower", "и"), (10, "russianLower", "к"),
    (11, "russianLower", "л"), (26, "russianLower", "э"), (28, "russianLower", "я"),
    (29, "russianLower", "аа"), (3, "russianUpper", "В"),
    (1, "lowerLetter", "a"), (26, "lowerLetter", "z"), (27, "lowerLetter", "aa"),
    (53, "upperLetter", "AAA"), (4, "upperRoman", "IV"), (1994, "upperRoman", "MCMXCIV"),
    (9, "lowerRoman", "ix"), (5, "decimalZero", "05"), (12, "decimalZero", "12"),
    (7, "decimal", "7"), (7, "bullet", ""), (7, "none", ""), (7, "ordinalText", "7"),
])
def test_number_formats(value: int, fmt: str, expected: str) -> None:
    assert format_number(value, fmt) == expected


def test_hostile_start_value_stays_small() -> None:
    assert len(format_number(2**31 - 1, "lowerLetter")) <= 64
    assert format_number(2**31 - 1, "upperRoman") == str(2**31 - 1)


def test_docx_written_by_libreoffice() -> None:
    path = Path(__file__).parent / "fixtures" / "reading" / "libreoffice_numbering.docx"
    assert labels(path)[2:11] == ["1.", "1)", "2)", "а)", "б)", "Қолданыстағы", "ескі", "2.", "1)"]
    assert lines(path)[7] == "Қолданыстағы редакция | Ұсынылатын редакция"
    assert len(lines(path)) == 12


# -- text of a paragraph -----------------------------------------------------------------------

RUNS = (
    '<w:r><w:t xml:space="preserve">1-баптың </w:t></w:r>'
    '<w:del w:id="1" w:author="a"><w:r><w:delText>ескі </w:delText></w:r></w:del>'
    '<w:ins w:id="2" w:author="a"><w:r><w:t xml:space="preserve">жаңа </w:t></w:r></w:ins>'
    '<w:hyperlink w:anchor="x"><w:r><w:t>сілтеме</w:t></w:r></w:hyperlink>'
    '<w:r><w:tab/><w:t>кейін</w:t><w:br/><w:t>жол</w:t></w:r>'
    '<w:r><w:rPr><w:vanish/></w:rPr><w:t>жасырын</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    '<w:fldSimple w:instr="NUMPAGES"><w:r><w:t>9</w:t></w:r></w:fldSimple>'
    '<w:r><w:t xml:space="preserve"> Қазақстан</w:t><w:noBreakHyphen/><w:t>2030</w:t></w:r>'
    '<w:moveFrom w:id="3" w:author="a"><w:r><w:t>көшкен</w:t></w:r></w:moveFrom>'
    '<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t xml:space="preserve"> өріс</w:t></w:r>'
    '</w:sdtContent></w:sdt>'
)


def test_runs_tabs_breaks_revisions_fields(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "draft.docx", [Para(runs_xml=RUNS)])
    assert lines(path) == ["1-баптың жаңа сілтеме\tкейін жол79 Қазақстан\u20112030 өріс"]


def test_every_paragraph_is_a_line_and_block_content_controls_are_read(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "draft.docx", [
        "бірінші", "", Raw(
            '<w:sdt><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>ішінде</w:t></w:r></w:p>'
            '<w:p/></w:sdtContent></w:sdt>'), "соңы"])
    assert read_document(path).lines[-1].number == 5
    assert lines(path) == ["бірінші", "", "ішінде", "", "соңы"]


def test_raw_line_breaks_inside_text_do_not_split_lines(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "draft.docx", [Para(runs_xml="<w:r><w:t>a\nb\rc</w:t></w:r>")])
    assert lines(path) == ["a b c"]


def test_deleted_table_row_is_skipped(tmp_path: Path) -> None:
    table = ('<w:tbl><w:tr><w:tc><w:p><w:r><w:t>kept</w:t></w:r></w:p></w:tc></w:tr>'
             '<w:tr><w:trPr><w:del w:id="1" w:author="a"/></w:trPr><w:tc><w:p><w:r>'
             '<w:t>gone</w:t></w:r></w:p></w:tc></w:tr></w:tbl>')
    path = make_docx(tmp_path / "draft.docx", ["before", Raw(table), "after"])
    assert lines(path) == ["before", "kept", "after"]


def test_docx_content_under_txt_name_is_read_as_word(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "draft.docx", [Para("бап", num=(1, 0))], numbering=LEGAL)
    renamed = path.rename(tmp_path / "draft.txt")
    document = read_document(renamed)
    assert (document.kind, [line.text for line in document.lines]) == ("docx", ["1. бап"])


# -- refusals ----------------------------------------------------------------------------------


def small_docx(tmp_path: Path) -> Path:
    return make_docx(tmp_path / "base.docx", ["мәтін"])


def assert_refused(path: Path) -> InputError:
    with pytest.raises(InputError) as info:
        read_document(path)
    assert info.value.location == str(path)
    return info.value


def test_document_without_paragraphs(tmp_path: Path) -> None:
    empty = f'<w:document xmlns:w="{W_NS}"><w:body/></w:document>'.encode()
    path = patch_docx(small_docx(tmp_path), tmp_path / "draft.docx", {"word/document.xml": empty})
    assert_refused(path)


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "draft.docx"
    path.write_text("1-бап. Бұл мәтін файлы.\n", encoding="utf-8")
    error = assert_refused(path)
    assert ".txt" in (error.hint or "")


def test_truncated_zip(tmp_path: Path) -> None:
    data = small_docx(tmp_path).read_bytes()
    path = tmp_path / "draft.docx"
    path.write_bytes(data[: len(data) // 2])
    assert_refused(path)


def test_corrupt_member_data(tmp_path: Path) -> None:
    data = bytearray(small_docx(tmp_path).read_bytes())
    start = data.find(b"word/document.xml") + len("word/document.xml")
    for i in range(start + 10, start + 60):
        data[i] ^= 0xFF
    path = tmp_path / "draft.docx"
    path.write_bytes(bytes(data))
    assert_refused(path)


def test_missing_document_part(tmp_path: Path) -> None:
    path = patch_docx(small_docx(tmp_path), tmp_path / "draft.docx", {"word/document.xml": None})
    assert_refused(path)


def test_malformed_document_xml(tmp_path: Path) -> None:
    path = patch_docx(small_docx(tmp_path), tmp_path / "draft.docx",
                      {"word/document.xml": b"<w:document xmlns:w='x'><w:body>"})
    assert_refused(path)


def test_strict_open_xml_is_refused(tmp_path: Path) -> None:
    strict = (b"<w:document xmlns:w='http://purl.oclc.org/ooxml/wordprocessingml/main'>"
              b"<w:body><w:p/></w:body></w:document>")
    path = patch_docx(small_docx(tmp_path), tmp_path / "draft.docx", {"word/document.xml": strict})
    error = assert_refused(path)
    assert ".docx" in (error.hint or "")


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "lol">'
    + b"".join(b'<!ENTITY %s "&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;&%s;">'
               % ((chr(98 + i).encode(),) + (chr(97 + i).encode(),) * 10) for i in range(9))
    + b"]>"
    + f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p>'
      f"</w:body></w:document>".encode()
)


def test_billion_laughs_is_refused(tmp_path: Path) -> None:
    path = patch_docx(small_docx(tmp_path), tmp_path / "draft.docx",
                      {"word/document.xml": BILLION_LAUGHS})
    assert_refused(path)


def test_external_entity_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    xxe = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file://{secret}">]>'
           f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p>'
           f"</w:body></w:document>").encode()
    path = patch_docx(small_docx(tmp_path), tmp_path / "draft.docx", {"word/document.xml": xxe})
    assert_refused(path)


def test_compression_ratio_bomb(tmp_path: Path) -> None:
    path = patch_docx(small_docx(tmp_path), tmp_path / "draft.docx",
                      {"word/media/image1.bin": bytes(4 * MB)})
    assert_refused(path)


def test_too_many_members_is_refused_from_the_end_record(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for i in range(5_001):
            archive.writestr(f"p/{i}", b"")
    path = tmp_path / "draft.docx"
    path.write_bytes(buffer.getvalue())
    assert_refused(path)


def test_archive_limits_on_declared_sizes(tmp_path: Path) -> None:
    source = small_docx(tmp_path)
    with zipfile.ZipFile(source) as archive:
        check_archive(archive, "x")  # a normal document passes
        with pytest.raises(InputError):
            check_archive(archive, "x", max_total=10_000)
        with pytest.raises(InputError):
            check_archive(archive, "x", max_members=5)


def test_encrypted_member_is_refused(tmp_path: Path) -> None:
    data = bytearray(small_docx(tmp_path).read_bytes())
    # Set the "encrypted" flag in every central-directory entry.
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        data[at + 8] |= 0x01
        at = data.find(b"PK\x01\x02", at + 4)
    path = tmp_path / "draft.docx"
    path.write_bytes(bytes(data))
    error = assert_refused(path)
    assert "password" in (error.hint or "")


def test_size_limit_applies_to_docx(tmp_path: Path) -> None:
    path = small_docx(tmp_path)
    with pytest.raises(InputError):
        read_document(path, max_bytes=path.stat().st_size - 1)


# --- budgets: what a hostile .docx costs -----------------------------------------------------------

def test_a_part_compressed_with_a_method_word_never_uses_is_refused(tmp_path: Path) -> None:
    from tests.hostile import docx

    source = docx(tmp_path / "plain.docx", ["1-бап."])
    target = tmp_path / "bzip2.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, old.read(info.filename), compress_type=zipfile.ZIP_BZIP2)
    with pytest.raises(InputError, match="method Word never uses"):
        read_document(target)


def test_a_part_larger_than_it_declares_is_cut_off_not_inflated(tmp_path: Path) -> None:
    from tests.hostile import docx, lie_about_size

    path = docx(tmp_path / "lie.docx", [], raw_body="<w:p/>" * 200_000)
    lie_about_size(path, "word/document.xml", 1000)
    with pytest.raises(InputError, match=r"not a valid \.docx"):
        read_document(path)


def test_a_numbering_label_of_thousands_of_placeholders_is_refused(tmp_path: Path) -> None:
    from tests.hostile import docx, numbering_xml

    path = docx(tmp_path / "bomb.docx", ["тармақ"] * 3, numbered=True,
                numbering=numbering_xml("%1" * 20_000))
    with pytest.raises(InputError, match="numbering label longer than 64") as caught:
        read_document(path)
    assert caught.value.location == str(path)


def test_a_long_but_real_label_is_kept(tmp_path: Path) -> None:
    from tests.hostile import docx, numbering_xml

    path = docx(tmp_path / "ok.docx", ["тармақ"], numbered=True, numbering=numbering_xml("Бап %1."))
    assert [line.text for line in read_document(path).lines] == ["Бап 1. тармақ"]


def test_a_paragraph_of_too_many_elements_is_refused(tmp_path: Path) -> None:
    from tests.hostile import docx

    path = docx(tmp_path / "runs.docx", [], raw_body="<w:p>" + "<w:r/>" * 60_000 + "</w:p>")
    with pytest.raises(InputError, match="more than 50000 XML elements"):
        read_document(path)
