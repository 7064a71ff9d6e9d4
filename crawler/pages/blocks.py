"""Text blocks as the site repeats them: a key per block, independent of markup.

Two blocks have the same key when they read the same once case, digits
("2 Comments" / "5 Comments"), punctuation spacing and whitespace are set
aside; the key is a stable 63-bit integer (SQLite's INTEGER).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache


DIGITS = re.compile(r"\d+")
JOINERS = str.maketrans({"\u200c": " ", "\u200d": " "})  # Persian's (non-)joiners count as spacing


@lru_cache(maxsize=4096)  # an article's paragraphs are keyed by three stages in a row
def block_key(text: str) -> int:
    # split() and join(): runs of whitespace as one space, twice as fast as a regex substitution
    normal = " ".join(DIGITS.sub("0", unicodedata.normalize("NFKC", text).casefold()).translate(JOINERS).split())
    return int.from_bytes(hashlib.blake2b(normal.encode("utf-8"), digest_size=8).digest(), "big") >> 1
