"""Persian and Arabic text as a reader and a search box expect it.

Stored text is kept as published (ZWNJ, hamza, diacritics and all); what is
folded is the *search key* (``articles.search_text``) and, the same way, the
query (:func:`normalize_query`), so that a word is found however it is spelt:

* Arabic, as Lucene's ArabicNormalizer folds it: alef with hamza or madda
  (أ إ آ) and alef wasla (ٱ) become bare alef ا, teh marbuta ة becomes heh ه,
  alef maqsura ى becomes yeh, tatweel ـ and the diacritics (harakat
  U+064B–U+065F, superscript alef U+0670) go. Hamza on waw and on yeh (ؤ ئ)
  stay, as Lucene leaves them.
* Persian: Arabic yeh (ي, and so ى) becomes Persian yeh ی and Arabic kaf ك
  Persian keheh ک, so Arabic-form letters in Persian pages are found with a
  Persian keyboard; Arabic pages and queries fold the same way, so an Arabic
  query still finds an Arabic page. A word written with a zero-width
  non-joiner (می‌شود) is found whether the query joins it (میشود), keeps the
  ZWNJ or splits it (می شود).
* Persian and Arabic-Indic digits become ASCII; presentation forms (ﻣﺴﺄﻟﺔ)
  become plain letters (NFKC).
"""

from __future__ import annotations

import re
import unicodedata

import jdatetime

ZWNJ = "\u200c"
# Lucene's ArabicNormalizer, plus alef wasla.
ARABIC_FOLDING = {"\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",  # أ إ آ ٱ → ا
                  "\u0629": "\u0647",   # ة → ه
                  "\u0649": "\u064a"}   # ى → ي
# Arabic-form letters as a Persian keyboard types them (applied after ARABIC_FOLDING: ى → ي → ی).
PERSIAN_FOLDING = {"\u064a": "\u06cc", "\u0643": "\u06a9"}  # ي → ی, ك → ک
LETTERS = str.maketrans({**PERSIAN_FOLDING, **{k: PERSIAN_FOLDING.get(v, v) for k, v in ARABIC_FOLDING.items()}})
DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
MARKS = re.compile(r"[\u064b-\u065f\u0670\u0640]")  # harakat, superscript alef, tatweel
JOINED_WORD = re.compile(rf"\w+(?:{ZWNJ}\w+)+")
# Arabic, Arabic Supplement, Arabic Extended-A/B and the presentation forms (NFKC makes them plain letters).
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")


def to_ascii_digits(text: str) -> str:
    return text.translate(DIGITS)


def fold(text: str) -> str:
    """Letters, digits and marks folded as the search key spells them (ZWNJ kept)."""
    return MARKS.sub("", unicodedata.normalize("NFKC", text).translate(LETTERS).translate(DIGITS))


def normalize_query(text: str) -> str:
    """A query as the search key spells it: folded letters, ASCII digits, ZWNJ joined."""
    return fold(text).replace(ZWNJ, "")


def search_key(text: str) -> str | None:
    """Extra text for the full-text index, or None when the text has no Arabic script (Persian or Arabic)."""
    if not ARABIC_SCRIPT.search(text):
        return None
    normal = fold(text)
    joined = " ".join(word.replace(ZWNJ, "") for word in JOINED_WORD.findall(normal))
    return normal.replace(ZWNJ, " ") + ("\n" + joined if joined else "")


def jalali_to_iso(year: int, month: int, day: int) -> str:
    """A Solar Hijri date as a Gregorian ``YYYY-MM-DD`` (raises ValueError if it does not exist)."""
    return jdatetime.date(year, month, day).togregorian().isoformat()
