"""HTML/XML templates of the replica, modelled on the saved pages of www.scfr.ir.

Every page of the site shares one outer Divi frame (head assets, top header,
menu, footer, scripts, cookie notice); the frame is built by :func:`frame`
and the page types only supply what goes inside ``#main-content``.  Chunks
copied verbatim from the samples carry an ``@SITE@`` placeholder for the
origin so the replica links to itself instead of to the real site.

Functions return ``str``; the server encodes (UTF-8 or the article's charset).
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import random
from dataclasses import dataclass, field
from itertools import islice
from typing import Iterable
from datetime import date, datetime, timezone
from urllib.parse import quote
from xml.sax.saxutils import escape as xml_escape

from .content import (
    AR_SITE_DESCRIPTION,
    AR_SITE_NAME,
    LATEST_FA_HEADING,
    LiveOptions,
    wp_quote_upper,
    CATEGORIES,
    EXCERPT_WORDS,
    FA_SITE_DESCRIPTION,
    FA_SITE_NAME,
    HTML_LANG,
    INLINE_RE,
    JALALI_MONTHS,
    PER_PAGE,
    POSTING_ACCOUNT,
    SITE_DESCRIPTION,
    SITE_NAME,
    SITEMAP_MAX_URLS,
    Article,
    SiteIndex,
    categories_of,
    category_path,
    category_slug_by_name,
    fa_digits,
    jalali,
    shift_jalali_month,
    slugify,
    tag_slug,
    to_tehran,
    wp_quote,
)

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

# --------------------------------------------------------------------------
# Verbatim chunks of the real pages (from the saved samples)
# --------------------------------------------------------------------------

HEAD_SCRIPTS = r"""<meta http-equiv="X-UA-Compatible" content="IE=edge">
<link rel="pingback" href="@SITE@/en/xmlrpc.php" />
<script type="text/javascript">
		document.documentElement.className = 'js';
	</script>
<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin />
<style id="et-divi-open-sans-inline-css">/* Original: https://fonts.googleapis.com/css?family=Open+Sans:300italic,400italic,600italic,700italic,800italic,400,300,600,700,800&#038;subset=latin,latin-ext&#038;display=swap *//* User Agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) */@font-face {font-family: 'Open Sans';font-style: italic;font-weight: 300;font-stretch: normal;font-display: swap;src: url(https://fonts.gstatic.com/s/opensans/v40/memQYaGs126MiZpBA-UFUIcVXSCEkx2cmqvXlWq8tWZ0Pw86hd0Rk5hkWV4exQ.ttf) format('truetype');}</style>
<script id="diviarea-loader">window.DiviPopupData=window.DiviAreaConfig={"zIndex":1000000,"animateSpeed":400,"triggerClassPrefix":"show-popup-","idAttrib":"data-popup","modalIndicatorClass":"is-modal","blockingIndicatorClass":"is-blocking","defaultShowCloseButton":true,"withCloseClass":"with-close","noCloseClass":"no-close","triggerCloseClass":"close","singletonClass":"single","darkModeClass":"dark","noShadowClass":"no-shadow","altCloseClass":"close-alt","popupSelector":".et_pb_section.popup","initializeOnEvent":"et_pb_after_init_modules","popupWrapperClass":"area-outer-wrap","fullHeightClass":"full-height","openPopupClass":"da-overlay-visible","overlayClass":"da-overlay","exitIndicatorClass":"on-exit","hoverTriggerClass":"on-hover","clickTriggerClass":"on-click","onExitDelay":2000,"onHoverDelay":350,"debug":false};</script>
"""

HEAD_ASSETS = r"""<meta content="Divi v.4.24.2" name="generator"/>
<link rel='stylesheet' id='wp-block-library-css' href='@SITE@/wp-includes/css/dist/block-library/style.min.css?ver=6.4.3' type='text/css' media='all' />
<link rel='stylesheet' id='cookie-notice-front-css' href='@SITE@/wp-content/plugins/cookie-notice/css/front.min.css?ver=2.4.13' type='text/css' media='all' />
<link rel='stylesheet' id='addtoany-css' href='@SITE@/wp-content/plugins/add-to-any/addtoany.min.css?ver=1.16' type='text/css' media='all' />
<link rel='stylesheet' id='css-divi-area-css' href='@SITE@/wp-content/plugins/popups-for-divi/styles/front.min.css?ver=3.0.6' type='text/css' media='all' />
<link rel='stylesheet' id='divi-style-parent-css' href='@SITE@/wp-content/themes/Divi/style-static.min.css?ver=4.24.2' type='text/css' media='all' />
<link rel='stylesheet' id='divi-style-css' href='@SITE@/wp-content/themes/Divi-child/style.css?ver=4.24.2' type='text/css' media='all' />
<style id='global-styles-inline-css' type='text/css'>
:root{--wp--preset--aspect-ratio--square: 1;--wp--preset--color--black: #000000;--wp--preset--color--cyan-bluish-gray: #abb8c3;--wp--preset--color--white: #ffffff;--wp--preset--color--pale-pink: #f78da7;--wp--preset--color--vivid-red: #cf2e2e;--wp--preset--color--luminous-vivid-orange: #ff6900;--wp--preset--color--luminous-vivid-amber: #fcb900;--wp--preset--color--light-green-cyan: #7bdcb5;--wp--preset--color--vivid-green-cyan: #00d084;--wp--preset--color--pale-cyan-blue: #8ed1fc;--wp--preset--color--vivid-cyan-blue: #0693e3;--wp--preset--font-size--small: 13px;--wp--preset--font-size--medium: 20px;--wp--preset--font-size--large: 36px;--wp--preset--font-size--x-large: 42px;--wp--preset--spacing--20: 0.44rem;--wp--preset--spacing--30: 0.67rem;--wp--preset--spacing--40: 1rem;}:where(.is-layout-flex){gap: 0.5em;}:where(.is-layout-grid){gap: 0.5em;}body .is-layout-flow > .alignleft{float: left;margin-inline-start: 0;margin-inline-end: 2em;}body .is-layout-flow > .alignright{float: right;margin-inline-start: 2em;margin-inline-end: 0;}.has-black-color{color: var(--wp--preset--color--black) !important;}.has-white-color{color: var(--wp--preset--color--white) !important;}
</style>
<script type='text/javascript' src='@SITE@/wp-includes/js/jquery/jquery.min.js?ver=3.7.1' id='jquery-core-js'></script>
<script type='text/javascript' src='@SITE@/wp-includes/js/jquery/jquery-migrate.min.js?ver=3.4.1' id='jquery-migrate-js'></script>
<script type='text/javascript' id='cookie-notice-front-js-before'>
var cnArgs = {"ajaxUrl":"@SITE_JS@\/wp-admin\/admin-ajax.php","nonce":"7c1e3b2a9f","hideEffect":"fade","position":"bottom","onScroll":false,"onScrollOffset":100,"onClick":false,"cookieName":"cookie_notice_accepted","cookieTime":2592000,"cookieTimeRejected":2592000,"globalCookie":false,"redirection":false,"cache":true,"revokeCookies":false,"revokeCookiesOpt":"automatic"};
</script>
<script type='text/javascript' async src='@SITE@/wp-content/plugins/add-to-any/addtoany.min.js?ver=1.1' id='addtoany-jquery-js'></script>
"""

HEAD_TAIL = r"""<meta name="viewport" content="width=device-width, initial-scale=1.0, maximum-scale=1.0, user-scalable=0" />
<link rel="icon" href="@SITE@/wp-content/uploads/2020/01/cropped-scfr-icon-32x32.png" sizes="32x32" />
<link rel="icon" href="@SITE@/wp-content/uploads/2020/01/cropped-scfr-icon-192x192.png" sizes="192x192" />
<link rel="apple-touch-icon" href="@SITE@/wp-content/uploads/2020/01/cropped-scfr-icon-180x180.png" />
<style id="et-divi-customizer-global-cached-inline-styles">body,.et_pb_column_1_2 .et_quote_content blockquote cite,.et_pb_column_1_2 .et_link_content a.et_link_main_url,.et_pb_column_1_3 .et_quote_content blockquote cite{font-size:15px}#main-header,#main-header .nav li ul,.et-search-form,#main-header .et_mobile_menu{background-color:#0c3c60}#top-header,#et-secondary-nav li ul{background-color:#082a44}.et_header_style_centered .mobile_nav .select_page,.et_header_style_split .mobile_nav .select_page{color:#fff}#main-footer{background-color:#0a2236}#footer-widgets .footer-widget a,#footer-widgets .footer-widget li a{color:#d6e2ec}.footer-widget h4{color:#f5b041}#footer-bottom{background-color:rgba(0,0,0,0.32)}#footer-info,#footer-info a{color:#9fb3c3}@media only screen and (min-width:981px){.et_header_style_left #et-top-navigation,.et_header_style_split #et-top-navigation{padding:28px 0 0 0}}</style>
"""

TOP_HEADER = r"""<div id="top-header"><div class="container clearfix"><div id="et-secondary-menu"><ul class="et-social-icons"><li class="et-social-icon et-social-twitter"><a href="https://twitter.com/scfr_en" class="icon"><span>X</span></a></li><li class="et-social-icon et-social-telegram"><a href="https://t.me/scfr_en" class="icon"><span>Telegram</span></a></li></ul><ul id="et-secondary-nav" class="menu"><li class="menu-item"><a href="@SITE@/fa/">فارسی</a></li></ul></div></div></div>
"""

FOOTER = r"""<footer id="main-footer"><div class="container"><div id="footer-widgets" class="clearfix"><div class="footer-widget"><div id="text-3" class="fwidget et_pb_widget widget_text"><h4 class="title">About SCFR</h4><div class="textwidget"><p>The Strategic Council on Foreign Relations was established in 2006 to help the decision-making process of foreign policy.</p></div></div></div><div class="footer-widget"><div id="categories-3" class="fwidget et_pb_widget widget_categories"><h4 class="title">Categories</h4><ul><li class="cat-item"><a href="@SITE@/en/category/strategic-perspective/interview/">Interview</a></li><li class="cat-item"><a href="@SITE@/en/category/strategic-perspective/opinion/">Opinion</a></li><li class="cat-item"><a href="@SITE@/en/category/strategic-perspective/note/">Note</a></li><li class="cat-item"><a href="@SITE@/en/category/news/">News</a></li><li class="cat-item"><a href="@SITE@/en/category/defense-security/">Defense &amp; Security</a></li><li class="cat-item"><a href="@SITE@/en/category/economy-energy/">Economy &amp; Energy</a></li></ul></div></div><div class="footer-widget"><div id="text-4" class="fwidget et_pb_widget widget_text"><h4 class="title">Contact</h4><div class="textwidget"><p>Tehran, Iran<br /><a href="mailto:info@scfr.ir">info@scfr.ir</a><br /><a href="/en/archives/scfr-old/">Old site archive</a><br /><a href="@SITE@/en/wp-admin/">Editorial login</a><br /><a href="/en/calendar/?month=2024-04">Archive calendar</a></p></div></div></div><div class="footer-widget"><div id="text-5" class="fwidget et_pb_widget widget_text"><h4 class="title">Follow us</h4><div class="textwidget"><p><a href="https://twitter.com/scfr_en">X / Twitter</a> | <a href="https://t.me/scfr_en">Telegram</a> | <a href="https://www.instagram.com/scfr.ir/">Instagram</a></p></div></div></div></div></div><div id="footer-bottom"><div class="container clearfix"><ul class="et-social-icons"><li class="et-social-icon et-social-facebook"><a href="https://www.facebook.com/scfr.ir" class="icon"><span>Facebook</span></a></li><li class="et-social-icon et-social-rss"><a href="@SITE@/en/feed/" class="icon"><span>RSS</span></a></li></ul><div id="footer-info">© 2024 Strategic Council on Foreign Relations. Designed by SCFR IT. All rights reserved.</div></div></div></footer>
"""

BODY_SCRIPTS = r"""<script type="text/javascript">var et_animation_data = [];var et_link_options_data = [];</script>
<script type="text/javascript" id="divi-custom-script-js-extra">
/* <![CDATA[ */
var DIVI = {"item_count":"%d Item","items_count":"%d Items"};
var et_builder_utils_params = {"condition":{"diviTheme":true,"extraTheme":false},"scrollLocations":["app","top"],"builderScrollLocations":{"desktop":"app","tablet":"app","phone":"app"},"onloadScrollLocation":"app","builderType":"fe"};
var et_frontend_scripts = {"builderCssContainerPrefix":"#et-boc","builderCssLayoutPrefix":"#et-boc .et-l"};
var et_pb_custom = {"ajaxurl":"@SITE_JS@\/wp-admin\/admin-ajax.php","images_uri":"@SITE_JS@\/wp-content\/themes\/Divi\/images","builder_images_uri":"@SITE_JS@\/wp-content\/themes\/Divi\/includes\/builder\/images","et_frontend_nonce":"0a8b7c6d5e","subscription_failed":"Please, check the fields below to make sure you entered the correct information.","et_ab_log_nonce":"1f2e3d4c5b","fill_message":"Please, fill in the following fields:","contact_error_message":"Please, fix the following errors:","invalid":"Invalid email","captcha":"Captcha","prev":"Prev","previous":"Previous","next":"Next","wrong_captcha":"You entered the wrong number in captcha.","is_builder_plugin_used":"","ignore_waypoints":"no","is_divi_theme_used":"1","widget_search_selector":".widget_search","is_ab_testing_active":"","page_id":"0","unique_test_id":"","ab_bounce_rate":"5","is_cache_plugin_active":"yes","is_shortcode_tracking":"","tinymce_uri":""};
/* ]]> */
</script>
<script type='text/javascript' src='@SITE@/wp-content/themes/Divi/js/scripts.min.js?ver=4.24.2' id='divi-custom-script-js'></script>
<script type='text/javascript' src='@SITE@/wp-includes/js/comment-reply.min.js?ver=6.4.3' id='comment-reply-js' async='async' data-wp-strategy='async'></script>
"""

COOKIE_NOTICE = r"""<div id="cookie-notice" role="dialog" class="cookie-notice-hidden cookie-revoke-hidden cn-position-bottom" aria-label="Cookie Notice" style="background-color: rgba(50,50,58,1);"><div class="cookie-notice-container" style="color: #fff"><span id="cn-notice-text" class="cn-text-container">We use cookies to ensure that we give you the best experience on our website. If you continue to use this site we will assume that you are happy with it.</span><span id="cn-notice-buttons" class="cn-buttons-container"><a href="#" id="cn-accept-cookie" data-cookie-set="accept" class="cn-set-cookie cn-button" aria-label="Ok">Ok</a><a href="@SITE@/en/privacy-policy/" target="_blank" id="cn-more-info" class="cn-more-info cn-button" aria-label="Privacy policy">Privacy policy</a></span><span id="cn-close-notice" data-cookie-set="accept" class="cn-close-icon" title="No"></span></div></div>
"""

MAIN_HEADER_START = (
    '<header id="main-header" data-height-onload="66"><div class="container clearfix et_menu_container">'
    '<div class="logo_container"><span class="logo_helper"></span><a href="@SITE@/en/">'
    '<img src="@SITE@/wp-content/uploads/2020/01/scfr-logo-en.png" width="360" height="72" '
    'alt="Strategic Council Online" id="logo" data-height-percentage="54" /></a></div>'
    '<div id="et-top-navigation" data-height="66" data-fixed-height="40"><nav id="top-menu-nav">'
    '<ul id="top-menu" class="nav"><li id="menu-item-11" class="menu-item menu-item-type-custom menu-item-home">'
    '<a href="@SITE@/en/">Home</a></li>\n'
)
MAIN_HEADER_END = (
    '<li class="menu-item menu-item-type-post_type menu-item-object-page"><a href="@SITE@/en/about-us/">About Us</a></li>\n'
    '<li class="menu-item menu-item-type-post_type menu-item-object-page"><a href="@SITE@/en/contact-us/">Contact Us</a></li>'
    '</ul></nav><div id="et_top_search"><span id="et_search_icon"></span></div><div id="et_mobile_nav_menu">'
    '<div class="mobile_nav closed"><span class="select_page">Select Page</span>'
    '<span class="mobile_menu_bar mobile_menu_bar_toggle"></span></div></div></div></div>'
    '<div class="et_search_outer"><div class="container et_search_form_container">'
    '<form role="search" method="get" class="et-search-form" action="@SITE@/en/">'
    '<input type="search" class="et-search-field" placeholder="Search &hellip;" value="" name="s" title="Search for:" />'
    '</form><span class="et_close_search_field"></span></div></div></header>\n'
)

RESPOND_FORM = (
    '<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title"><span>Submit a Comment</span> '
    '<small><a rel="nofollow" id="cancel-comment-reply-link" href="#respond" style="display:none;">Cancel reply</a></small></h3>'
    '<form action="@SITE@/en/wp-comments-post.php" method="post" id="commentform" class="comment-form">'
    '<p class="comment-notes"><span id="email-notes">Your email address will not be published.</span> '
    '<span class="required-field-message">Required fields are marked <span class="required">*</span></span></p>'
    '<p class="comment-form-comment"><label for="comment">Comment <span class="required">*</span></label> '
    '<textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required="required"></textarea></p>'
    '<p class="comment-form-author"><label for="author">Name <span class="required">*</span></label> '
    '<input id="author" name="author" type="text" value="" size="30" maxlength="245" autocomplete="name" required="required" /></p>'
    '<p class="comment-form-email"><label for="email">Email <span class="required">*</span></label> '
    '<input id="email" name="email" type="text" value="" size="30" maxlength="100" aria-describedby="email-notes" autocomplete="email" required="required" /></p>'
    '<p class="comment-form-url"><label for="url">Website</label> '
    '<input id="url" name="url" type="text" value="" size="30" maxlength="200" autocomplete="url" /></p>'
    '<p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" name="wp-comment-cookies-consent" type="checkbox" value="yes" /> '
    '<label for="wp-comment-cookies-consent">Save my name, email, and website in this browser for the next time I comment.</label></p>'
    '<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit et_pb_button" value="Submit Comment" /> '
    "<input type='hidden' name='comment_post_ID' value='@POST_ID@' id='comment_post_ID' />"
    "<input type='hidden' name='comment_parent' id='comment_parent' value='0' /></p></form></div>"
)

LOADING = ('<div class="et_pb_code_inner"><div class="scfr-loadmore" data-page="2"><span class="scfr-spinner"></span>'
           '<span>Loading</span></div></div>')

BODY_CLASS_TAIL = (
    "et_pb_button_helper_class et_fixed_nav et_show_nav et_primary_nav_dropdown_animation_fade "
    "et_secondary_nav_dropdown_animation_fade et_header_style_left et_pb_footer_columns4 et_cover_background "
    "et_pb_gutter linux et_pb_gutters3 et_smooth_scroll et_right_sidebar et_divi_theme et-db"
)
BUILDER_BODY_CLASS = "et-tb-has-template et-tb-has-body"

NO_RESULTS = ('<div class="entry"><h1 class="not-found-title">No Results Found</h1>'
              '<p>The page you requested could not be found. Try refining your search, or use the navigation above '
              'to locate the post.</p></div>')

STATIC_PAGES: dict[str, tuple[int, str, list[str]]] = {
    # slug -> (page id, title, paragraphs with inline markup)
    "about-us": (2, "About Us", [
        "The Strategic Council on Foreign Relations (SCFR) was established in 2006 to help the decision-making process of the country’s foreign policy and to study the regional and international developments that affect it.",
        "Strategic Council Online, the council’s website, publishes interviews, opinion pieces and notes by Iranian experts on international relations, regional issues, defense and security, and the economy and energy.",
        "The English edition offers a selection of the council’s analyses for readers outside Iran; the Persian edition publishes the full range of its content.",
    ]),
    "contact-us": (45, "Contact Us", [
        "Strategic Council on Foreign Relations, Tehran, Islamic Republic of Iran.",
        "Email: [info@scfr.ir](mailto:info@scfr.ir)",
        "For comments on individual articles, please use the comment form below each article. Messages sent to the editorial team are usually answered within a week.",
    ]),
    "privacy-policy": (3, "Privacy Policy", [
        "This website uses cookies to remember your preferences, such as your acceptance of the cookie notice, and to produce anonymous statistics about visits.",
        "When you leave a comment, we collect the data shown in the comment form, your IP address and your browser’s user agent string to help detect spam. Your email address is never published.",
        "We do not sell or share personal data with third parties. To ask for your data to be removed, write to [info@scfr.ir](mailto:info@scfr.ir).",
    ]),
}
STATIC_PAGES_MODIFIED = datetime(2020, 1, 15, 9, 0, tzinfo=timezone.utc)

# --------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------


def esc(text: str) -> str:
    """Escape a text node."""
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    """Escape an attribute value."""
    return html.escape(text, quote=True)


_WP_ENTITIES = {"’": "&#8217;", "‘": "&#8216;", "“": "&#8220;", "”": "&#8221;", "–": "&#8211;", "—": "&#8212;", "…": "&#8230;"}


def wp_text(text: str) -> str:
    """Titles as WordPress prints them: numeric entities (&#8217; &#038;) as on the real site."""
    out = html.escape(text, quote=False).replace("&amp;", "&#038;")
    for char, entity in _WP_ENTITIES.items():
        out = out.replace(char, entity)
    return out


def inline(text: str, base: str) -> str:
    """Render inline markup: [a](/path) -> absolute link, [a](<p>) -> verbatim href, **b**, *i*."""
    out: list[str] = []
    pos = 0
    for m in INLINE_RE.finditer(text):
        out.append(esc(text[pos:m.start()]))
        if m["anchor"] is not None:
            href = m["href"]
            if href.startswith("<"):
                href = href[1:-1]  # kept root-relative on purpose, as some real links are
            elif href.startswith("/"):
                href = base + href
            out.append(f'<a href="{attr(href)}">{esc(m["anchor"])}</a>')
        elif m["strong"] is not None:
            out.append(f"<strong>{esc(m['strong'])}</strong>")
        else:
            out.append(f"<em>{esc(m['em'])}</em>")
        pos = m.end()
    out.append(esc(text[pos:]))
    return "".join(out)


def slash_date(day: date) -> str:
    """The meta line's date format (YYYY/MM/DD)."""
    return day.strftime("%Y/%m/%d")


def rfc822(moment: datetime) -> str:
    """RSS pubDate in UTC, as WordPress writes it."""
    return moment.astimezone(timezone.utc).strftime("%a, %d %b %Y %H:%M:%S +0000")


def json_ld(obj: object) -> str:
    """JSON as Yoast prints it (escaped slashes, raw Unicode)."""
    return json.dumps(obj, ensure_ascii=False).replace("/", "\\/")


def word_count(text: str) -> int:
    return len(text.split())


def excerpt(text: str, words: int = EXCERPT_WORDS) -> tuple[str, bool]:
    """First ``words`` words of text and whether it was cut (WordPress excerpt)."""
    parts = text.split()
    if len(parts) <= words:
        return text, False
    return " ".join(parts[:words]), True


def month_label(year: int, month: int) -> str:
    return f"{MONTHS[month - 1]} {year}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def thumbnail(path: str) -> str:
    """Listing thumbnail variant of an upload path (x.jpg -> x-400x250.jpg)."""
    stem, dot, ext = path.rpartition(".")
    return f"{stem}-400x250.{ext}" if dot else path


# --------------------------------------------------------------------------
# The Persian edition's chrome (/fa/): the same Divi frame, translated by the
# fa_IR language packs of WordPress, Divi and the plugins; RTL stylesheets
# --------------------------------------------------------------------------

FA_HEAD_SCRIPTS = HEAD_SCRIPTS.replace("@SITE@/en/", "@SITE@/fa/")
FA_HEAD_ASSETS = HEAD_ASSETS.replace(
    "<link rel='stylesheet' id='wp-block-library-css' href='@SITE@/wp-includes/css/dist/block-library/style.min.css?ver=6.4.3'",
    "<link rel='stylesheet' id='wp-block-library-rtl-css' href='@SITE@/wp-includes/css/dist/block-library/style-rtl.min.css?ver=6.4.3'",
).replace(
    "<link rel='stylesheet' id='divi-style-parent-css' href='@SITE@/wp-content/themes/Divi/style-static.min.css?ver=4.24.2'",
    "<link rel='stylesheet' id='divi-style-parent-css' href='@SITE@/wp-content/themes/Divi/style-static-rtl.min.css?ver=4.24.2'",
)
FA_HEAD_CHUNKS = (FA_HEAD_SCRIPTS, FA_HEAD_ASSETS, HEAD_TAIL)

# Persian boilerplate strings (what a text dump of a Persian page shows besides the article).
FA_LATEST = "آخرین مطالب"  # LATEST CONTENT
FA_PHONE_LATEST = "Últimas publicaciones"  # the phone copy's heading: the shared template's leftover
FA_LOADING = "در حال بارگذاری"
FA_SHARE = "اشتراک گذاری:"
FA_TAGS = "برچسب‌ها:"
FA_REPLY = "پاسخ"
FA_REPLY_TO = "پاسخ به {}"
FA_COMMENTS_HEADING = "{} دیدگاه"  # count in Persian digits, the same form for 0, 1 and more
FA_LEAVE_REPLY = "دیدگاهتان را بنویسید"
FA_CANCEL_REPLY = "لغو پاسخ"
FA_EMAIL_NOTES = "نشانی ایمیل شما منتشر نخواهد شد."
FA_REQUIRED = "بخش‌های موردنیاز علامت‌گذاری شده‌اند"  # followed by " *"
FA_COMMENT_LABEL = "دیدگاه"
FA_NAME_LABEL = "نام"
FA_EMAIL_LABEL = "ایمیل"
FA_WEBSITE_LABEL = "وب‌ سایت"  # sic: ZWNJ and a space, as in WordPress's fa_IR pack
FA_COOKIES_CONSENT = "ذخیره نام، ایمیل و وبسایت من در مرورگر برای زمانی که دوباره دیدگاهی می‌نویسم."
FA_SUBMIT = "فرستادن دیدگاه"
FA_OLDER = "&laquo; نوشته‌های قدیمی‌تر"
FA_NEWER = "نوشته‌های تازه‌تر &raquo;"
FA_CATEGORY_HEADING = "دسته: {}"
FA_TAG_HEADING = "برچسب: {}"
FA_SEARCH_HEADING = "نتایج جستجو برای: {}"
FA_ARCHIVES_HEADING = "بایگانی‌ها: {}"
FA_PAGE_OF = "برگه {} از {}"
FA_ENGLISH = "English"  # the language switcher on Persian pages
FA_COOKIE_TEXT = ("ما از کوکی‌ها استفاده می‌کنیم تا بهترین تجربه را در وب‌سایت خود به شما ارائه دهیم. "
                  "اگر به استفاده از این سایت ادامه دهید، فرض می‌کنیم که از آن راضی هستید.")
FA_COOKIE_OK = "باشه"
FA_COOKIE_MORE = "سیاست حفظ حریم خصوصی"
FA_FOOTER_ABOUT = "شورای راهبردی روابط خارجی در سال ۱۳۸۵ با هدف کمک به فرایند تصمیم‌سازی در سیاست خارجی تأسیس شد."
FA_FOOTER_INFO = "© ۱۴۰۳ شورای راهبردی روابط خارجی. طراحی و اجرا: واحد فناوری اطلاعات شورا. کلیه حقوق محفوظ است."
FA_NOT_FOUND_TITLE = "نتیجه‌ای یافت نشد"
FA_NOT_FOUND_TEXT = ("صفحه‌ای که درخواست کرده‌اید یافت نشد. جستجوی خود را دقیق‌تر کنید یا از فهرست بالا برای "
                     "یافتن نوشته استفاده کنید.")
FA_SIDEBAR = {  # widget titles and links of the classic #sidebar
    "search_label": "جستجو برای:", "search_button": "جستجو", "archives": "بایگانی", "tags": "برچسب‌ها",
    "meta": "اطلاعات", "log_in": "ورود", "entries_feed": "خوراک ورودی‌ها", "comments_feed": "خوراک دیدگاه‌ها",
    "popular": "جستجوهای پرطرفدار",
}
# Every constant Persian boilerplate text of article pages, in page order (for boilerplate tests).
FA_PHRASES: tuple[str, ...] = (
    FA_SHARE, FA_TAGS, FA_LEAVE_REPLY, FA_EMAIL_NOTES, FA_REQUIRED, FA_COMMENT_LABEL, FA_NAME_LABEL, FA_EMAIL_LABEL,
    FA_WEBSITE_LABEL, FA_COOKIES_CONSENT, FA_LATEST, FA_LOADING, FA_PHONE_LATEST, FA_FOOTER_ABOUT, FA_FOOTER_INFO,
    FA_COOKIE_TEXT,
)

FA_TOP_HEADER = (
    '<div id="top-header"><div class="container clearfix"><div id="et-secondary-menu"><ul class="et-social-icons">'
    '<li class="et-social-icon et-social-twitter"><a href="https://twitter.com/scfr_ir" class="icon"><span>X</span></a></li>'
    '<li class="et-social-icon et-social-telegram"><a href="https://t.me/scfr_ir" class="icon"><span>Telegram</span></a></li>'
    '</ul><ul id="et-secondary-nav" class="menu"><li class="menu-item"><a href="@SITE@/en/">English</a></li></ul>'
    "</div></div></div>\n"
)

FA_MAIN_HEADER_START = (
    '<header id="main-header" data-height-onload="66"><div class="container clearfix et_menu_container">'
    '<div class="logo_container"><span class="logo_helper"></span><a href="@SITE@/fa/">'
    '<img src="@SITE@/wp-content/uploads/2020/01/scfr-logo-fa.png" width="360" height="72" '
    f'alt="{FA_SITE_NAME}" id="logo" data-height-percentage="54" /></a></div>'
    '<div id="et-top-navigation" data-height="66" data-fixed-height="40"><nav id="top-menu-nav">'
    '<ul id="top-menu" class="nav"><li id="menu-item-21" class="menu-item menu-item-type-custom menu-item-home">'
    '<a href="@SITE@/fa/">خانه</a></li>\n'
)


def _fa_main_header_end() -> str:
    about, contact = (f"@SITE@/fa/{wp_quote(slug)}/" for slug in ("درباره-ما", "تماس-با-ما"))
    return (
        f'<li class="menu-item menu-item-type-post_type menu-item-object-page"><a href="{about}">درباره ما</a></li>\n'
        f'<li class="menu-item menu-item-type-post_type menu-item-object-page"><a href="{contact}">تماس با ما</a></li>'
        '</ul></nav><div id="et_top_search"><span id="et_search_icon"></span></div><div id="et_mobile_nav_menu">'
        '<div class="mobile_nav closed"><span class="select_page">انتخاب صفحه</span>'
        '<span class="mobile_menu_bar mobile_menu_bar_toggle"></span></div></div></div></div>'
        '<div class="et_search_outer"><div class="container et_search_form_container">'
        '<form role="search" method="get" class="et-search-form" action="@SITE@/fa/">'
        '<input type="search" class="et-search-field" placeholder="جستجو &hellip;" value="" name="s" title="جستجو برای:" />'
        '</form><span class="et_close_search_field"></span></div></div></header>\n'
    )


FA_MAIN_HEADER_END = _fa_main_header_end()


def _fa_footer() -> str:
    cats = "".join(
        f'<li class="cat-item"><a href="@SITE@/fa/category/{wp_quote(slug)}/">{esc(name)}</a></li>'
        for slug, name in (("گفتگو", "گفتگو"), ("یادداشت", "یادداشت"), ("خبر", "خبر"),
                           ("دفاعی-و-امنیتی", "دفاعی و امنیتی"), ("اقتصاد-و-انرژی", "اقتصاد و انرژی"))
    )
    return (
        '<footer id="main-footer"><div class="container"><div id="footer-widgets" class="clearfix">'
        '<div class="footer-widget"><div id="text-3" class="fwidget et_pb_widget widget_text"><h4 class="title">درباره شورا</h4>'
        f'<div class="textwidget"><p>{esc(FA_FOOTER_ABOUT)}</p></div></div></div>'
        '<div class="footer-widget"><div id="categories-3" class="fwidget et_pb_widget widget_categories"><h4 class="title">دسته‌ها</h4>'
        f"<ul>{cats}</ul></div></div>"
        '<div class="footer-widget"><div id="text-4" class="fwidget et_pb_widget widget_text"><h4 class="title">تماس</h4>'
        '<div class="textwidget"><p>تهران، ایران<br /><a href="mailto:info@scfr.ir">info@scfr.ir</a><br />'
        '<a href="/en/archives/scfr-old/">بایگانی سایت قدیم</a><br /><a href="@SITE@/fa/wp-admin/">ورود تحریریه</a><br />'
        '<a href="/fa/calendar/?month=1403-02">تقویم بایگانی</a></p></div></div></div>'
        '<div class="footer-widget"><div id="text-5" class="fwidget et_pb_widget widget_text"><h4 class="title">ما را دنبال کنید</h4>'
        '<div class="textwidget"><p><a href="https://twitter.com/scfr_ir">ایکس / توییتر</a> | <a href="https://t.me/scfr_ir">تلگرام</a> | '
        '<a href="https://www.instagram.com/scfr.ir/">اینستاگرام</a></p></div></div></div></div></div>'
        '<div id="footer-bottom"><div class="container clearfix"><ul class="et-social-icons">'
        '<li class="et-social-icon et-social-facebook"><a href="https://www.facebook.com/scfr.ir" class="icon"><span>Facebook</span></a></li>'
        '<li class="et-social-icon et-social-rss"><a href="@SITE@/fa/feed/" class="icon"><span>RSS</span></a></li></ul>'
        f'<div id="footer-info">{esc(FA_FOOTER_INFO)}</div></div></div></footer>\n'
    )


FA_FOOTER = _fa_footer()

FA_COOKIE_NOTICE = (
    '<div id="cookie-notice" role="dialog" class="cookie-notice-hidden cookie-revoke-hidden cn-position-bottom" '
    'aria-label="اطلاعیه کوکی" style="background-color: rgba(50,50,58,1);"><div class="cookie-notice-container" '
    f'style="color: #fff"><span id="cn-notice-text" class="cn-text-container">{esc(FA_COOKIE_TEXT)}</span>'
    '<span id="cn-notice-buttons" class="cn-buttons-container"><a href="#" id="cn-accept-cookie" data-cookie-set="accept" '
    f'class="cn-set-cookie cn-button" aria-label="{FA_COOKIE_OK}">{FA_COOKIE_OK}</a>'
    f'<a href="@SITE@/fa/{wp_quote("حریم-خصوصی")}/" target="_blank" id="cn-more-info" class="cn-more-info cn-button" '
    f'aria-label="{FA_COOKIE_MORE}">{FA_COOKIE_MORE}</a></span><span id="cn-close-notice" data-cookie-set="accept" '
    'class="cn-close-icon" title="خیر"></span></div></div>\n'
)

FA_RESPOND_FORM = (
    f'<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title"><span>{FA_LEAVE_REPLY}</span> '
    f'<small><a rel="nofollow" id="cancel-comment-reply-link" href="#respond" style="display:none;">{FA_CANCEL_REPLY}</a></small></h3>'
    '<form action="@SITE@/fa/wp-comments-post.php" method="post" id="commentform" class="comment-form">'
    f'<p class="comment-notes"><span id="email-notes">{FA_EMAIL_NOTES}</span> '
    f'<span class="required-field-message">{FA_REQUIRED} <span class="required">*</span></span></p>'
    f'<p class="comment-form-comment"><label for="comment">{FA_COMMENT_LABEL} <span class="required">*</span></label> '
    '<textarea id="comment" name="comment" cols="45" rows="8" maxlength="65525" required="required"></textarea></p>'
    f'<p class="comment-form-author"><label for="author">{FA_NAME_LABEL} <span class="required">*</span></label> '
    '<input id="author" name="author" type="text" value="" size="30" maxlength="245" autocomplete="name" required="required" /></p>'
    f'<p class="comment-form-email"><label for="email">{FA_EMAIL_LABEL} <span class="required">*</span></label> '
    '<input id="email" name="email" type="text" value="" size="30" maxlength="100" aria-describedby="email-notes" autocomplete="email" required="required" /></p>'
    f'<p class="comment-form-url"><label for="url">{FA_WEBSITE_LABEL}</label> '
    '<input id="url" name="url" type="text" value="" size="30" maxlength="200" autocomplete="url" /></p>'
    '<p class="comment-form-cookies-consent"><input id="wp-comment-cookies-consent" name="wp-comment-cookies-consent" type="checkbox" value="yes" /> '
    f'<label for="wp-comment-cookies-consent">{FA_COOKIES_CONSENT}</label></p>'
    f'<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit et_pb_button" value="{FA_SUBMIT}" /> '
    "<input type='hidden' name='comment_post_ID' value='@POST_ID@' id='comment_post_ID' />"
    "<input type='hidden' name='comment_parent' id='comment_parent' value='0' /></p></form></div>"
)

FA_LOADING_CODE = ('<div class="et_pb_code_inner"><div class="scfr-loadmore" data-page="2"><span class="scfr-spinner"></span>'
                   f'<span>{FA_LOADING}</span></div></div>')

FA_NO_RESULTS = (f'<div class="entry"><h1 class="not-found-title">{FA_NOT_FOUND_TITLE}</h1>'
                 f"<p>{FA_NOT_FOUND_TEXT}</p></div>")

FA_STATIC_PAGES: dict[str, tuple[int, str, list[str]]] = {
    # decoded slug -> (page id, title, paragraphs with inline markup)
    "درباره-ما": (5, "درباره ما", [
        "شورای راهبردی روابط خارجی در سال ۱۳۸۵ با هدف کمک به فرایند تصمیم‌سازی در سیاست خارجی کشور و بررسی تحولات منطقه‌ای و بین‌المللی تأسیس شد.",
        "شورای راهبردی آنلاین، پایگاه اینترنتی شورا، گفت‌وگوها، یادداشت‌ها و تحلیل‌های کارشناسان ایرانی را در حوزه‌های روابط بین‌الملل، مسائل منطقه، دفاعی و امنیتی و اقتصاد و انرژی منتشر می‌کند.",
    ]),
    "تماس-با-ما": (47, "تماس با ما", [
        "تهران، شورای راهبردی روابط خارجی.",
        "پست الکترونیک: [info@scfr.ir](mailto:info@scfr.ir)",
    ]),
    "حریم-خصوصی": (7, "حریم خصوصی", [
        "این وب‌سایت از کوکی‌ها برای به خاطر سپردن ترجیحات شما و تهیه آمار بی‌نام بازدیدها استفاده می‌کند.",
        "نشانی ایمیل شما هرگز منتشر نمی‌شود و داده‌های شخصی در اختیار دیگران قرار نمی‌گیرد.",
    ]),
}


def fa_comment_date(moment: datetime) -> str:
    """'در ۲۵ فروردین ۱۳۹۸ ساعت ۹:۴۱ ق.ظ' (Divi's "on %1$s at %2$s" in fa_IR, Solar Hijri, Persian digits)."""
    y, m, d = jalali(moment.date())
    hour = moment.hour % 12 or 12
    meridiem = "ق.ظ" if moment.hour < 12 else "ب.ظ"
    return fa_digits(f"در {d} {JALALI_MONTHS[m - 1]} {y} ساعت {hour}:{moment.minute:02d} {meridiem}")


def fa_month_label(year: int, month: int) -> str:
    """'فروردین ۱۳۹۹' (a Solar Hijri month)."""
    return f"{JALALI_MONTHS[month - 1]} {fa_digits(str(year))}"


# --------------------------------------------------------------------------
# Render context
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Context:
    """What every page needs: the origin and a snapshot of the current posts (newest first).

    ``index`` is the site's cached :class:`SiteIndex` (built from ``articles``
    when not given); page_weight pads article pages (see :func:`pad_page`);
    container_class renames the text container of article pages (see
    :class:`~tests.replica.content.Site`).
    """

    base: str
    articles: tuple[Article, ...]
    index: SiteIndex = field(default=None, compare=False, repr=False)  # type: ignore[assignment]
    page_weight: tuple[int, int] | None = None
    container_class: str | None = None
    lang: str = "en"  # the edition the page belongs to: its posts, chrome and URLs
    live: LiveOptions | None = None  # live_site(): wider trees, "-en" tags, smaller pages, … (see live.py)

    def __post_init__(self) -> None:
        if self.index is None:
            object.__setattr__(self, "index", SiteIndex(self.articles))

    @property
    def listed(self) -> tuple[Article, ...]:
        return self.index.listed

    def origin(self, text: str) -> str:
        """Point verbatim chunks at this server."""
        return text.replace("@SITE_JS@", self.base.replace("/", "\\/")).replace("@SITE@", self.base)

    @property
    def fa(self) -> bool:
        return self.lang == "fa"

    @property
    def ar(self) -> bool:
        return self.lang == "ar"

    @property
    def per_page(self) -> int:
        """Posts per listing page (PER_PAGE; the live site's own size)."""
        return self.live.per_page if self.live else PER_PAGE

    @property
    def tree(self) -> dict[str, tuple[str, str | None]]:
        return categories_of(self.lang, self.live is not None)

    @property
    def home(self) -> str:
        """The edition's home URL (``{base}/en/`` or ``{base}/fa/``)."""
        return f"{self.base}/{self.lang}/"

    def category_url(self, slug: str) -> str:
        if self.ar:
            return f"{self.base}/ar/category/{wp_quote(slug)}/"
        if self.live:
            return f"{self.base}/{self.lang}/category/{wp_quote(category_path(slug, self.lang, True))}/"
        if self.fa:
            return f"{self.base}/fa/category/{wp_quote(category_path(slug, 'fa'))}/"
        return f"{self.base}/en/category/{category_path(slug)}/"

    def tag_url(self, name: str, upper: bool = False) -> str:
        if self.live or self.ar:
            quoted = (wp_quote_upper if upper else wp_quote)(tag_slug(name, self.lang, self.live is not None))
            return f"{self.base}/{self.lang}/tag/{quoted}/"
        if self.fa:
            return f"{self.base}/fa/tag/{wp_quote(tag_slug(name, 'fa'))}/"
        return f"{self.base}/en/tag/{slugify(name)}/"

    def in_category(self, slug: str) -> tuple[Article, ...]:
        """Listed posts of a category, including those of its child categories."""
        return self.index.by_category.get(slug, ())

    def tags(self) -> dict[str, str]:
        """slug -> name of tags used by current posts (shared: do not mutate)."""
        return self.index.tags

    def with_tag(self, slug: str) -> tuple[Article, ...]:
        return self.index.by_tag.get(slug, ())

    def in_month(self, year: int, month: int) -> tuple[Article, ...]:
        """Listed posts published in a month, newest first."""
        return self.index.by_month.get((year, month), ())


# --------------------------------------------------------------------------
# The shared outer frame
# --------------------------------------------------------------------------


def head(ctx: Context, *, title: str, seo: str, charset: str = "UTF-8", lang: str = "en-US", rtl: bool = False,
         feed_links: str = "", rest_links: str = "", post_links: str = "",
         chunks: tuple[str, str, str] = (HEAD_SCRIPTS, HEAD_ASSETS, HEAD_TAIL)) -> str:
    """<head> of every Divi page; seo = the Yoast block, the *_links are page-specific <link>s;
    chunks = the theme's (scripts, assets, tail) blocks (the restyled pages have their own)."""
    if ctx.ar:  # the Arabic edition (live site): RTL, lang="ar", its own feeds
        lang, rtl = HTML_LANG["ar"], True
        if chunks == (HEAD_SCRIPTS, HEAD_ASSETS, HEAD_TAIL):
            chunks = tuple(_ar(c) for c in chunks)  # type: ignore[assignment]
        site_feeds = (
            f'<link rel="alternate" type="application/rss+xml" title="{AR_SITE_NAME} &raquo; الخلاصة" href="{ctx.base}/ar/feed/" />\n')
    elif ctx.fa:  # the Persian edition: RTL document, its own feeds and endpoints
        lang, rtl = HTML_LANG["fa"], True
        if chunks == (HEAD_SCRIPTS, HEAD_ASSETS, HEAD_TAIL):
            chunks = FA_HEAD_CHUNKS
        site_feeds = (
            f'<link rel="alternate" type="application/rss+xml" title="{FA_SITE_NAME} &raquo; خوراک" href="{ctx.base}/fa/feed/" />\n'
            f'<link rel="alternate" type="application/rss+xml" title="{FA_SITE_NAME} &raquo; خوراک دیدگاه‌ها" href="{ctx.base}/fa/comments/feed/" />\n')
    else:
        site_feeds = (
            f'<link rel="alternate" type="application/rss+xml" title="{SITE_NAME} &raquo; Feed" href="{ctx.base}/en/feed/" />\n'
            f'<link rel="alternate" type="application/rss+xml" title="{SITE_NAME} &raquo; Comments Feed" href="{ctx.base}/en/comments/feed/" />\n')
    head_scripts, head_assets, head_tail = chunks
    html_attrs = f'dir="rtl" lang="{lang}"' if rtl else f'lang="{lang}"'
    return (
        f'<!DOCTYPE html>\n<html {html_attrs}>\n<head>\n<meta charset="{charset}" />\n'
        + ctx.origin(head_scripts)
        + f"<title>{esc(title)}</title>\n"
        "<!-- This site is optimized with the Yoast SEO plugin v21.5 - https://yoast.com/wordpress/plugins/seo/ -->\n"
        + seo
        + "<!-- / Yoast SEO plugin. -->\n"
        "<link rel='dns-prefetch' href='//static.addtoany.com' />\n"
        + site_feeds
        + feed_links
        + ctx.origin(head_assets)
        + f'<link rel="https://api.w.org/" href="{ctx.base}/{ctx.lang}/wp-json/" />\n'
        + rest_links
        + f'<link rel="EditURI" type="application/rsd+xml" title="RSD" href="{ctx.base}/{ctx.lang}/xmlrpc.php?rsd" />\n'
        '<meta name="generator" content="WordPress 6.4.3" />\n'
        + post_links
        + ctx.origin(head_tail)
        + "</head>\n"
    )


def main_header(ctx: Context) -> str:
    """#main-header with the menu: every category of the tree, as on the real site."""
    items: list[str] = []
    tree = ctx.tree
    for slug, (name, parent) in tree.items():
        if parent is not None:
            continue
        link = f'<a href="{ctx.category_url(slug)}">{esc(name)}</a>'
        children = [s for s, (_, p) in tree.items() if p == slug]
        if children:
            sub = "".join(
                '<li class="menu-item menu-item-type-taxonomy menu-item-object-category">'
                f'<a href="{ctx.category_url(c)}">{esc(tree[c][0])}</a></li>'
                for c in children
            )
            items.append('<li class="menu-item menu-item-type-taxonomy menu-item-object-category menu-item-has-children">'
                         f'{link}\n<ul class="sub-menu">{sub}</ul></li>\n')
        else:
            items.append(f'<li class="menu-item menu-item-type-taxonomy menu-item-object-category">{link}</li>\n')
    if ctx.fa:
        return ctx.origin(FA_MAIN_HEADER_START) + "".join(items) + ctx.origin(FA_MAIN_HEADER_END)
    if ctx.ar:
        return ctx.origin(_ar(MAIN_HEADER_START)) + "".join(items) + ctx.origin(_ar(MAIN_HEADER_END))
    return ctx.origin(MAIN_HEADER_START) + "".join(items) + ctx.origin(MAIN_HEADER_END)


def top_header(ctx: Context, switch_url: str | None = None) -> str:
    """#top-header; its language link goes to the other edition's home, or to ``switch_url``
    (the counterpart of a translated article)."""
    if ctx.fa:
        chunk, home = ctx.origin(FA_TOP_HEADER), f"{ctx.base}/en/"
    elif ctx.ar:
        chunk, home = ctx.origin(AR_TOP_HEADER), f"{ctx.base}/en/"
    else:
        chunk, home = ctx.origin(TOP_HEADER), f"{ctx.base}/fa/"
    if switch_url:
        chunk = chunk.replace(f'href="{home}"', f'href="{attr(switch_url)}"', 1)
    return chunk


def frame(ctx: Context, *, head_html: str, body_class: str, main: str, builder: bool,
          cookies_not_set: bool = False, switch_url: str | None = None) -> str:
    """Whole document: the Divi frame around ``main`` (the inside of #main-content).
    Persian pages get the Persian chrome and the ``rtl`` body class."""
    classes = ("rtl " if ctx.fa or ctx.ar else "") + f"{body_class} {BODY_CLASS_TAIL}" + (" cookies-not-set" if cookies_not_set else "")
    parts = [
        head_html,
        f'<body class="{classes}{" " + BUILDER_BODY_CLASS if builder else ""}">\n',
        '<div id="page-container">\n',
        top_header(ctx, switch_url),
        main_header(ctx),
        '<div id="et-boc" class="et-boc">\n' if builder else "",
        '<div id="et-main-area">\n<div id="main-content">\n',
        main,
        "</div>\n",  # #main-content
        ctx.origin(FA_FOOTER if ctx.fa else AR_FOOTER if ctx.ar else FOOTER),
        "</div>\n",  # #et-main-area
        "</div>\n" if builder else "",  # #et-boc
        "</div> <!-- #page-container -->\n",
        ctx.origin(BODY_SCRIPTS),
        ctx.origin(FA_COOKIE_NOTICE if ctx.fa else AR_COOKIE_NOTICE if ctx.ar else COOKIE_NOTICE),
        "</body>\n</html>\n",
    ]
    return "".join(parts)


def classic_layout(ctx: Context, left: str, sidebar_month: tuple[int, int] | None = None) -> str:
    """Classic Divi content area: #left-area + #sidebar."""
    return (
        '<div class="container">\n<div id="content-area" class="clearfix">\n<div id="left-area">\n'
        + left
        + "</div> <!-- #left-area -->\n"
        + sidebar(ctx, sidebar_month)
        + "\n</div></div>"  # the frame closes #main-content on the same line, as Divi does
    )


def builder_layout(inner: str) -> str:
    """Theme Builder body wrapper (#et-boc .et-l--body .et_builder_inner_content)."""
    return ('<div class="et-l et-l--body">\n<div class="et_builder_inner_content et_pb_gutters3">\n'
            + inner + "</div>\n</div>\n")


# --------------------------------------------------------------------------
# Sidebar widgets
# --------------------------------------------------------------------------


def calendar_widget(ctx: Context, year: int, month: int) -> str:
    """The "Archives" calendar widget: links into the endless /en/calendar/ browser."""
    days = sorted({a.published_date.day for a in ctx.in_month(year, month)})
    cells = "".join(
        f'<td><a href="{ctx.base}/en/calendar/?month={year:04d}-{month:02d}&amp;day={d}">{d}</a></td>' for d in days
    ) or '<td class="pad">&nbsp;</td>'
    py, pm = shift_month(year, month, -1)
    return (
        '<div id="calendar-2" class="et_pb_widget widget_calendar"><h4 class="widgettitle">Archives</h4>'
        '<div id="calendar_wrap" class="calendar_wrap"><table id="wp-calendar" class="wp-calendar-table">'
        f"<caption>{month_label(year, month)}</caption><tbody><tr>{cells}</tr></tbody></table>"
        '<nav aria-label="Previous and next months" class="wp-calendar-nav"><span class="wp-calendar-nav-prev">'
        f'<a href="{ctx.base}/en/calendar/?month={py:04d}-{pm:02d}">&laquo; {MONTHS[pm - 1][:3]}</a></span></nav></div></div>'
    )


def tag_cloud(ctx: Context) -> str:
    counts = ctx.index.tag_counts
    if not counts:
        return ""
    low, high = min(counts.values()), max(counts.values())
    links = []
    for name in sorted(counts, key=str.lower):
        size = 8 if high == low else round(8 + (counts[name] - low) * 14 / (high - low))
        links.append(f'<a href="{ctx.tag_url(name)}" class="tag-cloud-link" style="font-size: {size}pt;">{esc(name)}</a>')
    return ('<div id="tag_cloud-2" class="et_pb_widget widget_tag_cloud"><h4 class="widgettitle">Tags</h4>'
            f'<div class="tagcloud">{" ".join(links)}</div></div>')


def sidebar(ctx: Context, month: tuple[int, int] | None = None) -> str:
    """Classic #sidebar: search, LATEST CONTENT, Archives calendar, tag cloud, Meta, Popular searches.
    On Persian pages ``month`` is a Solar Hijri (year, month)."""
    if ctx.fa:
        return fa_sidebar(ctx, month)
    if ctx.ar:
        return ar_sidebar(ctx)
    if month is None:
        newest = ctx.listed[0].published_date if ctx.listed else date(2024, 4, 1)
        month = (newest.year, newest.month)
    latest = "".join(f'<li><a href="{a.url(ctx.base)}">{wp_text(a.title)}</a></li>' for a in ctx.listed[:5])
    b = ctx.base
    return (
        '<div id="sidebar"><div id="search-2" class="et_pb_widget widget_search"><form role="search" method="get" '
        f'id="searchform" class="searchform" action="{b}/en/"><div><label class="screen-reader-text" for="s">Search for:</label>'
        '<input type="text" value="" name="s" id="s" /><input type="submit" id="searchsubmit" value="Search" /></div></form></div>'
        '<div id="recent-posts-2" class="et_pb_widget widget_recent_entries"><h4 class="widgettitle">'
        f'{LATEST_FA_HEADING if ctx.live else "LATEST CONTENT"}</h4>'
        f"<ul>{latest}</ul></div>"
        + calendar_widget(ctx, *month)
        + tag_cloud(ctx)
        + '<div id="meta-2" class="et_pb_widget widget_meta"><h4 class="widgettitle">Meta</h4><ul>'
        f'<li><a href="{b}/en/wp-login.php">Log in</a></li><li><a href="{b}/en/feed/">Entries feed</a></li>'
        f'<li><a href="{b}/en/comments/feed/">Comments feed</a></li><li><a href="https://wordpress.org/">WordPress.org</a></li></ul></div>'
        '<div id="text-9" class="et_pb_widget widget_text"><h4 class="widgettitle">Popular searches</h4><div class="textwidget">'
        f'<p><a href="{b}/en/?s=jcpoa">JCPOA</a>, <a href="{b}/en/?s=caucasus">Caucasus</a></p></div></div></div>'
    )


def fa_calendar_widget(ctx: Context, year: int, month: int) -> str:
    """The Persian "بایگانی" calendar: a Solar Hijri month, links into /fa/calendar/ (robots-disallowed)."""
    days = sorted({jalali(a.published_date)[2] for a in ctx.listed if jalali(a.published_date)[:2] == (year, month)})
    cells = "".join(
        f'<td><a href="{ctx.base}/fa/calendar/?month={year:04d}-{month:02d}&amp;day={d}">{fa_digits(str(d))}</a></td>'
        for d in days
    ) or '<td class="pad">&nbsp;</td>'
    py, pm = shift_jalali_month(year, month, -1)
    return (
        f'<div id="calendar-2" class="et_pb_widget widget_calendar"><h4 class="widgettitle">{FA_SIDEBAR["archives"]}</h4>'
        '<div id="calendar_wrap" class="calendar_wrap"><table id="wp-calendar" class="wp-calendar-table">'
        f"<caption>{fa_month_label(year, month)}</caption><tbody><tr>{cells}</tr></tbody></table>"
        '<nav aria-label="ماه‌های قبل و بعد" class="wp-calendar-nav"><span class="wp-calendar-nav-prev">'
        f'<a href="{ctx.base}/fa/calendar/?month={py:04d}-{pm:02d}">&laquo; {JALALI_MONTHS[pm - 1]}</a></span></nav></div></div>'
    )


def fa_sidebar(ctx: Context, month: tuple[int, int] | None = None) -> str:
    """The Persian classic #sidebar (same widgets, fa_IR strings, Solar Hijri calendar)."""
    if month is None:
        month = jalali(ctx.listed[0].published_date)[:2] if ctx.listed else (1403, 1)
    latest = "".join(f'<li><a href="{a.url(ctx.base)}">{wp_text(a.title)}</a></li>' for a in ctx.listed[:5])
    b, t = ctx.base, FA_SIDEBAR
    return (
        '<div id="sidebar"><div id="search-2" class="et_pb_widget widget_search"><form role="search" method="get" '
        f'id="searchform" class="searchform" action="{b}/fa/"><div><label class="screen-reader-text" for="s">{t["search_label"]}</label>'
        f'<input type="text" value="" name="s" id="s" /><input type="submit" id="searchsubmit" value="{t["search_button"]}" /></div></form></div>'
        f'<div id="recent-posts-2" class="et_pb_widget widget_recent_entries"><h4 class="widgettitle">{FA_LATEST}</h4>'
        f"<ul>{latest}</ul></div>"
        + fa_calendar_widget(ctx, *month)
        + tag_cloud(ctx).replace('<h4 class="widgettitle">Tags</h4>', f'<h4 class="widgettitle">{t["tags"]}</h4>', 1)
        + f'<div id="meta-2" class="et_pb_widget widget_meta"><h4 class="widgettitle">{t["meta"]}</h4><ul>'
        f'<li><a href="{b}/fa/wp-login.php">{t["log_in"]}</a></li><li><a href="{b}/fa/feed/">{t["entries_feed"]}</a></li>'
        f'<li><a href="{b}/fa/comments/feed/">{t["comments_feed"]}</a></li><li><a href="https://wordpress.org/">WordPress.org</a></li></ul></div>'
        f'<div id="text-9" class="et_pb_widget widget_text"><h4 class="widgettitle">{t["popular"]}</h4><div class="textwidget">'
        f'<p><a href="{b}/fa/?s={wp_quote("برجام")}">برجام</a>، <a href="{b}/fa/?s={wp_quote("قفقاز")}">قفقاز</a></p></div></div></div>'
    )


# --------------------------------------------------------------------------
# Article pieces
# --------------------------------------------------------------------------


def meta_line(ctx: Context, a: Article) -> str:
    """``<span class="published">YYYY/MM/DD</span> | category links`` (alphabetical, rel="category tag")."""
    by_name = category_slug_by_name(a.lang, a.live)
    cats = ", ".join(
        f'<a href="{ctx.category_url(by_name[name])}" rel="category tag">{esc(name)}</a>'
        for name in a.categories
    )
    return f'<span class="published">{a.published_raw}</span> | {cats}'


def featured_img(ctx: Context, a: Article) -> str:
    if not a.featured_image:
        return ""
    return f'<img src="{ctx.base}{a.featured_image}" alt="" class="" width="800" height="450" />'


def render_block(ctx: Context, a: Article, index: int, block: tuple) -> str:
    """One content block as the WordPress editor outputs it."""
    kind = block[0]
    b = ctx.base
    if kind == "p":
        return f"<p>{inline(block[1], b)}</p>\n"
    if kind == "q":
        return f"<p><strong>{inline(block[1], b)}</strong></p>\n"
    if kind == "h3":
        return f"<h3>{inline(block[1], b)}</h3>\n"
    if kind in ("ul", "ol"):
        items = "".join(f"<li>{inline(item, b)}</li>\n" for item in block[1])
        return f"<{kind}>\n{items}</{kind}>\n"
    if kind == "blockquote":
        return f'<blockquote class="wp-block-quote"><p>{inline(block[1], b)}</p></blockquote>\n'
    if kind == "table":
        head_row, *rows = block[1]
        thead = "".join(f"<th>{inline(c, b)}</th>" for c in head_row)
        tbody = "".join("<tr>" + "".join(f"<td>{inline(c, b)}</td>" for c in row) + "</tr>" for row in rows)
        return (f'<figure class="wp-block-table"><table><thead><tr>{thead}</tr></thead>'
                f"<tbody>{tbody}</tbody></table></figure>\n")
    if kind == "figure":
        aid = a.post_id + 1 + index
        return (f'<figure id="attachment_{aid}" aria-describedby="caption-attachment-{aid}" style="width: 800px" '
                f'class="wp-caption aligncenter"><img decoding="async" class="size-full wp-image-{aid}" '
                f'src="{b}{attr(block[1])}" alt="" width="800" height="450" />'
                f'<figcaption id="caption-attachment-{aid}" class="wp-caption-text">{esc(block[2])}</figcaption></figure>\n')
    raise ValueError(f"unknown block kind {kind!r}")


def entry_html(ctx: Context, a: Article) -> str:
    """The article text as stored in WordPress: lead (bold prefix), byline, blocks."""
    prefix, rest = a.lead_parts()
    if a.byline and a.byline_in_lead:  # the byline inside the lead's paragraph, after a line break
        out = [f"<p><strong>{esc(prefix)}</strong> {esc(rest)}<br/><strong>{esc(a.byline)}</strong></p>\n"]
        out.extend(render_block(ctx, a, i, block) for i, block in enumerate(a.blocks))
        return "".join(out)
    out = [f"<p><strong>{esc(prefix)}</strong> {esc(rest)}</p>\n"]
    if a.byline:
        out.append(f'<p style="text-align: {a.byline_align};"><strong>{esc(a.byline)}</strong></p>\n')
    out.extend(render_block(ctx, a, i, block) for i, block in enumerate(a.blocks))
    return "".join(out)


def sloppy_entry_html(ctx: Context, a: Article) -> str:
    """Old hand-written markup: unclosed/upper-case <P>, <B>, unquoted attributes, <font>, mis-nested <b><i>."""
    prefix, rest = a.lead_parts()
    out = [f"<P><B>{esc(prefix)}</B> {esc(rest)}\n"]
    if a.byline:
        out.append(f"<P align=right><B>{esc(a.byline)}</B>\n")
    for i, block in enumerate(a.blocks):
        kind = block[0]
        if kind == "p":
            text = inline(block[1], ctx.base)
            style = i % 3
            if style == 0:
                out.append(f"<P align=justify><FONT face=Tahoma size=2>{text}</FONT>\n")
            elif style == 1:
                out.append(f"<P>{text}\n")
            else:
                out.append(f"<p class=MsoNormal><font color=#222222>{text}</font></p>\n")
        elif kind == "q":
            out.append(f"<P><b><i>{inline(block[1], ctx.base)}</b></i>\n")
        else:
            out.append(render_block(ctx, a, i, block))
    return "".join(out)


def share_block(ctx: Context, a: Article) -> str:
    """AddToAny share buttons appended to the content (not article text)."""
    url = a.url(ctx.base)
    q = f"linkurl={quote(url, safe='')}&amp;linkname={quote(a.title, safe='')}"
    buttons = "".join(
        f'<a class="a2a_button_{svc}" href="https://www.addtoany.com/add_to/{svc}?{q}" title="{label}" '
        'rel="nofollow noopener" target="_blank"></a>'
        for svc, label in (("facebook", "Facebook"), ("twitter", "Twitter"), ("telegram", "Telegram"),
                           ("whatsapp", "Whatsapp"), ("linkedin", "Linkedin"), ("email", "Email"))
    )
    return ('<div class="addtoany_share_save_container addtoany_content addtoany_content_bottom">'
            f'<div class="addtoany_header">{FA_SHARE if a.lang == "fa" else "Share This:"}</div>'
            f'<div class="a2a_kit a2a_kit_size_24 addtoany_list" data-a2a-url="{url}" data-a2a-title="{attr(a.title)}">'
            f'{buttons}<a class="a2a_dd addtoany_share_save addtoany_share" href="https://www.addtoany.com/share"></a></div></div>\n')


def tags_line(ctx: Context, a: Article) -> str:
    if not a.tags:
        return ""
    if ctx.live or ctx.ar:
        links = ", ".join(f'<a href="{ctx.tag_url(t, a.tag_hex == "upper")}" rel="tag">{esc(t)}</a>' for t in a.tags)
    else:
        links = ", ".join(f'<a href="{ctx.tag_url(t)}" rel="tag">{esc(t)}</a>' for t in a.tags)
    title = FA_TAGS if a.lang == "fa" else "الوسوم:" if a.lang == "ar" else "Tags:"
    return f'<div class="scfr-post-tags"><span class="tags-title">{title}</span> {links}</div>'


def comment_date(moment: datetime) -> str:
    """'November 3, 2022 at 9:41 am' (WordPress default format)."""
    hour = moment.hour % 12 or 12
    return f"{MONTHS[moment.month - 1]} {moment.day}, {moment.year} at {hour}:{moment.minute:02d} {'am' if moment.hour < 12 else 'pm'}"


def comments_section(ctx: Context, a: Article) -> str:
    """section#comment-wrap: heading, reader comments with Reply links, the #respond form."""
    n = len(a.comments)
    fa = a.lang == "fa"
    heading = FA_COMMENTS_HEADING.format(fa_digits(str(n))) if fa else f'{n} Comment{"" if n == 1 else "s"}'
    out = [f'<section id="comment-wrap"><h1 id="comments" class="page_title">{heading}</h1>']
    if a.comments:
        out.append('<ol class="commentlist clearfix">')
        url = a.url(ctx.base)
        for i, (name, text) in enumerate(a.comments):
            cid = a.comment_id(i)
            parity = "even" if i % 2 == 0 else "odd"
            avatar = hashlib.md5(name.lower().encode("utf-8")).hexdigest()
            when = fa_comment_date(a.comment_time(i)) if fa else f"on {comment_date(a.comment_time(i))}"
            reply_to = FA_REPLY_TO.format(attr(name)) if fa else f"Reply to {attr(name)}"
            out.append(
                f'<li class="comment {parity} thread-{parity} depth-1" id="li-comment-{cid}">'
                f'<article id="comment-{cid}" class="comment-body clearfix"><div class="comment_avatar">'
                f"<img alt='{attr(name)}' src='https://secure.gravatar.com/avatar/{avatar}?s=80&#038;d=mm&#038;r=g' "
                "class='avatar avatar-80 photo' height='80' width='80' loading='lazy' decoding='async'/></div>"
                f'<div class="comment_postinfo"><span class="fn">{esc(name)}</span>'
                f'<span class="comment_date">{when}</span></div>'
                f'<div class="comment_area"><div class="comment-content clearfix"><p>{esc(text)}</p>'
                "<span class=\"reply-container\"><a rel='nofollow' class='comment-reply-link et_pb_button' "
                f"href='{url}?replytocom={cid}#respond' data-commentid=\"{cid}\" data-postid=\"{a.post_id}\" "
                f'data-belowelement="comment-{cid}" data-respondelement="respond" data-replyto="{reply_to}" '
                f"aria-label='{reply_to}'>{FA_REPLY if fa else 'Reply'}</a></span></div></div></article></li>"
            )
        out.append("</ol>")
    out.append(ctx.origin(FA_RESPOND_FORM if fa else RESPOND_FORM).replace("@POST_ID@", str(a.post_id)))
    out.append("</section>")
    return "".join(out)


def teaser(ctx: Context, a: Article, module: int, index: int) -> str:
    """A "LATEST CONTENT" teaser of the Theme Builder sidebar: title, full lead, byline."""
    byline = f'<p class="scfr-teaser-author">{esc(a.byline)}</p>' if a.byline else ""
    return (
        f'<article id="post-{a.post_id}" class="et_pb_post clearfix et_pb_no_thumb et_pb_blog_item_{module}_{index} '
        f'post-{a.post_id} post type-post status-publish format-standard hentry">'
        f'<h2 class="entry-title"><a href="{a.url(ctx.base)}">{wp_text(a.title)}</a></h2>'
        f'<div class="post-content"><div class="post-content-inner"><p>{esc(a.lead)}</p>{byline}</div></div></article>'
    )


def article_seo(ctx: Context, a: Article, modified: datetime) -> str:
    """Yoast block of an article page (canonical, og:*, article:published_time, JSON-LD)."""
    url = a.url(ctx.base)
    published = a.published_at.isoformat()
    modified_iso = to_tehran(modified).isoformat()
    description = attr(a.lead[:155].rstrip())
    words = sum(word_count(p) for p in a.paragraphs())
    image = ""
    if a.featured_image:
        image = (f'<meta property="og:image" content="{ctx.base}{a.featured_image}" />\n'
                 '<meta property="og:image:width" content="800" />\n<meta property="og:image:height" content="450" />\n')
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "Article", "@id": f"{url}#article", "isPartOf": {"@id": url},
         "author": {"name": POSTING_ACCOUNT, "@id": f"{ctx.base}/en/#/schema/person/5f2c0e0f1b9a"},
         "headline": a.title, "datePublished": published, "dateModified": modified_iso,
         "mainEntityOfPage": {"@id": url}, "wordCount": words, "commentCount": len(a.comments),
         "publisher": {"@id": f"{ctx.base}/en/#organization"}, "keywords": list(a.tags),
         "articleSection": list(a.categories), "inLanguage": "en-US"},
        {"@type": "WebPage", "@id": url, "url": url, "name": f"{a.title} - {SITE_NAME}",
         "isPartOf": {"@id": f"{ctx.base}/en/#website"}, "datePublished": published,
         "breadcrumb": {"@id": f"{url}#breadcrumb"}, "inLanguage": "en-US"},
        {"@type": "BreadcrumbList", "@id": f"{url}#breadcrumb", "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "Home", "item": f"{ctx.base}/en/"},
            {"@type": "ListItem", "position": 2, "name": a.title}]},
        _website_node(ctx), _organization_node(ctx),
    ]}
    return (
        f'<meta name="description" content="{description}" />\n'
        '<meta name="robots" content="index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1" />\n'
        f'<link rel="canonical" href="{url}" />\n'
        '<meta property="og:locale" content="en_US" />\n<meta property="og:type" content="article" />\n'
        f'<meta property="og:title" content="{attr(a.title)}" />\n'
        f'<meta property="og:description" content="{description}" />\n'
        f'<meta property="og:url" content="{url}" />\n'
        f'<meta property="og:site_name" content="{SITE_NAME}" />\n'
        '<meta property="article:publisher" content="https://www.facebook.com/scfr.ir" />\n'
        f'<meta property="article:published_time" content="{published}" />\n'
        f'<meta property="article:modified_time" content="{modified_iso}" />\n'
        + image
        + f'<meta name="author" content="{POSTING_ACCOUNT}" />\n'
        '<meta name="twitter:card" content="summary_large_image" />\n'
        '<meta name="twitter:creator" content="@scfr_en" />\n<meta name="twitter:site" content="@scfr_en" />\n'
        '<meta name="twitter:label1" content="Written by" />\n'
        f'<meta name="twitter:data1" content="{POSTING_ACCOUNT}" />\n'
        '<meta name="twitter:label2" content="Est. reading time" />\n'
        f'<meta name="twitter:data2" content="{max(1, round(words / 230))} minutes" />\n'
        f'<script type="application/ld+json" class="yoast-schema-graph">{json_ld(graph)}</script>\n'
    )


def fa_article_seo(ctx: Context, a: Article) -> str:
    """Yoast block of a Persian article page: no article:published_time and no JSON-LD (SITE.md)."""
    url = a.url(ctx.base)
    description = attr(a.lead[:155].rstrip())
    words = sum(word_count(p) for p in a.paragraphs())
    image = ""
    if a.featured_image:
        image = (f'<meta property="og:image" content="{ctx.base}{a.featured_image}" />\n'
                 '<meta property="og:image:width" content="800" />\n<meta property="og:image:height" content="450" />\n')
    return (
        f'<meta name="description" content="{description}" />\n'
        '<meta name="robots" content="index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1" />\n'
        f'<link rel="canonical" href="{url}" />\n'
        '<meta property="og:locale" content="fa_IR" />\n<meta property="og:type" content="article" />\n'
        f'<meta property="og:title" content="{attr(a.title)}" />\n'
        f'<meta property="og:description" content="{description}" />\n'
        f'<meta property="og:url" content="{url}" />\n'
        f'<meta property="og:site_name" content="{FA_SITE_NAME}" />\n'
        '<meta property="article:publisher" content="https://www.facebook.com/scfr.ir" />\n'
        + image
        + f'<meta name="author" content="{POSTING_ACCOUNT}" />\n'
        '<meta name="twitter:card" content="summary_large_image" />\n'
        '<meta name="twitter:creator" content="@scfr_ir" />\n<meta name="twitter:site" content="@scfr_ir" />\n'
        '<meta name="twitter:label1" content="نوشته‌شده به دست" />\n'
        f'<meta name="twitter:data1" content="{POSTING_ACCOUNT}" />\n'
        '<meta name="twitter:label2" content="زمان تقریبی برای خواندن" />\n'
        f'<meta name="twitter:data2" content="{fa_digits(str(max(1, round(words / 230))))} دقیقه" />\n'
    )


def hreflang_links(ctx: Context, a: Article) -> str:
    """<link rel="alternate" hreflang> of a post and its translation (en-US first), '' without one."""
    if a.translation_paths:  # live site: up to three editions (en-US, fa-IR, ar)
        urls = {a.lang: a.url(ctx.base), **{lang: ctx.base + path for lang, path in a.translation_paths.items()}}
        return "".join(f'<link rel="alternate" hreflang="{HTML_LANG[lang]}" href="{attr(urls[lang])}">\n'
                       for lang in ("en", "fa", "ar") if lang in urls)
    other = a.translation_url(ctx.base)
    if not other:
        return ""
    urls = {a.lang: a.url(ctx.base), ("en" if a.lang == "fa" else "fa"): other}
    return "".join(f'<link rel="alternate" hreflang="{HTML_LANG[lang]}" href="{attr(urls[lang])}">\n'
                   for lang in ("en", "fa"))


def _website_node(ctx: Context) -> dict:
    return {"@type": "WebSite", "@id": f"{ctx.base}/en/#website", "url": f"{ctx.base}/en/", "name": SITE_NAME,
            "description": SITE_DESCRIPTION,
            "potentialAction": [{"@type": "SearchAction",
                                 "target": {"@type": "EntryPoint", "urlTemplate": f"{ctx.base}/en/?s={{search_term_string}}"},
                                 "query-input": "required name=search_term_string"}]}


def _organization_node(ctx: Context) -> dict:
    return {"@type": "Organization", "@id": f"{ctx.base}/en/#organization", "name": SITE_DESCRIPTION,
            "url": f"{ctx.base}/en/", "sameAs": ["https://www.facebook.com/scfr.ir", "https://twitter.com/scfr_en"]}


# --------------------------------------------------------------------------
# Article pages
# --------------------------------------------------------------------------


def article_page(ctx: Context, a: Article, modified: datetime | None = None) -> str:
    """Full article page in the post's template (classic, Theme Builder or the restyled redesign)."""
    url = a.url(ctx.base)
    restyled = a.template == "restyled"
    entry = (sloppy_entry_html if a.sloppy else entry_html)(ctx, a) + (
        restyled_extras(ctx, a) if restyled else share_block(ctx, a))
    theme = {"chunks": RESTYLED_HEAD_CHUNKS} if restyled else {}
    if a.lang == "ar":
        title = f"{a.title} - {AR_SITE_NAME}"
        seo = ar_article_seo(ctx, a)
        comments_feed_title = f"{AR_SITE_NAME} &raquo; {attr(a.title)}"
    elif a.lang == "fa":
        title = f"{a.title} - {FA_SITE_NAME}"
        seo = fa_article_seo(ctx, a)
        comments_feed_title = f"{FA_SITE_NAME} &raquo; خوراک دیدگاه‌های {attr(a.title)}"
    else:
        title = f"{a.title} - {SITE_NAME}"
        seo = article_seo(ctx, a, modified or a.published_at)
        comments_feed_title = f"{SITE_NAME} &raquo; {attr(a.title)} Comments Feed"
    edition = f"{ctx.base}/{a.lang}"
    head_html = head(
        ctx,
        title=title,
        seo=seo,
        charset="windows-1252" if a.charset.lower() in ("windows-1252", "cp1252") else "UTF-8",
        feed_links=f'<link rel="alternate" type="application/rss+xml" title="{comments_feed_title}" href="{url}feed/" />\n',
        rest_links=f'<link rel="alternate" type="application/json" href="{edition}/wp-json/wp/v2/posts/{a.post_id}" />\n',
        post_links=(f"<link rel='shortlink' href='{edition}/?p={a.post_id}' />\n"
                    '<link rel="alternate" type="application/json+oembed" '
                    f'href="{edition}/wp-json/oembed/1.0/embed?url={quote(url, safe="")}" />\n'
                    f'<link rel="amphtml" href="{url}amp/">\n'
                    + hreflang_links(ctx, a)),
        **theme,
    )
    body_class = f"post-template-default single single-post postid-{a.post_id} single-format-standard"
    if restyled:
        page = restyled_frame(ctx, head_html=head_html, body_class=body_class,
                              main=_restyled_article_main(ctx, a, entry))
    else:
        builder = a.template == "themebuilder"
        main = (_builder_article_main if builder else _classic_article_main)(ctx, a, entry)
        page = frame(ctx, head_html=head_html, builder=builder, main=main, body_class=body_class,
                     cookies_not_set=True, switch_url=a.translation_url(ctx.base))
    if ctx.page_weight:
        page = pad_page(page, a.post_id, ctx.page_weight, "restyled" if restyled else "divi")
    if a.sloppy:
        # The old page was cut off mid-way through the comment form; browsers cope.
        marker = RESTYLED_SLOPPY_CUT if restyled else "<span>Submit a Comm"
        page = page[: page.index(marker) + len(marker)]
    return page


# --------------------------------------------------------------------------
# Page weight: the real pages carry tens of KB of inline Divi CSS and module data
# --------------------------------------------------------------------------


def _padding_pools() -> tuple[str, list[str]]:
    """Deterministic Divi-like CSS rules (~200 KB) and et_animation_data-style JSON entries."""
    rnd = random.Random(20240421)
    modules = ("et_pb_section", "et_pb_row", "et_pb_column", "et_pb_text", "et_pb_image", "et_pb_blog", "et_pb_code",
               "et_pb_post_title", "et_pb_post_content", "et_pb_comments", "et_pb_button", "et_pb_blurb",
               "et_pb_divider", "et_pb_sidebar", "et_pb_menu", "et_pb_social_media_follow")
    props = ("padding-top:{n}px!important", "padding-bottom:{n}px!important", "margin-top:{n}px!important",
             "margin-bottom:{n}px!important", "font-size:{s}px", "line-height:1.{d}em", "color:#{c}!important",
             "background-color:#{c}", "border-radius:{d}px {d}px {d}px {d}px", "overflow:hidden",
             "width:{p}%", "max-width:{w}px", "font-family:'Open Sans',Helvetica,Arial,Lucida,sans-serif",
             "font-weight:{fw}", "text-transform:uppercase", "letter-spacing:{d}px", "z-index:{d}",
             "box-shadow:0px 2px 18px 0px rgba(0,0,0,0.{d})", "transition:opacity 300ms ease 0ms")
    media = ("@media only screen and (max-width:980px){", "@media only screen and (max-width:767px){",
             "@media only screen and (min-width:981px){")
    rules: list[str] = []
    size = 0
    while size < 200_000:
        selector = ",".join(
            f".{m}_{rnd.randrange(12)}_tb_{rnd.choice(('body', 'header', 'footer'))}"
            + rnd.choice(("", f".{m}", " .et_pb_module_header", " h2", " .et_pb_text_inner", ":hover", " a"))
            for m in rnd.sample(modules, rnd.randint(1, 3)))
        decls = ";".join(
            p.format(n=rnd.randrange(0, 60), s=rnd.randrange(11, 32), d=rnd.randrange(0, 9),
                     c=f"{rnd.randrange(0x1000000):06x}", p=rnd.randrange(10, 101), w=rnd.randrange(300, 1281),
                     fw=rnd.choice((300, 400, 600, 700)))
            for p in rnd.sample(props, rnd.randint(1, 5)))
        rule = f"{selector}{{{decls}}}"
        if rnd.random() < 0.15:
            rule = f"{rnd.choice(media)}{rule}}}"
        rules.append(rule)
        size += len(rule)
    entries = [
        json.dumps({"class": f"{rnd.choice(modules[3:])}_{i}_tb_body",
                    "style": rnd.choice(("fade", "slide", "zoom", "flip")), "repeat": "once",
                    "duration": f"{rnd.choice((500, 750, 1000))}ms", "delay": f"{rnd.randrange(0, 600, 50)}ms",
                    "intensity": f"{rnd.randrange(5, 60)}%", "starting_opacity": "0%",
                    "speed_curve": rnd.choice(("ease-in-out", "ease", "linear"))}, separators=(",", ":"))
        for i in range(800)
    ]
    return "".join(rules), entries


_PAD_CSS, _PAD_JS_ENTRIES = _padding_pools()
# The restyled theme's own critical CSS / motion data: same volume, its own class names.
_RESTYLED_PAD_CSS = _PAD_CSS.replace(".et_pb_", ".mrd-").replace("_tb_", "-")
_RESTYLED_PAD_JS_ENTRIES = [e.replace('"class":"et_pb_', '"class":"mrd-').replace("_tb_", "-")
                            for e in _PAD_JS_ENTRIES]


def pad_page(page: str, post_id: int, weight: tuple[int, int], flavor: str = "divi") -> str:
    """Grow a page to a per-post size in [low, high] bytes with inline Divi CSS (head) and
    animation data (end of body), as the real pages carry; pages already that big are kept.
    flavor="restyled" pads with the restyled theme's CSS and script instead."""
    restyled = flavor == "restyled"
    pad_css = _RESTYLED_PAD_CSS if restyled else _PAD_CSS
    pad_entries = _RESTYLED_PAD_JS_ENTRIES if restyled else _PAD_JS_ENTRIES
    low, high = weight
    rnd = random.Random(post_id)
    target = rnd.randint(low, high)
    missing = target - len(page.encode("utf-8")) - 200  # tag overhead
    if missing <= 0:
        return page
    css_len = min(missing * 3 // 4, len(pad_css) // 2)
    start = pad_css.index("}", rnd.randrange(len(pad_css) // 2)) + 1
    end = pad_css.rfind("}", start, start + css_len) + 1
    css = pad_css[start:end] if end > start else ""
    js_len = missing - len(css)
    entries: list[str] = []
    first = rnd.randrange(len(pad_entries))
    total = 0
    while total < js_len:
        entry = pad_entries[(first + len(entries)) % len(pad_entries)]
        entries.append(entry)
        total += len(entry) + 1
    if restyled:
        style = f'<style id="meridian-critical-{post_id}">{css}</style>\n' if css else ""
        script = (f'<script id="meridian-motion-{post_id}">window.meridianMotion = [{",".join(entries)}];</script>\n'
                  if entries else "")
    else:
        style = (f'<style id="et-builder-module-design-tb-{post_id}-cached-inline-styles">{css}</style>\n'
                 if css else "")
        script = (f'<script type="text/javascript" id="et-builder-animation-data-{post_id}">'
                  f'var et_animation_data = [{",".join(entries)}];</script>\n' if entries else "")
    page = page.replace("</head>", style + "</head>", 1)
    cut = page.rfind("</body>")
    return page[:cut] + script + page[cut:] if cut >= 0 else page.replace("</head>", script + "</head>", 1)


def _classic_article_main(ctx: Context, a: Article, entry: str) -> str:
    thumb = " has-post-thumbnail" if a.featured_image else ""
    img = featured_img(ctx, a)
    left = (
        f'<article id="post-{a.post_id}" class="et_pb_post post-{a.post_id} post type-post status-publish '
        f'format-standard{thumb} hentry category-{a.primary_category}">\n'
        '<div class="et_post_meta_wrapper">\n'
        f'<h1 class="entry-title">{wp_text(a.title)}</h1>\n'
        f'<p class="post-meta">{meta_line(ctx, a)}</p>\n'
        + (img + "\n" if img else "")
        + f'</div>\n<div class="{attr(ctx.container_class or "entry-content")}">\n' + entry + "</div>\n"
        '<div class="et_post_meta_wrapper">\n' + tags_line(ctx, a) + "\n" + comments_section(ctx, a) + "\n</div>\n"
        "</article>\n"
    )
    month = jalali(a.published_date)[:2] if ctx.fa else (a.published_date.year, a.published_date.month)
    return classic_layout(ctx, left, month)


def _builder_article_main(ctx: Context, a: Article, entry: str) -> str:
    others = list(islice((o for o in ctx.listed if o.post_id != a.post_id), 6))
    align = "right" if ctx.fa or ctx.ar else "left"
    latest, loading = (FA_LATEST, FA_LOADING_CODE) if ctx.fa else ("LATEST CONTENT", LOADING)
    phone_latest = "Últimas publicaciones"
    if ctx.ar:
        latest, loading, phone_latest = LATEST_FA_HEADING, AR_LOADING_CODE, LATEST_FA_HEADING
    elif ctx.live and ctx.lang == "en":  # "جدیدترین مطالب" instead of (even ids) or besides LATEST CONTENT
        if a.post_id % 2 == 0:
            latest = LATEST_FA_HEADING
        else:
            phone_latest = LATEST_FA_HEADING
    img = featured_img(ctx, a)
    featured = (f'<div class="et_pb_title_featured_container"><span class="et_pb_image_wrap">{img}</span></div>'
                if img else "")
    inner = (
        '<div class="et_pb_section et_pb_section_0_tb_body et_section_regular">\n'
        '<div class="et_pb_row et_pb_row_0_tb_body">\n'
        '<div class="et_pb_column et_pb_column_2_3 et_pb_column_0_tb_body et_pb_css_mix_blend_mode_passthrough">\n'
        f'<div class="et_pb_module et_pb_post_title et_pb_post_title_0_tb_body et_pb_bg_layout_light et_pb_text_align_{align}">'
        f'<div class="et_pb_title_container"><h1 class="entry-title">{wp_text(a.title)}</h1>'
        f'<p class="et_pb_title_meta_container">{meta_line(ctx, a)}</p></div>{featured}</div>\n'
        f'<div class="et_pb_module {attr(ctx.container_class or "et_pb_post_content")} et_pb_post_content_0_tb_body">\n'
        + entry + "</div>\n"
        '<div class="et_pb_module et_pb_text et_pb_text_2_tb_body"><div class="et_pb_text_inner">'
        + tags_line(ctx, a) + "</div></div>\n"
        '<div class="et_pb_module et_pb_comments_0_tb_body et_pb_comments_module et_pb_bg_layout_light">'
        + comments_section(ctx, a) + "</div>\n"
        "</div>\n"
        '<div class="et_pb_column et_pb_column_1_3 et_pb_column_1_tb_body et_pb_css_mix_blend_mode_passthrough et-last-child">\n'
        f'<div class="et_pb_module et_pb_text et_pb_text_0_tb_body et_pb_text_align_{align} et_pb_bg_layout_light et_pb_hidden_phone">'
        f'<div class="et_pb_text_inner"><h4>{latest}</h4></div></div>\n'
        '<div class="et_pb_module et_pb_blog et_pb_blog_0_tb_body et_pb_posts et_pb_bg_layout_light et_pb_hidden_phone">'
        '<div class="et_pb_ajax_pagination_container">' + "".join(teaser(ctx, o, 0, i) for i, o in enumerate(others))
        + "</div></div>\n"
        f'<div class="et_pb_module et_pb_code et_pb_code_0_tb_body et_pb_hidden_phone">{loading}</div>\n'
        "</div>\n</div>\n</div>\n"
        '<div class="et_pb_section et_pb_section_1_tb_body et_pb_hidden_desktop et_pb_hidden_tablet et_section_regular">'
        '<div class="et_pb_row et_pb_row_1_tb_body"><div class="et_pb_column et_pb_column_4_4 et_pb_column_2_tb_body '
        'et_pb_css_mix_blend_mode_passthrough et-last-child"><div class="et_pb_module et_pb_text et_pb_text_1_tb_body '
        f'et_pb_text_align_{align} et_pb_bg_layout_light"><div class="et_pb_text_inner"><h4>{phone_latest}</h4></div></div>\n'
        '<div class="et_pb_module et_pb_blog et_pb_blog_1_tb_body et_pb_posts et_pb_bg_layout_light">'
        '<div class="et_pb_ajax_pagination_container">' + "".join(teaser(ctx, o, 1, i) for i, o in enumerate(others))
        + "</div></div>\n"
        f'<div class="et_pb_module et_pb_code et_pb_code_1_tb_body">{loading}</div></div></div></div>\n'
    )
    return builder_layout(inner)


# --------------------------------------------------------------------------
# The restyled template: a redesign whose boilerplate blocks have new markup
# --------------------------------------------------------------------------
#
# A plausible theme change ("Meridian" child theme): the article header, the
# meta line, the text container (article.et_pb_post .entry-content) and the
# tags line keep their classes, but the sidebar, comments, footer, cookie
# banner, share buttons and related posts are new markup with new wording, and
# the share bar, "Read next" teasers, comment box and newsletter prompt are
# printed INSIDE the text container, after the article text.  None of the class
# names, ids or phrases below occur in the crawler's selectors, in SITE.md or
# in the saved samples, and no phrase matches pipelines/boilerplate.py.

RESTYLED_SHARE_LABEL = "Pass this on"
RESTYLED_READ_NEXT = "Read next"
RESTYLED_TALKBACK_HEADING = "Join the discussion"
RESTYLED_NO_RESPONSES = "Nobody has responded yet"  # the count line when a post has no comments
RESTYLED_PROMPT = "Have your say below. Responses are read by an editor before they appear."
RESTYLED_NAME_LABEL = "Your name"
RESTYLED_EMAIL_LABEL = "Your e-mail (never shown)"
RESTYLED_RESPONSE_LABEL = "Your response"
RESTYLED_POST_BUTTON = "Post response"
RESTYLED_NEWSLETTER = "Get our weekly briefing in your inbox"
RESTYLED_NEWSLETTER_NOTE = "One e-mail every Saturday, no spam. Unsubscribe at any time."
RESTYLED_NEWSLETTER_BUTTON = "Sign me up"
RESTYLED_RAIL_RECENT = "Most recent"
RESTYLED_RAIL_TOPICS = "Topics"
RESTYLED_FOOTER_ORG = "Strategic Council on Foreign Relations · Tehran"
RESTYLED_FOOTER_RIGHTS = "All content © SCFR"
RESTYLED_COOKIE = "This website stores cookies to improve your visit."
RESTYLED_COOKIE_OK = "Got it"
RESTYLED_COOKIE_MORE = "How we use cookies"

# Constant paragraphs inside the text container of every restyled page, in page order.  Per page
# there are also: the 3 teasers after "Read next" (title, lead, byline if any), the count line
# (responses_line(n)) after the heading, and each comment's name, date and text before the prompt.
RESTYLED_CONTAINER_PHRASES: tuple[str, ...] = (
    RESTYLED_SHARE_LABEL, RESTYLED_READ_NEXT, RESTYLED_TALKBACK_HEADING, RESTYLED_PROMPT, RESTYLED_NAME_LABEL,
    RESTYLED_EMAIL_LABEL, RESTYLED_RESPONSE_LABEL, RESTYLED_POST_BUTTON, RESTYLED_NEWSLETTER,
    RESTYLED_NEWSLETTER_NOTE, RESTYLED_NEWSLETTER_BUTTON,
)
# Constant texts outside the container (rail, footer, cookie banner) on every restyled page.
RESTYLED_PAGE_PHRASES: tuple[str, ...] = (
    RESTYLED_RAIL_RECENT, RESTYLED_RAIL_TOPICS, RESTYLED_FOOTER_ORG, RESTYLED_FOOTER_RIGHTS, RESTYLED_COOKIE,
    RESTYLED_COOKIE_OK, RESTYLED_COOKIE_MORE,
)
RESTYLED_PHRASES: tuple[str, ...] = RESTYLED_CONTAINER_PHRASES + RESTYLED_PAGE_PHRASES
READ_NEXT_COUNT = 3  # teasers in the "Read next" block

# Block classes of the redesign (each block's own BEM children are prefixed with its name + "__").
RESTYLED_CLASSES: tuple[str, ...] = (
    "shell-x3", "topline-q", "masthead-q2", "stage-v9", "rail-k7", "site-base", "consent-strip",
    "spread-bar", "readnext-strip", "talkback-zone", "briefing-signup", "theme-meridian",
)

RESTYLED_HEAD_SCRIPTS = r"""<meta http-equiv="X-UA-Compatible" content="IE=edge">
<link rel="pingback" href="@SITE@/en/xmlrpc.php" />
<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin />
<script id="meridian-boot">document.documentElement.classList.add('has-js');</script>
"""

RESTYLED_HEAD_ASSETS = r"""<meta name="generator" content="Meridian 2.3.1" />
<link rel='stylesheet' id='wp-block-library-css' href='@SITE@/wp-includes/css/dist/block-library/style.min.css?ver=6.5.2' type='text/css' media='all' />
<link rel='stylesheet' id='meridian-base-css' href='@SITE@/wp-content/themes/meridian/assets/css/base.min.css?ver=2.3.1' type='text/css' media='all' />
<link rel='stylesheet' id='meridian-scfr-css' href='@SITE@/wp-content/themes/meridian-scfr/style.css?ver=2.3.1' type='text/css' media='all' />
<script type='text/javascript' src='@SITE@/wp-includes/js/jquery/jquery.min.js?ver=3.7.1' id='jquery-core-js'></script>
<script type='text/javascript' id='meridian-consent-js-before'>
var meridianConsent = {"cookie":"site_consent","days":180,"endpoint":"@SITE_JS@\/wp-json\/meridian\/v1\/consent"};
</script>
<script type='text/javascript' defer src='@SITE@/wp-content/themes/meridian/assets/js/app.min.js?ver=2.3.1' id='meridian-app-js'></script>
"""

RESTYLED_HEAD_TAIL = r"""<meta name="viewport" content="width=device-width, initial-scale=1" />
<link rel="icon" href="@SITE@/wp-content/uploads/2020/01/cropped-scfr-icon-32x32.png" sizes="32x32" />
<link rel="icon" href="@SITE@/wp-content/uploads/2020/01/cropped-scfr-icon-192x192.png" sizes="192x192" />
<style id="meridian-scfr-inline-css">:root{--mrd-ink:#14212b;--mrd-accent:#0c3c60;--mrd-rail:320px}.shell-x3{max-width:1180px;margin:0 auto}.stage-v9__grid{display:grid;grid-template-columns:minmax(0,1fr) var(--mrd-rail);gap:48px}.rail-k7__head{font-size:13px;letter-spacing:.08em;text-transform:uppercase}.talkback-zone{border-top:3px solid var(--mrd-accent);margin-top:40px}.consent-strip{position:fixed;bottom:0;left:0;right:0}.site-base{background:#0a2236;color:#d6e2ec}</style>
"""
RESTYLED_HEAD_CHUNKS = (RESTYLED_HEAD_SCRIPTS, RESTYLED_HEAD_ASSETS, RESTYLED_HEAD_TAIL)

RESTYLED_BODY_CLASS_TAIL = "theme-meridian meridian-scfr has-rail"

RESTYLED_BODY_SCRIPTS = r"""<script type="text/javascript" id="meridian-app-js-extra">
var meridian = {"ajaxUrl":"@SITE_JS@\/wp-admin\/admin-ajax.php","talkback":{"endpoint":"@SITE_JS@\/wp-json\/meridian\/v1\/responses","maxLength":3000},"railSticky":true};
</script>
"""

RESTYLED_FOOTER = (
    '<div class="site-base" data-region="base"><div class="site-base__cols">'
    f'<div class="site-base__col"><p class="site-base__org">{esc(RESTYLED_FOOTER_ORG)}</p>'
    '<p class="site-base__mail"><a href="mailto:info@scfr.ir">info@scfr.ir</a></p></div>'
    '<div class="site-base__col"><ul class="site-base__links">'
    '<li><a href="@SITE@/en/about-us/">About the council</a></li><li><a href="@SITE@/en/contact-us/">Write to us</a></li>'
    '<li><a href="@SITE@/en/privacy-policy/">Privacy</a></li><li><a href="/en/archives/scfr-old/">Earlier site</a></li>'
    '<li><a href="@SITE@/en/feed/">RSS</a></li><li><a href="@SITE@/en/wp-admin/">Staff login</a></li></ul></div>'
    '<div class="site-base__col"><a href="https://twitter.com/scfr_en" data-net="x">X</a> '
    '<a href="https://t.me/scfr_en" data-net="telegram">Telegram</a> '
    '<a href="https://www.instagram.com/scfr.ir/" data-net="instagram">Instagram</a></div></div>'
    f'<p class="site-base__rights">{esc(RESTYLED_FOOTER_RIGHTS)}</p></div>\n'
)

RESTYLED_CONSENT = (
    '<div class="consent-strip" data-consent="pending" role="region" aria-label="Cookies">'
    f'<p class="consent-strip__text">{esc(RESTYLED_COOKIE)}</p><div class="consent-strip__actions">'
    f'<a href="#" class="consent-strip__ok" role="button" data-consent-choice="accept">{esc(RESTYLED_COOKIE_OK)}</a> '
    f'<a href="@SITE@/en/privacy-policy/" class="consent-strip__more">{esc(RESTYLED_COOKIE_MORE)}</a></div></div>\n'
)

# Where a sloppy (truncated) restyled page is cut off: in the middle of the comment box's button.
RESTYLED_SLOPPY_CUT = f'data-action="post-response">{RESTYLED_POST_BUTTON[:9]}'


def responses_line(n: int) -> str:
    """The count line under the comment box heading: "Nobody has responded yet", "1 reader has
    responded", "3 readers have responded" (never "N Responses", a marker the crawler knows)."""
    if n == 0:
        return RESTYLED_NO_RESPONSES
    return f"{n} reader has responded" if n == 1 else f"{n} readers have responded"


def restyled_comment_date(moment: datetime) -> str:
    """'14 June 2023, 09:41' (the redesign's date format)."""
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}, {moment.hour:02d}:{moment.minute:02d}"


def read_next_posts(listed: Iterable[Article], a: Article) -> list[Article]:
    """The "Read next" teasers of a's restyled page: the newest listed posts other than a
    (``listed`` newest first, e.g. ``site.listed()``)."""
    return list(islice((o for o in listed if o.post_id != a.post_id), READ_NEXT_COUNT))


def spread_bar(ctx: Context, a: Article) -> str:
    """The redesign's share buttons (icons only, one label)."""
    url = quote(a.url(ctx.base), safe="")
    title = quote(a.title, safe="")
    links = "".join(
        f'<a class="spread-bar__btn" data-net="{net}" href="{href}" aria-label="{label}" rel="nofollow noopener" '
        'target="_blank"></a>'
        for net, label, href in (
            ("x", "X", f"https://twitter.com/intent/tweet?url={url}&amp;text={title}"),
            ("telegram", "Telegram", f"https://t.me/share/url?url={url}&amp;text={title}"),
            ("whatsapp", "WhatsApp", f"https://wa.me/?text={title}%20{url}"),
            ("mail", "E-mail", f"mailto:?subject={title}&amp;body={url}"),
        )
    )
    return (f'<div class="spread-bar" data-widget="spread"><span class="spread-bar__label">{esc(RESTYLED_SHARE_LABEL)}</span>'
            f"{links}</div>\n")


def read_next(ctx: Context, a: Article) -> str:
    """ "Read next": teasers of the newest listed posts (title, full lead, byline)."""
    items = []
    for o in read_next_posts(ctx.listed, a):
        byline = f'<p class="readnext-strip__by">{esc(o.byline)}</p>' if o.byline else ""
        items.append(
            f'<div class="readnext-strip__item" data-item="{o.post_id}">'
            f'<h4 class="readnext-strip__title"><a href="{o.url(ctx.base)}">{wp_text(o.title)}</a></h4>'
            f'<p class="readnext-strip__lead">{esc(o.lead)}</p>{byline}</div>'
        )
    return (f'<div class="readnext-strip" data-block="read-next"><h5 class="readnext-strip__head">{esc(RESTYLED_READ_NEXT)}</h5>'
            + "".join(items) + "</div>\n")


def talkback(ctx: Context, a: Article) -> str:
    """The redesign's comment box: heading, count, reader comments, prompt, composer (no <form>: JS posts it)."""
    out = [f'<section class="talkback-zone" id="talkback" data-count="{len(a.comments)}">'
           f'<h2 class="talkback-zone__head">{esc(RESTYLED_TALKBACK_HEADING)}</h2>'
           f'<p class="talkback-zone__count">{responses_line(len(a.comments))}</p>']
    for i, (name, text) in enumerate(a.comments):
        cid = a.comment_id(i)
        when = a.comment_time(i)
        out.append(
            f'<div class="talkback-zone__item" id="tb-entry-{cid}" data-entry="{cid}">'
            f'<div class="talkback-zone__name">{esc(name)}</div>'
            f'<div class="talkback-zone__when"><time datetime="{when.isoformat()}">{restyled_comment_date(when)}</time></div>'
            f'<div class="talkback-zone__said"><p>{esc(text)}</p></div></div>'
        )
    pid = a.post_id
    out.append(
        f'<p class="talkback-zone__prompt">{esc(RESTYLED_PROMPT)}</p>'
        f'<div class="talkback-zone__composer" data-composer="{pid}">'
        f'<div class="talkback-zone__field"><label for="tb-name-{pid}">{esc(RESTYLED_NAME_LABEL)}</label>'
        f'<input type="text" id="tb-name-{pid}" name="tb_name" autocomplete="name" /></div>'
        f'<div class="talkback-zone__field"><label for="tb-mail-{pid}">{esc(RESTYLED_EMAIL_LABEL)}</label>'
        f'<input type="email" id="tb-mail-{pid}" name="tb_mail" autocomplete="email" /></div>'
        f'<div class="talkback-zone__field"><label for="tb-text-{pid}">{esc(RESTYLED_RESPONSE_LABEL)}</label>'
        f'<textarea id="tb-text-{pid}" name="tb_text" rows="6"></textarea></div>'
        f'<div class="talkback-zone__actions"><a href="#talkback" class="talkback-zone__send" role="button" '
        f'data-action="post-response">{esc(RESTYLED_POST_BUTTON)}</a></div></div></section>\n'
    )
    return "".join(out)


def briefing_signup() -> str:
    """The newsletter prompt at the end of the container."""
    return (
        '<div class="briefing-signup" data-block="briefing">'
        f'<p class="briefing-signup__pitch">{esc(RESTYLED_NEWSLETTER)}</p>'
        f'<p class="briefing-signup__note">{esc(RESTYLED_NEWSLETTER_NOTE)}</p>'
        '<div class="briefing-signup__row"><input type="email" name="briefing_mail" placeholder="name@example.com" '
        'aria-label="E-mail address" />'
        f'<a href="#" class="briefing-signup__go" role="button" data-action="subscribe">{esc(RESTYLED_NEWSLETTER_BUTTON)}</a>'
        "</div></div>\n"
    )


def restyled_extras(ctx: Context, a: Article) -> str:
    """What the redesign appends inside the text container, after the article text."""
    return spread_bar(ctx, a) + read_next(ctx, a) + talkback(ctx, a) + briefing_signup()


def rail(ctx: Context, a: Article) -> str:
    """The redesign's sidebar: recent titles, topics (tags), month browser."""
    recent = "".join(
        f'<li class="rail-k7__entry"><a href="{o.url(ctx.base)}">{wp_text(o.title)}</a> '
        f'<time datetime="{o.published}">{slash_date(o.published_date)}</time></li>'
        for o in islice((o for o in ctx.listed if o.post_id != a.post_id), 5)
    )
    topics = " ".join(f'<a class="rail-k7__chip" href="{ctx.tag_url(name)}">{esc(name)}</a>'
                      for name in sorted(ctx.index.tag_counts, key=str.lower))
    day = a.published_date
    return (
        '<aside class="rail-k7" data-region="rail" aria-label="More from the council">'
        f'<div class="rail-k7__box" data-box="recent"><h3 class="rail-k7__head">{esc(RESTYLED_RAIL_RECENT)}</h3>'
        f'<ol class="rail-k7__list">{recent}</ol></div>'
        f'<div class="rail-k7__box" data-box="topics"><h3 class="rail-k7__head">{esc(RESTYLED_RAIL_TOPICS)}</h3>'
        f'<div class="rail-k7__chips">{topics}</div></div>'
        '<div class="rail-k7__box" data-box="months">'
        f'<a class="rail-k7__month" href="{ctx.base}/en/calendar/?month={day.year:04d}-{day.month:02d}">'
        f"{month_label(day.year, day.month)}</a></div></aside>\n"
    )


def restyled_masthead(ctx: Context) -> str:
    """Top line (language, social) and the masthead with the section menu and search."""
    items: list[str] = [f'<li><a href="{ctx.base}/en/">Home</a></li>']
    for slug, (name, parent) in CATEGORIES.items():
        if parent is not None:
            continue
        children = [s for s, (_, p) in CATEGORIES.items() if p == slug]
        sub = ("<ul class=\"masthead-q2__sub\">" + "".join(
            f'<li><a href="{ctx.category_url(c)}">{esc(CATEGORIES[c][0])}</a></li>' for c in children) + "</ul>"
            if children else "")
        items.append(f'<li><a href="{ctx.category_url(slug)}">{esc(name)}</a>{sub}</li>')
    items.append(f'<li><a href="{ctx.base}/en/about-us/">About Us</a></li>')
    items.append(f'<li><a href="{ctx.base}/en/contact-us/">Contact Us</a></li>')
    return (
        '<div class="topline-q" data-region="topline"><a class="topline-q__lang" href="'
        f'{ctx.base}/fa/" hreflang="fa">فارسی</a><span class="topline-q__social">'
        '<a href="https://twitter.com/scfr_en" data-net="x">X</a> <a href="https://t.me/scfr_en" data-net="telegram">Telegram</a>'
        "</span></div>\n"
        '<header class="masthead-q2" data-region="masthead">'
        f'<a class="masthead-q2__brand" href="{ctx.base}/en/"><img src="{ctx.base}/wp-content/uploads/2020/01/scfr-logo-en.png" '
        f'width="360" height="72" alt="{SITE_NAME}" /></a>'
        f'<div class="masthead-q2__menu" role="navigation" aria-label="Sections"><ul class="masthead-q2__items">{"".join(items)}</ul></div>'
        f'<div class="masthead-q2__find" role="search"><form method="get" action="{ctx.base}/en/">'
        '<input type="search" name="s" placeholder="Search analyses and interviews" aria-label="Search" /></form></div>'
        "</header>\n"
    )


def restyled_frame(ctx: Context, *, head_html: str, body_class: str, main: str) -> str:
    """Whole document of the redesign: new shell, masthead, footer and cookie banner."""
    return "".join([
        head_html,
        f'<body class="{body_class} {RESTYLED_BODY_CLASS_TAIL}" data-layout="rail-right">\n',
        '<div class="shell-x3" data-shell="page">\n',
        restyled_masthead(ctx),
        '<main class="stage-v9" data-region="main">\n',
        main,
        "</main>\n",
        ctx.origin(RESTYLED_FOOTER),
        "</div>\n",
        ctx.origin(RESTYLED_BODY_SCRIPTS),
        ctx.origin(RESTYLED_CONSENT),
        "</body>\n</html>\n",
    ])


def _restyled_article_main(ctx: Context, a: Article, entry: str) -> str:
    """Article header and text container as on classic pages (the crawler still finds them), tags, rail."""
    thumb = " has-post-thumbnail" if a.featured_image else ""
    img = featured_img(ctx, a)
    tags = tags_line(ctx, a)
    return (
        '<div class="stage-v9__grid">\n<div class="stage-v9__primary">\n'
        f'<article id="post-{a.post_id}" class="et_pb_post post-{a.post_id} post type-post status-publish '
        f'format-standard{thumb} hentry category-{a.primary_category}">\n'
        '<div class="et_post_meta_wrapper">\n'
        f'<h1 class="entry-title">{wp_text(a.title)}</h1>\n'
        f'<p class="post-meta">{meta_line(ctx, a)}</p>\n'
        + (img + "\n" if img else "")
        + f'</div>\n<div class="{attr(ctx.container_class or "entry-content")}">\n' + entry + "</div>\n"
        + (f'<div class="stage-v9__tags">{tags}</div>\n' if tags else "")
        + "</article>\n</div>\n"
        + rail(ctx, a)
        + "</div>\n"
    )


def amp_page(ctx: Context, a: Article) -> str:
    """{canonical}amp/: the AMP plugin's minimal markup; rel=canonical points back."""
    url = a.url(ctx.base)
    published = a.published_at
    image = (f'<figure class="amp-wp-article-featured-image wp-caption"><amp-img width="800" height="450" '
             f'src="{ctx.base}{a.featured_image}" layout="intrinsic"></amp-img></figure>\n' if a.featured_image else "")
    body = entry_html(ctx, a)
    fa = a.lang == "fa"
    site_name = FA_SITE_NAME if fa else AR_SITE_NAME if a.lang == "ar" else SITE_NAME
    html_attrs = ('amp lang="fa-IR" dir="rtl"' if fa else 'amp lang="ar" dir="rtl"' if a.lang == "ar"
                  else 'amp lang="en-US"')
    return (
        f'<!doctype html>\n<html {html_attrs}>\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width,minimum-scale=1,initial-scale=1">\n'
        f"<title>{esc(a.title)} - {site_name}</title>\n"
        f'<link rel="canonical" href="{url}">\n'
        '<script async src="https://cdn.ampproject.org/v0.js"></script>\n'
        "<style amp-boilerplate>body{-webkit-animation:-amp-start 8s steps(1,end) 0s 1 normal both;"
        "animation:-amp-start 8s steps(1,end) 0s 1 normal both}@keyframes -amp-start{from{visibility:hidden}"
        "to{visibility:visible}}</style><noscript><style amp-boilerplate>body{-webkit-animation:none;animation:none}"
        "</style></noscript>\n"
        "<style amp-custom>.amp-wp-header{background:#0c3c60}.amp-wp-header a{color:#fff}"
        ".amp-wp-article{max-width:840px;margin:1.5em auto}</style>\n"
        "</head>\n<body>\n"
        f'<header id="top" class="amp-wp-header"><div><a href="{ctx.base}/{a.lang}/">{site_name}</a></div></header>\n'
        '<article class="amp-wp-article">\n<header class="amp-wp-article-header">'
        f'<h1 class="amp-wp-title">{wp_text(a.title)}</h1>'
        f'<div class="amp-wp-meta amp-wp-posted-on"><time datetime="{published.isoformat()}">'
        f"{a.published_raw}</time></div></header>\n"
        + image
        + f'<div class="amp-wp-article-content">\n{body}</div>\n</article>\n'
        f'<footer class="amp-wp-footer"><div><h2>{site_name}</h2><a href="#top" class="back-to-top">'
        f'{"بازگشت به بالا" if fa else "Back to top"}</a>'
        "</div></footer>\n</body>\n</html>\n"
    )


# --------------------------------------------------------------------------
# Listings
# --------------------------------------------------------------------------


def page_count(total: int, per_page: int = PER_PAGE) -> int:
    return max(1, math.ceil(total / per_page))


def listing_article(ctx: Context, a: Article, modern: bool = False) -> str:
    """An article.et_pb_post teaser of listings: thumbnail, h2 link, meta line, lead excerpt.
    modern: the 2026 layout, which shows the title twice (heading link and teaser link)."""
    url = a.url(ctx.base)
    text, cut = excerpt(a.lead)
    if modern:
        return (
            f'<article id="post-{a.post_id}" class="scfr-card post-{a.post_id} post type-post status-publish">\n'
            f'<h3 class="scfr-card__title"><a href="{url}">{wp_text(a.title)}</a></h3>\n'
            f'<p class="post-meta">{meta_line(ctx, a)}</p>\n'
            f'<div class="scfr-card__teaser"><a class="scfr-card__link" href="{url}">{wp_text(a.title)}</a>'
            f"<p>{esc(text)}{' [&hellip;]' if cut else ''}</p></div>\n"
            "</article>\n"
        )
    img = ""
    if a.featured_image:
        img = (f'<a class="entry-featured-image-url" href="{url}"><img src="{ctx.base}{thumbnail(a.featured_image)}" '
               f'alt="{attr(a.title)}" width="400" height="250" /></a>\n')
    thumb = " has-post-thumbnail" if a.featured_image else ""
    return (
        f'<article id="post-{a.post_id}" class="et_pb_post post-{a.post_id} post type-post status-publish format-standard{thumb} hentry">\n'
        + img
        + f'<h2 class="entry-title"><a href="{url}">{wp_text(a.title)}</a></h2>\n'
        f'<p class="post-meta">{meta_line(ctx, a)}</p>\n'
        f"<p>{esc(text)}{' [&hellip;]' if cut else ''}</p>\n"
        "</article>\n"
    )


def pagination(base_url: str, page: int, pages: int, fa: bool = False, slashless: bool = False,
               ar: bool = False) -> str:
    """Older/newer links only, as Divi prints them (base_url ends with '/'); fa: Persian labels;
    slashless: page/N links without the trailing slash (seen on the live site)."""
    if pages <= 1:
        return ""
    older_label, newer_label = (FA_OLDER, FA_NEWER) if fa else ("&laquo; Older Entries", "Next Entries &raquo;")
    if ar:
        older_label, newer_label = "&laquo; المقالات الأقدم", "المقالات الأحدث &raquo;"
    end = "" if slashless else "/"
    older = (f'\t<div class="alignleft"><a href="{base_url}page/{page + 1}{end}" >{older_label}</a></div>\n'
             if page < pages else "")
    newer = ""
    if page > 1:
        target = base_url if page == 2 else f"{base_url}page/{page - 1}{end}"
        newer = f'\t<div class="alignright"><a href="{target}" >{newer_label}</a></div>\n'
    return f'<div class="pagination clearfix">\n{older}{newer}</div>\n'


def listing_seo(ctx: Context, title: str, url: str, base_url: str, page: int, pages: int, robots: str = "index, follow") -> str:
    rel = ""
    if page > 1:
        rel += f'<link rel="prev" href="{base_url if page == 2 else f"{base_url}page/{page - 1}/"}" />\n'
    if page < pages:
        rel += f'<link rel="next" href="{base_url}page/{page + 1}/" />\n'
    if ctx.fa:  # no JSON-LD on Persian pages
        return (
            f'<meta name="robots" content="{robots}, max-image-preview:large, max-snippet:-1, max-video-preview:-1" />\n'
            f'<link rel="canonical" href="{url}" />\n' + rel
            + '<meta property="og:locale" content="fa_IR" />\n<meta property="og:type" content="website" />\n'
            f'<meta property="og:title" content="{attr(title)}" />\n<meta property="og:url" content="{url}" />\n'
            f'<meta property="og:site_name" content="{FA_SITE_NAME}" />\n'
        )
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "CollectionPage", "@id": url, "url": url, "name": f"{title} - {SITE_NAME}",
         "isPartOf": {"@id": f"{ctx.base}/en/#website"}, "inLanguage": "en-US"}]}
    return (
        f'<meta name="robots" content="{robots}, max-image-preview:large, max-snippet:-1, max-video-preview:-1" />\n'
        f'<link rel="canonical" href="{url}" />\n' + rel
        + '<meta property="og:locale" content="en_US" />\n<meta property="og:type" content="website" />\n'
        f'<meta property="og:title" content="{attr(title)}" />\n<meta property="og:url" content="{url}" />\n'
        f'<meta property="og:site_name" content="{SITE_NAME}" />\n'
        f'<script type="application/ld+json" class="yoast-schema-graph">{json_ld(graph)}</script>\n'
    )


def _archive_page(ctx: Context, *, heading: str, posts: list[Article], page: int, base_url: str,
                  body_class: str, section: str | None = None, slashless: bool = False) -> str | None:
    """Classic-layout archive (category/tag): h1.archive-title, 10 teasers, pagination; None past the end.
    section: the 2026 layout (live site), opening with the section name, each title shown twice."""
    pages = page_count(len(posts), ctx.per_page)
    if page < 1 or page > pages:
        return None
    if section is not None or slashless or ctx.ar:
        return _live_archive_page(ctx, heading=heading, posts=posts, page=page, pages=pages, base_url=base_url,
                                  body_class=body_class, section=section, slashless=slashless)
    if ctx.fa:
        title = heading if page == 1 else f"{heading} - {FA_PAGE_OF.format(fa_digits(str(page)), fa_digits(str(pages)))}"
    else:
        title = heading if page == 1 else f"{heading} - Page {page} of {pages}"
    url = base_url if page == 1 else f"{base_url}page/{page}/"
    chunk = posts[(page - 1) * ctx.per_page: page * ctx.per_page]
    left = (f'<h1 class="page-title archive-title">{esc(heading)}</h1>\n'
            + ("".join(listing_article(ctx, a) for a in chunk) if chunk else no_results(ctx) + "\n")
            + pagination(base_url, page, pages, ctx.fa))
    paged = f" paged paged-{page}" if page > 1 else ""
    return frame(ctx, head_html=head(ctx, title=f"{title} - {FA_SITE_NAME if ctx.fa else SITE_NAME}",
                                     seo=listing_seo(ctx, title, url, base_url, page, pages)),
                 body_class=body_class + paged, main=classic_layout(ctx, left), builder=False)


def category_page(ctx: Context, slug: str, page: int = 1) -> str | None:
    """/en/category/{path}/[page/N/] or /fa/category/{slug}/[page/N/]: a parent includes its children's posts."""
    name = ctx.tree[slug][0]
    heading = FA_CATEGORY_HEADING.format(name) if ctx.fa else f"التصنيف: {name}" if ctx.ar else f"Category: {name}"
    live = ctx.live
    return _archive_page(ctx, heading=heading, posts=ctx.in_category(slug), page=page,
                         base_url=ctx.category_url(slug), body_class=f"archive category category-{slug}",
                         section=name if live and slug in live.modern_listings else None,
                         slashless=bool(live and slug in live.slashless_pages))


def tag_page(ctx: Context, slug: str, page: int = 1) -> str | None:
    """/en/tag/{slug}/[page/N/]; None for unknown tags or pages past the end."""
    name = ctx.tags().get(slug)
    if name is None:
        return None
    heading = FA_TAG_HEADING.format(name) if ctx.fa else f"الوسم: {name}" if ctx.ar else f"Tag: {name}"
    return _archive_page(ctx, heading=heading, posts=ctx.with_tag(slug), page=page,
                         base_url=ctx.tag_url(name), body_class=f"archive tag tag-{slug}")


def no_results(ctx: Context) -> str:
    return FA_NO_RESULTS if ctx.fa else NO_RESULTS


def fa_home_page(ctx: Context, page: int = 1) -> str | None:
    """/fa/ and /fa/page/N/ (a Persian context): the classic layout with 10 teasers per page."""
    posts = ctx.listed
    pages = page_count(len(posts), ctx.per_page)
    if page < 1 or page > pages:
        return None
    base_url = f"{ctx.base}/fa/"
    url = base_url if page == 1 else f"{base_url}page/{page}/"
    chunk = posts[(page - 1) * ctx.per_page: page * ctx.per_page]
    title = (FA_SITE_NAME if page == 1
             else f"{FA_SITE_NAME} - {FA_PAGE_OF.format(fa_digits(str(page)), fa_digits(str(pages)))}")
    left = (("".join(listing_article(ctx, a) for a in chunk) if chunk else FA_NO_RESULTS + "\n")
            + pagination(base_url, page, pages, fa=True))
    seo = listing_seo(ctx, title, url, base_url, page, pages)
    return frame(ctx, head_html=head(ctx, title=f"{title} - {FA_SITE_DESCRIPTION}", seo=seo),
                 body_class="home blog" + (f" paged paged-{page}" if page > 1 else ""),
                 main=classic_layout(ctx, left), builder=False)


def home_page(ctx: Context, page: int = 1) -> str | None:
    """/en/ and /en/page/N/: a Theme Builder page with a blog module of 10 teasers
    (/fa/: :func:`fa_home_page`)."""
    if ctx.fa:
        return fa_home_page(ctx, page)
    if ctx.ar:
        return ar_home_page(ctx, page)
    posts = ctx.listed
    pages = page_count(len(posts), ctx.per_page)
    if page < 1 or page > pages:
        return None
    base_url = f"{ctx.base}/en/"
    url = base_url if page == 1 else f"{base_url}page/{page}/"
    chunk = posts[(page - 1) * ctx.per_page: page * ctx.per_page]
    title = SITE_NAME if page == 1 else f"{SITE_NAME} - Page {page} of {pages}"
    inner = (
        '<div class="et_pb_section et_pb_section_0_tb_body et_section_regular">\n'
        '<div class="et_pb_row et_pb_row_0_tb_body">\n'
        '<div class="et_pb_column et_pb_column_4_4 et_pb_column_0_tb_body et_pb_css_mix_blend_mode_passthrough et-last-child">\n'
        '<div class="et_pb_module et_pb_blog et_pb_blog_0_tb_body et_pb_posts et_pb_bg_layout_light">\n'
        '<div class="et_pb_ajax_pagination_container">\n'
        + ("".join(listing_article(ctx, a) for a in chunk) if chunk else NO_RESULTS + "\n")
        + pagination(base_url, page, pages)
        + "</div>\n</div>\n</div>\n</div>\n</div>\n"
    )
    seo = listing_seo(ctx, title, url, base_url, page, pages)
    return frame(ctx, head_html=head(ctx, title=f"{title} - {SITE_DESCRIPTION}", seo=seo),
                 body_class="home blog" + (f" paged paged-{page}" if page > 1 else ""),
                 main=builder_layout(inner), builder=True)


def search_page(ctx: Context, query: str) -> str:
    """/en/?s=…: exists (robots disallows it); plain substring search over listed posts."""
    needle = query.lower().strip()
    hits = [a for a in ctx.listed
            if needle in a.title.lower() or needle in "\n".join(a.paragraphs()).lower()][:PER_PAGE]
    heading = FA_SEARCH_HEADING.format(query) if ctx.fa else f"Search Results for: {query}"
    left = (f'<h1 class="page-title archive-title">{esc(heading)}</h1>\n'
            + ("".join(listing_article(ctx, a) for a in hits) if hits else no_results(ctx) + "\n"))
    url = f"{ctx.base}/{ctx.lang}/?s={quote(query)}"
    title = f"شما {query} را جستجو کردید - {FA_SITE_NAME}" if ctx.fa else f"You searched for {query} - {SITE_NAME}"
    return frame(ctx, head_html=head(ctx, title=title,
                                     seo=listing_seo(ctx, heading, url, url, 1, 1, robots="noindex, follow")),
                 body_class="search search-results", main=classic_layout(ctx, left), builder=False)


def calendar_page(ctx: Context, year: int, month: int, day: int | None = None) -> str:
    """/en/calendar/?month=YYYY-MM[&day=D]: an endless trap, each month links the previous and next one."""
    posts = [a for a in ctx.in_month(year, month) if day is None or a.published_date.day == day]
    py, pm = shift_month(year, month, -1)
    ny, nm = shift_month(year, month, +1)
    heading = f"Archives: {month_label(year, month)}" + (f" {day}" if day else "")
    left = (
        f'<h1 class="page-title archive-title">{esc(heading)}</h1>\n'
        + ("".join(listing_article(ctx, a) for a in posts) if posts else NO_RESULTS + "\n")
        + '<nav aria-label="Previous and next months" class="wp-calendar-nav">'
        f'<span class="wp-calendar-nav-prev"><a href="{ctx.base}/en/calendar/?month={py:04d}-{pm:02d}">&laquo; {MONTHS[pm - 1][:3]}</a></span>'
        f'<span class="pad">&nbsp;</span>'
        f'<span class="wp-calendar-nav-next"><a href="{ctx.base}/en/calendar/?month={ny:04d}-{nm:02d}">{MONTHS[nm - 1][:3]} &raquo;</a></span>'
        "</nav>\n"
    )
    url = f"{ctx.base}/en/calendar/?month={year:04d}-{month:02d}"
    return frame(ctx, head_html=head(ctx, title=f"{heading} - {SITE_NAME}",
                                     seo=listing_seo(ctx, heading, url, url, 1, 1, robots="noindex, follow")),
                 body_class="archive date", main=classic_layout(ctx, left, (year, month)), builder=False)


def fa_calendar_page(ctx: Context, year: int, month: int, day: int | None = None) -> str:
    """/fa/calendar/?month=YYYY-MM[&day=D] (Solar Hijri months): the Persian edition's endless trap."""
    posts = [a for a in ctx.listed if jalali(a.published_date)[:2] == (year, month)
             and (day is None or jalali(a.published_date)[2] == day)]
    py, pm = shift_jalali_month(year, month, -1)
    ny, nm = shift_jalali_month(year, month, +1)
    heading = FA_ARCHIVES_HEADING.format(fa_month_label(year, month) + (f" {fa_digits(str(day))}" if day else ""))
    left = (
        f'<h1 class="page-title archive-title">{esc(heading)}</h1>\n'
        + ("".join(listing_article(ctx, a) for a in posts) if posts else FA_NO_RESULTS + "\n")
        + '<nav aria-label="ماه‌های قبل و بعد" class="wp-calendar-nav">'
        f'<span class="wp-calendar-nav-prev"><a href="{ctx.base}/fa/calendar/?month={py:04d}-{pm:02d}">&laquo; {JALALI_MONTHS[pm - 1]}</a></span>'
        f'<span class="pad">&nbsp;</span>'
        f'<span class="wp-calendar-nav-next"><a href="{ctx.base}/fa/calendar/?month={ny:04d}-{nm:02d}">{JALALI_MONTHS[nm - 1]} &raquo;</a></span>'
        "</nav>\n"
    )
    url = f"{ctx.base}/fa/calendar/?month={year:04d}-{month:02d}"
    return frame(ctx, head_html=head(ctx, title=f"{heading} - {FA_SITE_NAME}",
                                     seo=listing_seo(ctx, heading, url, url, 1, 1, robots="noindex, follow")),
                 body_class="archive date", main=classic_layout(ctx, left, (year, month)), builder=False)


# --------------------------------------------------------------------------
# Other pages
# --------------------------------------------------------------------------


def static_page(ctx: Context, slug: str) -> str:
    """About/Contact/Privacy: WordPress "page" template, not articles."""
    if ctx.live and slug in LIVE_STATIC_PAGES:
        return live_static_page(ctx, slug)
    page_id, title, paragraphs = STATIC_PAGES[slug]
    url = f"{ctx.base}/en/{slug}/"
    body = "".join(f"<p>{inline(p, ctx.base)}</p>\n" for p in paragraphs)
    left = (f'<article id="post-{page_id}" class="post-{page_id} page type-page status-publish hentry">\n'
            f'<h1 class="entry-title main_title">{esc(title)}</h1>\n'
            f'<div class="entry-content">\n{body}</div>\n</article>\n')
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "@id": url, "url": url, "name": f"{title} - {SITE_NAME}",
         "isPartOf": {"@id": f"{ctx.base}/en/#website"}, "inLanguage": "en-US"}]}
    seo = ('<meta name="robots" content="index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1" />\n'
           f'<link rel="canonical" href="{url}" />\n<meta property="og:locale" content="en_US" />\n'
           f'<meta property="og:type" content="article" />\n<meta property="og:title" content="{attr(title)}" />\n'
           f'<meta property="og:url" content="{url}" />\n<meta property="og:site_name" content="{SITE_NAME}" />\n'
           f'<script type="application/ld+json" class="yoast-schema-graph">{json_ld(graph)}</script>\n')
    return frame(ctx, head_html=head(ctx, title=f"{title} - {SITE_NAME}", seo=seo),
                 body_class=f"page-template-default page page-id-{page_id}", main=classic_layout(ctx, left),
                 builder=False)


def fa_static_page(ctx: Context, slug: str) -> str:
    """A Persian static page (/fa/{encoded slug}/), e.g. درباره ما: no JSON-LD."""
    page_id, title, paragraphs = FA_STATIC_PAGES[slug]
    url = f"{ctx.base}/fa/{wp_quote(slug)}/"
    body = "".join(f"<p>{inline(p, ctx.base)}</p>\n" for p in paragraphs)
    left = (f'<article id="post-{page_id}" class="post-{page_id} page type-page status-publish hentry">\n'
            f'<h1 class="entry-title main_title">{esc(title)}</h1>\n'
            f'<div class="entry-content">\n{body}</div>\n</article>\n')
    seo = ('<meta name="robots" content="index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1" />\n'
           f'<link rel="canonical" href="{url}" />\n<meta property="og:locale" content="fa_IR" />\n'
           f'<meta property="og:type" content="article" />\n<meta property="og:title" content="{attr(title)}" />\n'
           f'<meta property="og:url" content="{url}" />\n<meta property="og:site_name" content="{FA_SITE_NAME}" />\n')
    return frame(ctx, head_html=head(ctx, title=f"{title} - {FA_SITE_NAME}", seo=seo),
                 body_class=f"page-template-default page page-id-{page_id}", main=classic_layout(ctx, left),
                 builder=False)


def not_found_page(ctx: Context) -> str:
    """WordPress/Divi 404 template (Persian chrome and text in a Persian context)."""
    if ctx.fa:
        left = f'<article id="post-0" class="et_pb_post not_found">\n{FA_NO_RESULTS}\n</article>\n'
        seo = f'<meta property="og:locale" content="fa_IR" />\n<meta property="og:title" content="برگه پیدا نشد - {FA_SITE_NAME}" />\n'
        return frame(ctx, head_html=head(ctx, title=f"برگه پیدا نشد - {FA_SITE_NAME}", seo=seo),
                     body_class="error404", main=classic_layout(ctx, left), builder=False)
    left = f'<article id="post-0" class="et_pb_post not_found">\n{NO_RESULTS}\n</article>\n'
    seo = f'<meta property="og:locale" content="en_US" />\n<meta property="og:title" content="Page not found - {SITE_NAME}" />\n'
    return frame(ctx, head_html=head(ctx, title=f"Page not found - {SITE_NAME}", seo=seo),
                 body_class="error404", main=classic_layout(ctx, left), builder=False)


def persian_home(ctx: Context) -> str:
    """/fa/ while the Persian edition has no posts: a placeholder in the English frame (as before
    the edition was filled; :func:`fa_home_page` once it has posts).  ctx is an English context."""
    inner = ('<div class="et_pb_section et_pb_section_0_tb_body et_section_regular"><div class="et_pb_row">'
             '<div class="entry"><h1 class="not-found-title">نتیجه‌ای یافت نشد</h1>'
             "<p>مطلبی برای نمایش وجود ندارد.</p></div></div></div>\n")
    seo = f'<link rel="canonical" href="{ctx.base}/fa/" />\n<meta property="og:locale" content="fa_IR" />\n'
    return frame(ctx, head_html=head(ctx, title="شورای راهبردی آنلاین", seo=seo, lang="fa-IR", rtl=True),
                 body_class="home blog rtl", main=builder_layout(inner), builder=True)


def login_page(ctx: Context) -> str:
    """/en/wp-login.php: the stock WordPress login screen (no Divi frame)."""
    return ctx.origin(
        '<!DOCTYPE html>\n<html lang="en-US">\n<head>\n'
        '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />\n'
        f"<title>Log In &lsaquo; {SITE_NAME} &#8212; WordPress</title>\n"
        "<meta name='robots' content='max-image-preview:large, noindex, noarchive' />\n"
        "<link rel='stylesheet' id='login-css' href='@SITE@/wp-admin/css/login.min.css?ver=6.4.3' type='text/css' media='all' />\n"
        "<meta name='referrer' content='strict-origin-when-cross-origin' />\n"
        '<meta name="viewport" content="width=device-width" />\n</head>\n'
        '<body class="login no-js login-action-login wp-core-ui locale-en-us">\n'
        "<script type=\"text/javascript\">document.body.className = document.body.className.replace('no-js','js');</script>\n"
        '<div id="login">\n<h1><a href="https://wordpress.org/">Powered by WordPress</a></h1>\n'
        '<form name="loginform" id="loginform" action="@SITE@/en/wp-login.php" method="post">\n'
        '<p><label for="user_login">Username or Email Address</label><input type="text" name="log" id="user_login" '
        'class="input" value="" size="20" autocapitalize="off" autocomplete="username" required="required" /></p>\n'
        '<div class="user-pass-wrap"><label for="user_pass">Password</label><div class="wp-pwd"><input type="password" '
        'name="pwd" id="user_pass" class="input password-input" value="" size="20" autocomplete="current-password" '
        'spellcheck="false" required="required" /></div></div>\n'
        '<p class="forgetmenot"><input name="rememberme" type="checkbox" id="rememberme" value="forever" /> '
        '<label for="rememberme">Remember Me</label></p>\n'
        '<p class="submit"><input type="submit" name="wp-submit" id="wp-submit" class="button button-primary button-large" '
        'value="Log In" /><input type="hidden" name="redirect_to" value="@SITE@/en/wp-admin/" />'
        '<input type="hidden" name="testcookie" value="1" /></p>\n</form>\n'
        '<p id="nav"><a href="@SITE@/en/wp-login.php?action=lostpassword">Lost your password?</a></p>\n'
        f'<p id="backtoblog"><a href="@SITE@/en/">&larr; Go to {SITE_NAME}</a></p>\n'
        "</div>\n</body>\n</html>\n"
    )


def server_error_page() -> str:
    """What the front proxy answers on a transient backend failure."""
    return ("<html>\r\n<head><title>500 Internal Server Error</title></head>\r\n<body>\r\n"
            "<center><h1>500 Internal Server Error</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n")


# --------------------------------------------------------------------------
# Feeds
# --------------------------------------------------------------------------

RSS_OPEN = (
    '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"\n'
    '\txmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
    '\txmlns:wfw="http://wellformedweb.org/CommentAPI/"\n'
    '\txmlns:dc="http://purl.org/dc/elements/1.1/"\n'
    '\txmlns:atom="http://www.w3.org/2005/Atom"\n'
    '\txmlns:sy="http://purl.org/rss/1.0/modules/syndication/"\n'
    '\txmlns:slash="http://purl.org/rss/1.0/modules/slash/"\n'
    "\t>\n\n<channel>\n"
)


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _channel_head(title: str, self_url: str, link: str, description: str, built: datetime, language: str) -> str:
    return (
        f"\t<title>{xml_escape(title)}</title>\n"
        f'\t<atom:link href="{xml_escape(self_url)}" rel="self" type="application/rss+xml" />\n'
        f"\t<link>{xml_escape(link)}</link>\n"
        f"\t<description>{xml_escape(description)}</description>\n"
        f"\t<lastBuildDate>{rfc822(built)}</lastBuildDate>\n"
        f"\t<language>{language}</language>\n"
        "\t<sy:updatePeriod>\n\thourly\t</sy:updatePeriod>\n\t<sy:updateFrequency>\n\t1\t</sy:updateFrequency>\n"
        "\t<generator>https://wordpress.org/?v=6.4.3</generator>\n"
    )


def posts_feed(ctx: Context, built: datetime) -> str:
    """/en/feed/ (or /fa/feed/ in a Persian context): RSS 2.0 of the latest 10 listed posts with full content."""
    edition = f"{ctx.base}/{ctx.lang}"
    items = []
    for a in ctx.listed[:PER_PAGE]:
        url = a.url(ctx.base)
        text, cut = excerpt(a.lead)
        cats = "".join(f"\t\t<category>{cdata(c)}</category>\n" for c in a.categories)
        items.append(
            "\t<item>\n"
            f"\t\t<title>{wp_text(a.title)}</title>\n"
            f"\t\t<link>{url}</link>\n"
            f"\t\t<comments>{url}#respond</comments>\n"
            f"\t\t<dc:creator>{cdata(POSTING_ACCOUNT)}</dc:creator>\n"
            f"\t\t<pubDate>{rfc822(a.published_at)}</pubDate>\n"
            + cats
            + f'\t\t<guid isPermaLink="false">{edition}/?p={a.post_id}</guid>\n'
            f"\t\t<description>{cdata(text + (' [&#8230;]' if cut else ''))}</description>\n"
            f"\t\t<content:encoded>{cdata(entry_html(ctx, a))}</content:encoded>\n"
            f"\t\t<wfw:commentRss>{url}feed/</wfw:commentRss>\n"
            f"\t\t<slash:comments>{len(a.comments)}</slash:comments>\n"
            "\t</item>\n"
        )
    if ctx.fa:
        head_xml = _channel_head(FA_SITE_NAME, f"{edition}/feed/", edition, FA_SITE_DESCRIPTION, built, "fa-IR")
    elif ctx.ar:
        head_xml = _channel_head(AR_SITE_NAME, f"{edition}/feed/", edition, AR_SITE_DESCRIPTION, built, "ar")
    else:
        head_xml = _channel_head(SITE_NAME, f"{edition}/feed/", edition, SITE_DESCRIPTION, built, "en-US")
    return RSS_OPEN + head_xml + "".join(items) + "</channel>\n</rss>\n"


def comments_feed(ctx: Context, built: datetime, article: Article | None = None) -> str:
    """/en/comments/feed/ (the latest 10 comments on all posts) or {canonical}feed/ (one post's
    comments): reader comments, newest first."""
    if article:
        entries = sorted(((article.comment_time(i), article, i) for i in range(len(article.comments))),
                         key=lambda e: e[0], reverse=True)
    else:
        entries = list(ctx.index.comments[:PER_PAGE])  # WordPress: posts_per_rss (10) comments
    items = []
    for when, a, i in entries:
        name, text = a.comments[i]
        link = f"{a.url(ctx.base)}#comment-{a.comment_id(i)}"
        if ctx.fa:
            title = f"توسط: {name}" if article else f"دیدگاه‌ها برای {a.title} توسط {name}"
        else:
            title = f"By: {name}" if article else f"Comment on {a.title} by {name}"
        items.append(
            "\t<item>\n"
            f"\t\t<title>{wp_text(title)}</title>\n"
            f"\t\t<link>{link}</link>\n"
            f"\t\t<dc:creator>{cdata(name)}</dc:creator>\n"
            f"\t\t<pubDate>{rfc822(when)}</pubDate>\n"
            f'\t\t<guid isPermaLink="false">{ctx.base}/{ctx.lang}/?p={a.post_id}#comment-{a.comment_id(i)}</guid>\n'
            f"\t\t<description>{cdata(text)}</description>\n"
            f"\t\t<content:encoded>{cdata(f'<p>{esc(text)}</p>')}</content:encoded>\n"
            "\t</item>\n"
        )
    if ctx.fa:
        if article:
            head_xml = _channel_head(f"دیدگاه‌ها برای: {article.title}", f"{article.url(ctx.base)}feed/",
                                     article.url(ctx.base), FA_SITE_DESCRIPTION, built, "fa-IR")
        else:
            head_xml = _channel_head(f"دیدگاه‌ها برای {FA_SITE_NAME}", f"{ctx.base}/fa/comments/feed/", f"{ctx.base}/fa",
                                     FA_SITE_DESCRIPTION, built, "fa-IR")
    elif article:
        head_xml = _channel_head(f"Comments on: {article.title}", f"{article.url(ctx.base)}feed/",
                                 article.url(ctx.base), SITE_DESCRIPTION, built, "en-US")
    else:
        head_xml = _channel_head(f"Comments for {SITE_NAME}", f"{ctx.base}/en/comments/feed/", f"{ctx.base}/en",
                                 SITE_DESCRIPTION, built, "en-US")
    return RSS_OPEN + head_xml + "".join(items) + "</channel>\n</rss>\n"


def persian_feed(ctx: Context, built: datetime) -> str:
    """/fa/feed/: the latest 10 listed Persian posts (an empty channel while there are none);
    ctx may be any context of the site: its Persian edition is used."""
    if not ctx.fa:
        ctx = edition_context(ctx, "fa")
    return posts_feed(ctx, built)


def edition_context(ctx: Context, lang: str) -> Context:
    """The same site seen from one edition (its posts, chrome and URLs)."""
    index = ctx.index.edition(lang)
    return Context(ctx.base, index.articles, index, ctx.page_weight, ctx.container_class, lang, ctx.live)


# --------------------------------------------------------------------------
# Sitemaps and robots.txt
# --------------------------------------------------------------------------

SITEMAP_SUBS = ("posts-post-1", "posts-page-1", "taxonomies-category-1", "taxonomies-post_tag-1")


def posts_sitemap_count(ctx: Context) -> int:
    """Number of /wp-sitemap-posts-post-N.xml files (WordPress: 2 000 URLs each)."""
    return max(1, math.ceil(len(ctx.articles) / SITEMAP_MAX_URLS))


def sitemap_subs(ctx: Context) -> tuple[str, ...]:
    """The index entries: every posts-post-N file, then pages, categories, tags."""
    return (tuple(f"posts-post-{n}" for n in range(1, posts_sitemap_count(ctx) + 1))
            + ("posts-page-1", "taxonomies-category-1", "taxonomies-post_tag-1"))


def sitemap_index(ctx: Context, prefix: str = "", subs: tuple[str, ...] | None = None) -> str:
    """/wp-sitemap.xml (WordPress core sitemap index); subs default to :func:`sitemap_subs`.
    /fa/wp-sitemap.xml: prefix "/fa" and a Persian context."""
    if subs is None:
        subs = sitemap_subs(ctx)
    entries = "".join(f"<sitemap><loc>{ctx.base}{prefix}/wp-sitemap-{s}.xml</loc></sitemap>" for s in subs)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<?xml-stylesheet type="text/xsl" href="{ctx.base}{prefix}/wp-sitemap-index.xsl" ?>\n'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>\n')


def _urlset(ctx: Context, urls: list[tuple[str, str | None]]) -> str:
    body = "".join(
        f"<url><loc>{xml_escape(loc)}</loc>" + (f"<lastmod>{lastmod}</lastmod>" if lastmod else "") + "</url>"
        for loc, lastmod in urls
    )
    prefix = "/fa" if ctx.fa else "/ar" if ctx.ar else ""
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<?xml-stylesheet type="text/xsl" href="{ctx.base}{prefix}/wp-sitemap.xsl" ?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{body}</urlset>\n')


def posts_sitemap(ctx: Context, modified: dict[int, datetime] | None = None, page: int = 1) -> str | None:
    """/wp-sitemap-posts-post-{page}.xml: current posts (listed or not) by ascending id, as
    WordPress orders them, 2 000 per file, with lastmod = publication or last edit.
    None for a page past the end."""
    if page < 1 or page > posts_sitemap_count(ctx):
        return None
    if modified is None:
        modified = ctx.index.modified
    chunk = ctx.index.by_id[(page - 1) * SITEMAP_MAX_URLS: page * SITEMAP_MAX_URLS]
    return _urlset(ctx, [(a.url(ctx.base), to_tehran(modified.get(a.post_id, a.published_at)).isoformat())
                         for a in chunk])


def pages_sitemap(ctx: Context) -> str:
    lastmod = to_tehran(STATIC_PAGES_MODIFIED).isoformat()
    if ctx.ar:
        return _urlset(ctx, [])
    if ctx.fa:
        return _urlset(ctx, [(f"{ctx.base}/fa/{wp_quote(slug)}/", lastmod) for slug in FA_STATIC_PAGES])
    return _urlset(ctx, [(f"{ctx.base}/en/{slug}/", lastmod) for slug in STATIC_PAGES])


def categories_sitemap(ctx: Context) -> str:
    """Categories that have listed posts (WordPress omits empty terms)."""
    return _urlset(ctx, [(ctx.category_url(slug), None) for slug in ctx.tree if ctx.in_category(slug)])


def tags_sitemap(ctx: Context) -> str:
    return _urlset(ctx, [(ctx.tag_url(name), None) for slug, name in sorted(ctx.tags().items())
                         if ctx.with_tag(slug)])


def robots_txt(ctx: Context) -> str:
    """The real robots.txt with Sitemap lines pointing at this server."""
    return (
        "User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\nDisallow: /en/wp-admin/\n"
        "Disallow: /fa/wp-admin/\nDisallow: /en/?s=\nDisallow: /fa/?s=\nDisallow: /en/calendar/\n"
        f"Disallow: /fa/calendar/\n\nSitemap: {ctx.base}/wp-sitemap.xml\nSitemap: {ctx.base}/fa/wp-sitemap.xml\n"
        + (f"Sitemap: {ctx.base}/ar/wp-sitemap.xml\n" if ctx.live else "")
    )


# --------------------------------------------------------------------------
# The live site (live_site(), see live.py): the Arabic edition's chrome, the 2026 listing
# layout, slashless pagination and the About page of the live site.  Nothing here is used
# by the other sites (their Contexts have live=None and no Arabic posts).
# --------------------------------------------------------------------------


def _ar(chunk: str) -> str:
    """An English chunk pointed at the Arabic edition (/en/ -> /ar/)."""
    return chunk.replace("@SITE@/en/", "@SITE@/ar/").replace('href="/en/', 'href="/ar/')


AR_TOP_HEADER = (TOP_HEADER.replace('href="@SITE@/fa/">فارسی</a>', 'href="@SITE@/en/">English</a>')
                 .replace("scfr_en", "scfr_ar"))
AR_LOADING_CODE = LOADING.replace("<span>Loading</span>", "<span>جار التحميل</span>")
AR_FOOTER = (
    '<footer id="main-footer"><div class="container"><div id="footer-widgets" class="clearfix"><div class="footer-widget">'
    '<div id="text-3" class="fwidget et_pb_widget widget_text"><h4 class="title">عن المجلس</h4><div class="textwidget">'
    "<p>تأسس المجلس الاستراتيجي للعلاقات الخارجية عام 2006 للمساعدة في عملية صنع القرار في السياسة الخارجية.</p></div></div></div>"
    '<div class="footer-widget"><div id="text-4" class="fwidget et_pb_widget widget_text"><h4 class="title">اتصل بنا</h4>'
    '<div class="textwidget"><p>طهران، إيران<br /><a href="mailto:info@scfr.ir">info@scfr.ir</a></p></div></div></div></div></div>'
    '<div id="footer-bottom"><div class="container clearfix"><ul class="et-social-icons"><li class="et-social-icon et-social-rss">'
    '<a href="@SITE@/ar/feed/" class="icon"><span>RSS</span></a></li></ul>'
    '<div id="footer-info">© 2024 المجلس الاستراتيجي للعلاقات الخارجية. جميع الحقوق محفوظة.</div></div></div></footer>\n'
)
AR_COOKIE_NOTICE = (
    '<div id="cookie-notice" role="dialog" class="cookie-notice-hidden cookie-revoke-hidden cn-position-bottom" '
    'aria-label="Cookie Notice"><div class="cookie-notice-container"><span id="cn-notice-text" class="cn-text-container">'
    "نستخدم ملفات تعريف الارتباط لضمان أفضل تجربة لكم على موقعنا.</span>"
    '<span id="cn-notice-buttons" class="cn-buttons-container"><a href="#" id="cn-accept-cookie" data-cookie-set="accept" '
    'class="cn-set-cookie cn-button">موافق</a></span></div></div>'
)


def ar_sidebar(ctx: Context) -> str:
    """The Arabic classic #sidebar: search, "جدیدترین مطالب" (the latest titles), feed link."""
    latest = "".join(f'<li><a href="{a.url(ctx.base)}">{wp_text(a.title)}</a></li>' for a in ctx.listed[:5])
    b = ctx.base
    return (
        '<div id="sidebar"><div id="search-2" class="et_pb_widget widget_search"><form role="search" method="get" '
        f'id="searchform" class="searchform" action="{b}/ar/"><div><label class="screen-reader-text" for="s">البحث عن:</label>'
        '<input type="text" value="" name="s" id="s" /><input type="submit" id="searchsubmit" value="بحث" /></div></form></div>'
        f'<div id="recent-posts-2" class="et_pb_widget widget_recent_entries"><h4 class="widgettitle">{LATEST_FA_HEADING}</h4>'
        f"<ul>{latest}</ul></div>"
        + tag_cloud(ctx).replace('<h4 class="widgettitle">Tags</h4>', '<h4 class="widgettitle">الوسوم</h4>', 1)
        + f'<div id="meta-2" class="et_pb_widget widget_meta"><h4 class="widgettitle">أدوات</h4><ul>'
        f'<li><a href="{b}/ar/feed/">خلاصة المقالات</a></li></ul></div></div>'
    )


def ar_article_seo(ctx: Context, a: Article) -> str:
    """Yoast block of an Arabic article page (like the Persian one: no JSON-LD)."""
    return (fa_article_seo(ctx, a).replace('content="fa_IR"', 'content="ar_AR"')
            .replace(f'content="{FA_SITE_NAME}"', f'content="{AR_SITE_NAME}"')
            .replace("@scfr_ir", "@scfr_ar").replace("نوشته‌شده به دست", "كتب بواسطة")
            .replace("زمان تقریبی برای خواندن", "وقت القراءة").replace(" دقیقه", " دقائق"))


def ar_home_page(ctx: Context, page: int = 1) -> str | None:
    """/ar/ and /ar/page/N/: the classic layout with the edition's teasers."""
    posts = ctx.listed
    pages = page_count(len(posts), ctx.per_page)
    if page < 1 or page > pages:
        return None
    base_url = f"{ctx.base}/ar/"
    url = base_url if page == 1 else f"{base_url}page/{page}/"
    chunk = posts[(page - 1) * ctx.per_page: page * ctx.per_page]
    title = AR_SITE_NAME if page == 1 else f"{AR_SITE_NAME} - الصفحة {page} من {pages}"
    left = ("".join(listing_article(ctx, a) for a in chunk) + pagination(base_url, page, pages, ar=True))
    seo = (f'<link rel="canonical" href="{url}" />\n<meta property="og:locale" content="ar_AR" />\n'
           f'<meta property="og:type" content="website" />\n<meta property="og:url" content="{url}" />\n'
           f'<meta property="og:site_name" content="{AR_SITE_NAME}" />\n')
    return frame(ctx, head_html=head(ctx, title=f"{title} - {AR_SITE_DESCRIPTION}", seo=seo),
                 body_class="home blog" + (f" paged paged-{page}" if page > 1 else ""),
                 main=classic_layout(ctx, left), builder=False)


def _live_archive_page(ctx: Context, *, heading: str, posts: list[Article], page: int, pages: int, base_url: str,
                       body_class: str, section: str | None, slashless: bool) -> str:
    """A listing of the live site: the classic one with slashless page links, or the 2026 layout
    (section name as heading, each post's title twice), or an Arabic listing."""
    end = "" if slashless else "/"
    title = heading if page == 1 else f"{heading} - Page {page} of {pages}"
    url = base_url if page == 1 else f"{base_url}page/{page}{end}"
    chunk = posts[(page - 1) * ctx.per_page: page * ctx.per_page]
    if section is not None:
        left = (f'<div class="scfr-section-head"><h2 class="scfr-section-title">{esc(section)}</h2></div>\n'
                + "".join(listing_article(ctx, a, modern=True) for a in chunk))
    else:
        left = (f'<h1 class="page-title archive-title">{esc(heading)}</h1>\n'
                + "".join(listing_article(ctx, a) for a in chunk))
    left += pagination(base_url, page, pages, slashless=slashless, ar=ctx.ar)
    paged = f" paged paged-{page}" if page > 1 else ""
    site_name = AR_SITE_NAME if ctx.ar else SITE_NAME
    seo = (f'<link rel="canonical" href="{url}" />\n<meta property="og:type" content="website" />\n'
           f'<meta property="og:title" content="{attr(title)}" />\n<meta property="og:url" content="{url}" />\n'
           f'<meta property="og:site_name" content="{site_name}" />\n')
    return frame(ctx, head_html=head(ctx, title=f"{title} - {site_name}", seo=seo),
                 body_class=body_class + paged + (" scfr-2026" if section is not None else ""),
                 main=classic_layout(ctx, left), builder=False)


LIVE_STATIC_PAGES: dict[str, tuple[int, str, list[str]]] = {
    "about-us": (117455, "About Us", [
        "The Strategic Council on Foreign Relations (SCFR) was established in 2006 to help the decision-making process of the country’s foreign policy and to study the regional and international developments that affect it.",
        "Strategic Council Online publishes interviews, opinion pieces, reports and notes by Iranian experts in English, Persian and Arabic.",
        "@LINKS@",
    ]),
}


def live_static_page(ctx: Context, slug: str) -> str:
    """/en/about-us/ on the live site: a WordPress page (og:type website, page-id-N), not an
    article, whose text links the posts in ``LiveOptions.about_links``."""
    page_id, title, paragraphs = LIVE_STATIC_PAGES[slug]
    url = f"{ctx.base}/en/{slug}/"
    by_id = {a.post_id: a for a in ctx.articles}
    links = ", ".join(f'<a href="{by_id[pid].url(ctx.base)}">{wp_text(by_id[pid].title)}</a>'
                      for pid in (ctx.live.about_links if ctx.live else ()) if pid in by_id)
    body = "".join(
        (f"<p>Founding documents of the council: {links}.</p>\n" if p == "@LINKS@" else f"<p>{inline(p, ctx.base)}</p>\n")
        for p in paragraphs if p != "@LINKS@" or links)
    left = (f'<article id="post-{page_id}" class="post-{page_id} page type-page status-publish hentry">\n'
            f'<h1 class="entry-title main_title">{esc(title)}</h1>\n'
            f'<div class="entry-content">\n{body}</div>\n</article>\n')
    seo = ('<meta name="robots" content="index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1" />\n'
           f'<link rel="canonical" href="{url}" />\n<meta property="og:locale" content="en_US" />\n'
           f'<meta property="og:type" content="website" />\n<meta property="og:title" content="{attr(title)}" />\n'
           f'<meta property="og:url" content="{url}" />\n<meta property="og:site_name" content="{SITE_NAME}" />\n')
    return frame(ctx, head_html=head(ctx, title=f"{title} - {SITE_NAME}", seo=seo),
                 body_class=f"page-template-default page page-id-{page_id}", main=classic_layout(ctx, left),
                 builder=False)
