"""Persian text as a reader and a search box expect it.

Stored text is kept as published (ZWNJ, Arabic-form letters and all); what is
normalised is the *search key*: Arabic yeh and kaf become their Persian
forms, Persian and Arabic-Indic digits become ASCII, diacritics and tatweel
go, and a word written with a zero-width non-joiner (می‌شود) can be found
whether the query joins it (میشود), keeps the ZWNJ or splits it (می شود).
"""

from __future__ import annotations

import re
import unicodedata

import jdatetime

ZWNJ = "\u200c"
LETTERS = str.maketrans({"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9", "\u0629": "\u0647",
                         "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627"})
DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640]")  # harakat, superscript alef, tatweel
JOINED_WORD = re.compile(rf"\w+(?:{ZWNJ}\w+)+")
PERSIAN_LETTER = re.compile(r"[\u0600-\u06ff]")


def to_ascii_digits(text: str) -> str:
    return text.translate(DIGITS)


def normalize_query(text: str) -> str:
    """A query as the search key spells it: Persian letters, ASCII digits, ZWNJ joined."""
    return MARKS.sub("", unicodedata.normalize("NFKC", text).translate(LETTERS).translate(DIGITS)).replace(ZWNJ, "")


def search_key(text: str) -> str | None:
    """Extra text for the full-text index, or None when the text has no Persian script."""
    if not PERSIAN_LETTER.search(text):
        return None
    normal = MARKS.sub("", unicodedata.normalize("NFKC", text).translate(LETTERS).translate(DIGITS))
    joined = " ".join(word.replace(ZWNJ, "") for word in JOINED_WORD.findall(normal))
    return normal.replace(ZWNJ, " ") + ("\n" + joined if joined else "")


def jalali_to_iso(year: int, month: int, day: int) -> str:
    """A Solar Hijri date as a Gregorian ``YYYY-MM-DD`` (raises ValueError if it does not exist)."""
    return jdatetime.date(year, month, day).togregorian().isoformat()
