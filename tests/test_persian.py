"""Persian text: dates, search keys, normalisation (no crawl; see test_crawl_persian)."""

from __future__ import annotations

import pytest

from crawler.pages.scfr import ArticlePage
from newsarchive.archive import Archive, SearchError
from newsarchive.persian import jalali_to_iso, normalize_query, search_key
from newsarchive.search import search


@pytest.mark.parametrize(("jalali", "gregorian"), [
    ((1398, 1, 24), "2019-04-13"),   # the seed article's date (SITE.md)
    ((1398, 12, 29), "2020-03-19"),  # last day of 1398
    ((1399, 1, 1), "2020-03-20"),    # Nowruz 1399
    ((1399, 12, 30), "2021-03-20"),  # 1399 is a leap year: Esfand has 30 days
    ((1400, 1, 1), "2021-03-21"),
    ((1402, 1, 1), "2023-03-21"),
    ((1403, 12, 30), "2025-03-20"),  # 1403 is a leap year
    ((1367, 10, 11), "1989-01-01"),
])
def test_solar_hijri_dates_convert_to_gregorian(jalali, gregorian):
    assert jalali_to_iso(*jalali) == gregorian


def test_a_date_that_does_not_exist_is_an_error():
    with pytest.raises(ValueError):
        jalali_to_iso(1400, 12, 30)  # 1400 is not a leap year


@pytest.mark.parametrize(("shown", "iso"), [("۱۳۹۸/۰۱/۲۴", "2019-04-13"), ("١٣٩٩/٠١/٠١", "2020-03-20"),
                                            ("1403/12/30", "2025-03-20")])
def test_meta_line_dates_in_persian_digits_are_read(shown, iso):
    html = (f'<html lang="fa-IR" dir="rtl"><body class="single single-post"><article class="et_pb_post">'
            f'<div class="et_post_meta_wrapper"><h1 class="entry-title">عنوان</h1><p class="post-meta">'
            f'<span class="published">{shown}</span></p></div><div class="entry-content"><p>متن</p></div>'
            f'</article></body></html>')
    page = ArticlePage("https://www.scfr.ir/fa/news/1/x/", html)
    assert (page.published(), page.published_raw()) == (iso, shown)


def test_search_key_maps_arabic_letters_and_digits():
    assert search_key("كتاب علي ۱۴۰۲") == "کتاب علی 1402"


def test_search_key_holds_a_zwnj_word_both_joined_and_split():
    key = search_key("این کار می‌شود")
    assert "می شود" in key and "میشود" in key.split()


def test_english_text_needs_no_search_key():
    assert search_key("Securing Iran-Pakistan Border") is None


@pytest.mark.parametrize("query", ["می‌شود", "میشود", "می شود", "مي‌شود", '"می شود"'])
def test_persian_queries_find_a_zwnj_word_however_written(tmp_path, query):
    with Archive(tmp_path / "a.db") as archive:
        archive.save_article({"url": "https://www.scfr.ir/fa/news/1/x/", "title": "عنوان", "published": "2020-03-20",
                              "body": "شورای راهبردی آنلاین: این کار می‌شود.", "lang": "fa"}, None)
        assert [hit["url"] for hit in search(archive, query)] == ["https://www.scfr.ir/fa/news/1/x/"]


def test_arabic_form_letters_in_stored_text_are_found_with_persian_letters(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        archive.save_article({"url": "https://www.scfr.ir/fa/news/2/y/", "title": "عنوان", "published": "2020-03-20",
                              "body": "متن قديمي با كاف عربي", "lang": "fa"}, None)
        assert len(search(archive, "قدیمی کاف")) == 1


def test_stored_text_keeps_zwnj(tmp_path):
    with Archive(tmp_path / "a.db") as archive:
        archive.save_article({"url": "https://www.scfr.ir/fa/news/1/x/", "title": "عنوان", "published": "2020-03-20",
                              "body": "می‌شود", "lang": "fa"}, None)
        assert archive.db["articles"].get("https://www.scfr.ir/fa/news/1/x/")["body"] == "می\u200cشود"


def test_query_normalisation_joins_zwnj_and_maps_letters():
    assert normalize_query("مي‌شود ك ۱۲") == "میشود ک 12"


def test_a_malformed_query_is_a_one_line_error(tmp_path):
    with Archive(tmp_path / "a.db") as archive, pytest.raises(SearchError, match="cannot search for"):
        search(archive, '"unbalanced')
