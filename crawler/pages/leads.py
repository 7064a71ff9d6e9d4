"""Lead prefixes, article types and bylines, as the site prints them.

Every article's lead opens with the site's name and, usually, the kind of
piece ("Strategic Council Online – Opinion:", "شورای راهبردی آنلاین – گزارش:",
"المجلس الاستراتيجي أونلاين ـ حوار:"); the dash and spacing vary from page to
page. The kind word is mapped to a small vocabulary (``TYPES``); the prefix
as printed is kept beside it. Opinion pieces name their writer in a byline
(``Name – Title``, ``Name-Title``, ``Name, Title``) right after the lead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SITE_NAMES = ("Strategic Council Online", "Online Strategic Council", "شورای راهبردی آنلاین",
              "المجلس الاستراتيجي أونلاين", "المجلس الاستراتيجي اونلاين")
# en dash, em dash, hyphen, minus, figure dash, horizontal bar and the Arabic tatweel the Arabic edition uses as a dash
DASHES = "–—‒―−\\-ـ"
TYPES = ("Interview", "Opinion", "Note", "News", "Report", "Guest post", "Memoir", "Monitor", "Analysis", "Other")
"""The ``type`` vocabulary. ``News``: a lead with no kind word. ``Other``: a kind word
that is none of the others (kept as printed in ``lead_prefix``, counted by the crawl)."""
KIND_WORDS = {
    "Interview": ("interview", "گفتگو", "گفت‌وگو", "گفت و گو", "گفت وگو", "مصاحبه", "حوار", "مقابلة"),
    "Opinion": ("opinion", "viewpoint", "دیدگاه", "رأي", "رأی", "رای", "راي", "وجهة نظر"),
    "Note": ("note", "یادداشت", "ملاحظة"),
    "News": ("news", "خبر", "أخبار", "اخبار"),
    "Report": ("report", "گزارش", "تقرير"),
    "Guest post": ("guest post", "guest opinion", "guest note", "guest article"),
    "Memoir": ("memoir", "memoirs", "خاطره", "خاطرات", "مذكرات"),
    "Monitor": ("monitor", "monitoring", "رصد"),
    "Analysis": ("analysis", "تحلیل", "تحليل"),
}
_TYPE_OF_KIND = {word: kind for kind, words in KIND_WORDS.items() for word in words}
_PREFIX = re.compile(
    rf"^\s*(?P<site>{'|'.join(SITE_NAMES)})\s*(?P<sep>[:：{DASHES}])?[ \t\u00a0]*"
    rf"(?:(?P<kind>[^:：\n.،,؛]{{1,30}}?)\s*[:：])?"
)
UNKNOWN_KIND_WORDS = 2  # a kind word nobody listed is short; longer text before a colon is the lead's sentence


@dataclass(frozen=True)
class LeadPrefix:
    printed: str
    """The prefix exactly as printed, e.g. ``Strategic Council Online – Opinion:``."""
    type: str
    """One of ``TYPES``."""
    kind: str | None
    """The kind word as printed, None when the lead has none."""


def _kind_key(word: str) -> str:
    return " ".join(word.split()).casefold()


def read_prefix(lead: str | None) -> LeadPrefix | None:
    """The lead's prefix and the type it names, None when the lead does not open with the site's name."""
    match = _PREFIX.match(lead or "")
    if not match:
        return None
    kind = match.group("kind")
    if kind is not None:
        kind = kind.strip(f" \t{DASHES}")
        known = _TYPE_OF_KIND.get(_kind_key(kind))
        if known is None and _may_be_kind(kind):
            return LeadPrefix(match.group(0).strip(), "Other", kind)
        if known is not None:
            return LeadPrefix(match.group(0).strip(), known, kind)
    # no kind word: the site's name and its separator ("Strategic Council Online:", "… –")
    printed = lead[:match.end("sep")] if match.group("sep") else lead[:match.end("site")]
    return LeadPrefix(printed.strip(), "News", None)


def _may_be_kind(word: str) -> bool:
    """A word before the colon that no vocabulary lists but reads as a kind ("Analysis:", not "An expert said:")."""
    words = word.split()
    return (0 < len(words) <= UNKNOWN_KIND_WORDS and not any(c.isdigit() for c in word)
            and all(w[0].isupper() for w in words if w[:1].isascii()))


# -- bylines -----------------------------------------------------------------
QUESTION = re.compile(r"^\s*(Q|Question|س|سوال|سؤال|پرسش)\s*[.:：\-–]", re.I)
_SPACED_DASH = re.compile(rf"\s*[–—‒―−ـ]\s*|\s+-\s*|\s*-\s+")
_COMMA = re.compile(r"\s*[,،]\s*")
NAME_WORDS = (1, 6)
NAME_PARTICLES = frozenset({"bin", "ibn", "al", "el", "de", "van", "von", "der", "da", "di", "du", "la", "le", "ul"})
TITLE_WORDS = frozenset({"dr", "dr.", "prof", "prof.", "mr", "mr.", "mrs", "mrs.", "ms", "ms."})


def looks_like_name(text: str) -> bool:
    """A person's name as bylines print it: a few words, no digits; Latin words capitalised."""
    words = text.split()
    if not NAME_WORDS[0] <= len(words) <= NAME_WORDS[1] or len(text) > 60:
        return False
    if any(c.isdigit() for c in text) or any(c in text for c in ":;!?()\"“”"):
        return False
    if any(text.startswith(name) for name in SITE_NAMES):
        return False
    latin = [w for w in words if w[:1].isascii() and w[:1].isalpha()]
    if latin and len(latin) < 2 and len(words) < 2:
        return False
    return all(w[0].isupper() or w.casefold() in NAME_PARTICLES for w in latin)


def read_byline(line: str) -> str | None:
    """The writer's name in a byline line (``Name – Title``, ``Name-Title``, ``Name, Title``), else None."""
    text = " ".join(line.split())
    if not text or len(text) > 200 or QUESTION.match(text) or text.endswith((".", "…", ":", "؟", "?")):
        return None
    for separator in (_SPACED_DASH, _COMMA):
        parts = separator.split(text, maxsplit=1)
        if len(parts) == 2 and parts[1] and looks_like_name(parts[0]):
            return parts[0]
    # "Barsam Mohammadi-Expert of regional issues": an unspaced hyphen, a name of
    # two words or more on its left (names are hyphenated too: "Mohammad-Reza")
    for match in re.finditer(r"(?<=\w)-(?=\w)", text):
        name, role = text[:match.start()], text[match.end():]
        if len(name.split()) >= 2 and len(role.split()) >= 2 and looks_like_name(name) and role[0].isupper():
            return name
    return None
