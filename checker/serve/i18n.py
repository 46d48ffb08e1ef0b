"""The page's own words in Kazakh, Russian and English; the report itself brings its own.

The interface language is the report language the drafter picked (or their browser's), so one
choice governs both. Error texts say what to do next, never how the server failed inside.
"""

from __future__ import annotations

from checker.model import LANGUAGES

DEFAULT_LANG = "kk"
LANGUAGE_NAMES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}

STRINGS: dict[str, dict[str, str]] = {
    "title": {"kk": "lawcheck: заң жобасын тексеру", "ru": "lawcheck: проверка законопроекта",
              "en": "lawcheck: check a draft law"},
    "intro": {
        "kk": "Түзетулер туралы заң жобасын таңдаңыз: әрбір түзету Конституциялық Соттың нормативтік "
              "қаулыларындағы құқықтық ұстанымдармен салыстырылады.",
        "ru": "Выберите проект закона о поправках: каждая поправка будет сверена с правовыми позициями "
              "нормативных постановлений Конституционного Суда.",
        "en": "Choose a draft amending law: each amendment is checked against the legal positions of "
              "the Constitutional Court's normative resolutions.",
    },
    "file_label": {"kk": "Заң жобасы (.docx, .txt, .pdf, .html, .rtf, .odt)", "ru": "Законопроект (.docx, .txt, .pdf, .html, .rtf, .odt)",
                   "en": "Draft (.docx, .txt, .pdf, .html, .rtf, .odt)"},
    "file_hint": {"kk": "Ең көбі {limit}. Файл серверде сақталмайды.",
                  "ru": "Не более {limit}. Файл на сервере не сохраняется.",
                  "en": "At most {limit}. The file is not kept on the server."},
    "lang_label": {"kk": "Есеп тілі", "ru": "Язык отчёта", "en": "Report language"},
    "submit": {"kk": "Тексеру", "ru": "Проверить", "en": "Check"},
    "interface": {"kk": "Интерфейс тілі", "ru": "Язык интерфейса", "en": "Interface language"},
    "downloads": {"kk": "Осы тексерудің есебін жүктеу", "ru": "Скачать отчёт этой проверки",
                  "en": "Download the report of this check"},
    "table_docx": {"kk": "Салыстырмалы кесте (.docx)", "ru": "Сравнительная таблица (.docx)",
                   "en": "Comparative table (.docx)"},
    "table_html": {"kk": "Салыстырмалы кесте (HTML)", "ru": "Сравнительная таблица (HTML)",
                   "en": "Comparative table (HTML)"},
    "again": {"kk": "Басқа жобаны тексеру", "ru": "Проверить другой проект", "en": "Check another draft"},
    "error_title": {"kk": "Файл тексерілмеді", "ru": "Файл не проверен", "en": "The file was not checked"},
    "detail": {"kk": "Толығырақ", "ru": "Подробности", "en": "Details"},
    "no_file": {"kk": "Файл таңдалмаған. Заң жобасын таңдап, қайта басыңыз.",
                "ru": "Файл не выбран. Выберите законопроект и нажмите ещё раз.",
                "en": "No file was chosen. Choose a draft and press Check again."},
    "empty_file": {"kk": "Файл бос. Жобаның мәтіні бар файлды таңдаңыз.",
                   "ru": "Файл пуст. Выберите файл с текстом проекта.",
                   "en": "The file is empty. Choose the file that holds the draft's text."},
    "too_large": {"kk": "Файл тым үлкен (ең көбі {limit}). Жобаны бөліңіз немесе ендірілген суреттерді алып тастаңыз.",
                  "ru": "Файл слишком велик (не более {limit}). Разделите проект или удалите встроенные рисунки.",
                  "en": "The file is too large (the limit is {limit}). Split the draft or remove embedded images."},
    "bad_type": {"kk": "«{suffix}» файлдарын оқи алмаймын. Жобаны .docx немесе .txt ретінде сақтаңыз.",
                 "ru": "Файлы «{suffix}» не читаются. Сохраните проект как .docx или .txt.",
                 "en": "'{suffix}' files cannot be read. Save the draft as .docx or .txt."},
    "bad_lang": {"kk": "Есеп тілі белгісіз. kk, ru немесе en таңдаңыз.",
                 "ru": "Неизвестный язык отчёта. Выберите kk, ru или en.",
                 "en": "Unknown report language. Choose kk, ru or en."},
    "bad_form": {"kk": "Сұрау бұзылған. Бетті жаңартып, файлды қайта таңдаңыз.",
                 "ru": "Запрос повреждён. Обновите страницу и выберите файл снова.",
                 "en": "The request is malformed. Reload the page and choose the file again."},
    "unreadable": {"kk": "Файлды оқу мүмкін болмады.", "ru": "Файл не удалось прочитать.",
                   "en": "The file could not be read."},
    "busy": {"kk": "Сервер бос емес. Біраздан кейін қайталаңыз.",
             "ru": "Сервер занят. Повторите через минуту.",
             "en": "The server is busy. Try again in a minute."},
    "timeout": {"kk": "Тексеру тым ұзаққа созылды ({seconds} с). Жобаны бөліп тексеріңіз.",
                "ru": "Проверка заняла слишком много времени ({seconds} с). Проверьте проект по частям.",
                "en": "The check took too long ({seconds} s). Check the draft in parts."},
    "internal": {"kk": "Ішкі қате: жоба тексерілмеді. Әкімшіге хабарлаңыз.",
                 "ru": "Внутренняя ошибка: проект не проверен. Сообщите администратору.",
                 "en": "Internal error: the draft was not checked. Tell the administrator."},
    "not_found": {"kk": "Мұндай бет жоқ.", "ru": "Такой страницы нет.", "en": "There is no such page."},
}


def t(key: str, lang: str, **values: object) -> str:
    """The string `key` in `lang` (English when a language misses it), with {values} filled in."""
    texts = STRINGS[key]
    text = texts.get(lang) or texts["en"]
    return text.format(**values) if values else text


def pick_language(wanted: str | None, accept_language: str | None) -> str:
    """`wanted` when it is kk/ru/en, else the first of them the browser accepts, else Kazakh."""
    if wanted in LANGUAGES:
        return str(wanted)
    for part in (accept_language or "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGUAGES:
            return code
    return DEFAULT_LANG
