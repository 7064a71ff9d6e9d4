"""Arabic folding in the search key (as Lucene's ArabicNormalizer folds), on a real archive, and the
migration that re-keys old archives (no crawl; Persian folding is in test_persian)."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlite_utils import Database

from newsarchive.archive import Archive, content_hash
from newsarchive.persian import fold, normalize_query, search_key
from newsarchive.schema import migrations
from newsarchive.search import count_by, search

URL = "https://www.scfr.ir/ar/news/1/x/"
OTHER = "https://www.scfr.ir/ar/news/2/y/"

# (as one writer spells the word, as another does): each pair differs by one folding rule.
SPELLINGS = [
    pytest.param("الأمن", "الامن", id="alef-hamza-above"),
    pytest.param("إيران", "ايران", id="alef-hamza-below"),
    pytest.param("القرآن", "القران", id="alef-madda"),
    pytest.param("ٱلسلام", "السلام", id="alef-wasla"),
    pytest.param("الحكومة", "الحكومه", id="teh-marbuta"),
    pytest.param("مستشفى", "مستشفي", id="alef-maqsura"),
    pytest.param("الدولـــية", "الدولية", id="tatweel"),
    pytest.param("العَرَبِيَّة", "العربية", id="fatha-kasra-shadda"),
    pytest.param("شكرًا", "شكرا", id="fathatan"),
    pytest.param("مُسْتَقْبَل", "مستقبل", id="damma-sukun"),
    pytest.param("هٰذا", "هذا", id="superscript-alef"),
    pytest.param("مسألة", "مسالة", id="hamza-and-teh-marbuta"),
    pytest.param("ﻣﺴﺄﻟﺔ", "مسألة", id="presentation-forms"),
]


def save(archive: Archive, url: str, title: str, body: str) -> None:
    archive.save_article({"url": url, "title": title, "published": "2024-01-01", "body": body, "lang": "ar"}, None)


def found(archive: Archive, query: str) -> list[str]:
    return [hit["url"] for hit in search(archive, query)]


@pytest.fixture
def archive(tmp_path):
    with Archive(tmp_path / "archive.db") as store:
        yield store


# -- the folding itself ---------------------------------------------------------
@pytest.mark.parametrize(("written", "folded"), [
    ("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"),           # hamza/madda/wasla alef → bare alef
    ("ا\u0654", "ا"), ("ا\u0655", "ا"), ("ا\u0653", "ا"),      # the same, decomposed
    ("ة", "ه"),                                               # teh marbuta → heh
    ("ى", "ی"), ("ي", "ی"), ("ك", "ک"),                        # (Arabic → Persian yeh and keheh: both sides alike)
    ("ـ", ""),                                                # tatweel
    *[(chr(c), "") for c in range(0x064B, 0x0653)],           # harakat: tanween, fatha… sukun
    *[(chr(c), "") for c in range(0x0656, 0x0660)],
    ("\u0670", ""),                                           # superscript alef
    ("١٢٣", "123"), ("۴۵۶", "456"),
])
def test_folding_rules(written, folded):
    assert fold(written) == folded


@pytest.mark.parametrize("word", ["مؤتمر", "رئيس", "ؤ", "ئ", "و\u0654", "ي\u0654"])
def test_hamza_on_waw_and_yeh_stays_as_lucene_leaves_it(word):
    folded = fold(word)
    assert ("ؤ" in folded) != ("ئ" in folded)  # one of them, composed if it came decomposed
    assert set(folded) <= set("مؤتمررئیس")


def test_lucene_examples_fold_to_one_key():
    for written in SPELLINGS:
        one, other = written.values
        assert search_key(one) == search_key(other) == normalize_query(one) == normalize_query(other)


def test_arabic_text_without_a_persian_letter_gets_a_key():
    assert search_key("مسألة الأمن") == "مساله الامن"
    assert search_key("ﻣﺴﺄﻟﺔ") == "مساله"  # presentation forms only
    assert search_key("Securing Iran-Pakistan Border") is None


def test_folding_leaves_latin_and_unrelated_letters_alone():
    assert fold("Iran ایران ؟ ، ء") == "Iran ایران ؟ ، ء"


ARABIC_TEXT = st.text(st.sampled_from(
    [chr(c) for c in range(0x0600, 0x0700)] + [chr(c) for c in range(0xFE70, 0xFEFD)] + [" ", "\u200c", "a"]),
    max_size=30)


@given(ARABIC_TEXT)
def test_folding_is_idempotent_and_query_and_key_agree(text):
    assert fold(fold(text)) == fold(text)
    if "\u200c" not in text and search_key(text) is not None:
        assert search_key(text) == normalize_query(text)
    assert not re.search(r"[\u0622\u0623\u0625\u0671\u0629\u0649\u064a\u0640\u064b-\u065f\u0670]", fold(text))


# -- a real archive --------------------------------------------------------------
@pytest.mark.parametrize(("one", "other"), SPELLINGS)
@pytest.mark.parametrize("stored_first", [True, False], ids=["stored-as-first", "stored-as-second"])
def test_the_article_is_found_whichever_spelling_is_stored_or_queried(archive, one, other, stored_first):
    stored, written = (one, other) if stored_first else (other, one)
    title, body = f"تقرير عن {stored}", f"مجلس العلاقات الخارجية: نص يذكر {stored} في فقرة."
    save(archive, URL, title, body)
    save(archive, OTHER, "تقرير آخر", "نص لا علاقة له بالموضوع.")
    for query in (written, stored, f'"يذكر {written}"', f"{written}*"):
        assert found(archive, query) == [URL], query
    row = archive.db["articles"].get(URL)
    assert (row["title"], row["body"]) == (title, body)  # stored text stays as published
    assert archive.db["revisions"].get(1)["body"] == body


def test_a_title_match_is_found_and_counted(archive):
    save(archive, URL, "الأمن الإقليمي في الخليج", "نص.")
    assert found(archive, "الامن الاقليمي") == [URL]
    assert count_by(archive, "الأمن", "lang") == [{"lang": "ar", "articles": 1}]


def test_hamza_on_waw_is_not_folded_away(archive):
    save(archive, URL, "عنوان", "انعقد المؤتمر أمس.")
    assert found(archive, "المؤتمر") == [URL]
    assert found(archive, "الموتمر") == []


def test_an_arabic_query_finds_an_arabic_page_and_a_persian_query_a_persian_page(archive):
    save(archive, URL, "كتاب علي", "هذا كتاب علي عن السياسة.")
    archive.save_article({"url": "https://www.scfr.ir/fa/news/3/z/", "title": "آمریکا", "published": "2024-01-01",
                          "body": "سیاست آمریکا در منطقه می‌شود.", "lang": "fa"}, None)
    assert found(archive, "كتاب علي") == [URL]
    assert found(archive, "کتاب علی") == [URL]
    assert found(archive, "آمریکا") == found(archive, "امریکا") == ["https://www.scfr.ir/fa/news/3/z/"]
    assert found(archive, "میشود") == ["https://www.scfr.ir/fa/news/3/z/"]


def test_an_english_article_gets_no_key(archive):
    archive.save_article({"url": "https://www.scfr.ir/en/news/4/w/", "title": "Iran", "published": "2024-01-01",
                          "body": "Securing Iran-Pakistan Border", "lang": "en"}, None)
    assert archive.db["articles"].get("https://www.scfr.ir/en/news/4/w/")["search_text"] is None
    assert found(archive, "Pakistan") == ["https://www.scfr.ir/en/news/4/w/"]


# -- old archives ------------------------------------------------------------------
def old_search_key(text: str) -> str | None:
    """The key as archives before m009 hold it: no alef madda folding, and none for presentation forms."""
    if not re.search(r"[\u0600-\u06ff]", text):
        return None
    letters = str.maketrans({"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9", "\u0629": "\u0647",
                             "\u0623": "\u0627", "\u0625": "\u0627", "\u0671": "\u0627"})
    return re.sub(r"[\u064b-\u065f\u0670\u0640]", "", unicodedata.normalize("NFKC", text).translate(letters))


def test_migration_rekeys_arabic_rows_of_an_old_archive_and_the_index_follows(tmp_path):
    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before="m009_arabic_search_key")
    rows = [("https://www.scfr.ir/ar/news/1/x/", "القرآن الكريم", "نص عن القرآن."),          # key changes
            ("https://www.scfr.ir/ar/news/2/y/", "ﻣﺴﺄﻟﺔ", "ﺍﻟﺄﻣﻦ"),                            # no key before
            ("https://www.scfr.ir/fa/news/3/z/", "عنوان", "متن فارسی بدون تغییر"),            # key unchanged
            ("https://www.scfr.ir/en/news/4/w/", "Iran", "Securing Iran-Pakistan Border")]    # no key at all
    for url, title, body in rows:
        db["articles"].insert({"url": url, "title": title, "published": "2024-01-01", "body": body,
                               "content_hash": content_hash(title, body), "search_text": old_search_key(f"{title}\n{body}")})
    db.execute("CREATE TABLE touched (url TEXT)")
    db.execute("CREATE TRIGGER touch AFTER UPDATE ON articles BEGIN INSERT INTO touched VALUES (new.url); END")
    db.conn.commit()
    assert [r[0] for r in db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'القران'")] == []
    db.close()

    with Archive(path) as archive:
        assert "m009_arabic_search_key" in {r["name"] for r in archive.db["_sqlite_migrations"].rows}
        assert {r[0] for r in archive.db.execute("SELECT url FROM touched")} == {rows[0][0], rows[1][0]}
        for url, title, body in rows:
            row = archive.db["articles"].get(url)
            assert (row["title"], row["body"], row["search_text"]) == (title, body, search_key(f"{title}\n{body}"))
        # the full-text index holds the new keys and no longer the old ones
        assert [r[0] for r in archive.db.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'search_text : القرآن'")] == []
        archive.db.execute("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)")
        assert found(archive, "القران") == found(archive, "القرآن") == [rows[0][0]]
        assert found(archive, "مسالة") == found(archive, "الأمن") == [rows[1][0]]
        assert found(archive, "فارسی") == [rows[2][0]]
        assert found(archive, "Pakistan") == [rows[3][0]]

