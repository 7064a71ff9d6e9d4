"""live_site(): the replica with the shapes a crawl of the live www.scfr.ir meets (SITE.md, "The
live site beyond the samples") that the default and bilingual sites lack.

    from tests.replica import ReplicaServer, live_site, live_shapes
    with ReplicaServer(live_site()) as server:
        ...
    shapes = live_shapes()            # shape name -> post ids (see LIVE_SHAPES_DOC)
    site.articles("ar")               # the Arabic edition

Three editions (en, fa, ar), 48 posts: article URLs with the whole category path (nested English
paths, numeric Persian ones, Arabic 102-ar/103-ar/300-ar/400), 200-answering shortlinks, every
lead-prefix and byline variant of SITE.md (bylines also inside the lead's paragraph after a
<br/>), slashless page/N links, Politics over three pages (5 posts per page on this site),
"-en" tags of percent-encoded Persian words (lower- and upper-case hex), the "2026 layout"
listings, short meta-line labels, en/fa/ar translation triples, an About page linking a post
linked from nowhere else, and the /en/about-scfr-en/ post.
"""

from __future__ import annotations

from .content import LiveOptions, Article, Block, Site, gregorian, prefix_type, wp_sanitize_title
from .content_ar import (
    AR_INTERVIEW_POST_ID,
    AR_OPINION_POST_ID,
    AR_SHORTLINK_PAGE_POST_ID,
    AR_TRIPLE_A_POST_ID,
    AR_TRIPLE_B_POST_ID,
    arabic_articles,
)

# --------------------------------------------------------------------------
# Post ids tests name
# --------------------------------------------------------------------------

SHORTLINK_ONLY_POST_ID = 145678  # unlisted; its only inbound link is /en/?p=145678 (answers 200)
SHORTLINK_LINKER_POST_ID = 143000  # the post whose text carries that shortlink
STATIC_ONLY_POST_ID = 146000  # unlisted; linked only from /en/about-us/
ABOUT_SCFR_POST_ID = 117459  # /en/about-scfr-en/117459/…: an article
ABOUT_PAGE_PATH = "/en/about-us/"
ABOUT_PAGE_ID = 117455
TRIPLES: tuple[dict[str, int], ...] = (  # en/fa/ar translation triples (hreflang across the three)
    {"en": 384200, "fa": 384201, "ar": AR_TRIPLE_A_POST_ID},
    {"en": 151930, "fa": 151931, "ar": AR_TRIPLE_B_POST_ID},
)
POLITICS_LISTING = "/en/category/politics/"
LIVE_PER_PAGE = 5
LIVE_OPTIONS = LiveOptions(
    per_page=LIVE_PER_PAGE,
    slashless_pages=frozenset({"politics", "defense-security"}),
    modern_listings=frozenset({"council", "scienceculture", "top-news"}),
    about_links=(STATIC_ONLY_POST_ID, ABOUT_SCFR_POST_ID),
)


def _blocks(paras: list) -> list[Block]:
    """Strings are paragraphs; "Q:" / "Q." / "Question:" / "س:" / "سؤال:" lines become questions."""
    out: list[Block] = []
    for p in paras:
        if isinstance(p, tuple):
            out.append(p)
        elif p.startswith(("Q:", "Q.", "Question:", "س:", "سوال:")):
            out.append(("q", p))
        else:
            out.append(("p", p))
    return out


def en_post(post_id: int, prefix: str, title: str, lead: str, paras: list, published: str, primary: str,
            categories: list[str], **fields) -> Article:
    return Article(post_id=post_id, slug=fields.pop("slug", None) or wp_sanitize_title(title), primary_category=primary,
                   categories=sorted(categories, key=str.lower), published=published, title=title,
                   lead=f"{prefix} {lead}", type=prefix_type(prefix), blocks=_blocks(paras), live=True, prefix=prefix,
                   **fields)


def fa_post(post_id: int, prefix: str, title: str, lead: str, paras: list, jdate: tuple[int, int, int], primary: str,
            categories: list[str], **fields) -> Article:
    return Article(post_id=post_id, slug=fields.pop("slug", None) or wp_sanitize_title(title), primary_category=primary,
                   categories=sorted(categories), published=gregorian(*jdate).isoformat(), title=title,
                   lead=f"{prefix} {lead}", type=prefix_type(prefix), blocks=_blocks(paras), lang="fa", live=True,
                   prefix=prefix, **fields)


SCO = "Strategic Council Online"


def english_articles() -> list[Article]:
    return [
        en_post(101820, f"{SCO} – Opinion:", "Obstacles on the Way of INSTEX",
                "The special purpose vehicle announced by France, Germany and Britain has raised hopes in Tehran, but its design shows how far Europe still is from an independent financial channel.",
                ["INSTEX will at first handle only humanitarian goods such as food and medicine, which were never formally under sanctions.",
                 "The bigger test is whether European companies will dare to use it when the Treasury in Washington threatens them with secondary sanctions."],
                "2019-04-10", "opinion", ["Europe", "Opinion"], author="Barsam Mohammadi",
                author_title="Expert on international affairs", template="classic", tags=["INSTEX", "اروپا"]),
        en_post(ABOUT_SCFR_POST_ID, f"{SCO}:", "About Strategic Council on Foreign Relations",
                "The Strategic Council on Foreign Relations was founded in 2006 to help the decision-making process of the country’s foreign policy.",
                ["The council brings together former ministers, diplomats and university professors and publishes its analyses in three languages.",
                 "Its research groups cover the region, the great powers, international economy and defense affairs."],
                "2019-06-01", "about-scfr-en", ["About SCFR"], template="classic"),
        en_post(136307, f"{SCO} –", "Russia and Afghanistan Crisis",
                "An expert on Subcontinent affairs said: Moscow sees the Taliban’s return to Kabul as both a security risk for Central Asia and an opportunity to show that the American era in the region is over.",
                ["Russia has kept its embassy in Kabul open and has held several rounds of talks with Taliban representatives in Moscow.",
                 "At the same time, it has reinforced its base in Tajikistan and held joint exercises near the Afghan border."],
                "2021-09-05", "politics", ["Politics"], shortlink_page=True, template="themebuilder", tags=["Russia", "افغانستان"]),
        en_post(136410, f"{SCO} - Interview:", "Iran’s Neighbourhood Policy under the New Government",
                "A former ambassador said the new government’s emphasis on neighbours is a return to a principle that has often been announced but rarely implemented.",
                ["Q: What is new about the neighbourhood policy?",
                 "The novelty is the economic focus. The plan gives priority to border markets, transit and energy swaps over political declarations.",
                 "Q: Which neighbours matter most?",
                 "Iraq, Afghanistan and the Caucasus states, because trade with them can grow quickly without waiting for a deal with the West."],
                "2021-09-08", "interview", ["Interview", "Politics"], template="themebuilder", tags=["Neighbours"]),
        en_post(136520, f"{SCO} -Interview:", "The Vienna Talks after the Sixth Round",
                "An expert on disarmament said the pause in the Vienna talks reflects unresolved differences over guarantees and the sequence of steps.",
                ["Q. Why have the talks stopped?",
                 "Both sides say most of the text is ready, but the remaining questions are the most political ones: guarantees and verification.",
                 "Q. Can Europe bridge the gap?",
                 "Europe can propose formulas, but the decisions must be made in Tehran and Washington."],
                "2021-09-12", "politics", ["Interview", "Politics"], template="classic", tags=["JCPOA", "آمریکا"],
                tag_hex="upper"),
        en_post(136655, f"{SCO}: Interview:", "Shanghai Cooperation Organization Opens Its Door to Iran",
                "A researcher on Asian affairs said full membership in the Shanghai Cooperation Organization gives Iran a platform to deepen its ties with Central Asia.",
                ["Question: What does membership change in practice?",
                 "It gives Iran a seat at the table where transport, energy and security projects of the region are discussed.",
                 "Question: Are there limits?",
                 "Yes. The organization works by consensus, and its members have very different relations with the West."],
                "2021-09-17", "politics", ["Interview", "Politics"], template="themebuilder", tags=["SCO"]),
        en_post(136700, f"{SCO} – Note:", "The Afghan Refugee Question One Month On",
                "One month after the fall of Kabul, the number of Afghans arriving at Iran’s eastern border has grown, and the international community has yet to share the burden.",
                ["Iran already hosts more than three million Afghans, most of them without refugee status.",
                 "Aid pledged at the Geneva conference has not reached the countries that receive the refugees."],
                "2021-09-19", "note", ["Note", "political", "top news"], author="Hamid Khoshayand",
                author_title="Expert of regional issues", byline_sep=" –", byline_in_lead=True, template="themebuilder",
                tags=["افغانستان", "Refugees"]),
        en_post(137010, f"{SCO}—Opinion:", "AUKUS and the Credibility of Alliances",
                "The submarine deal between Australia, Britain and the United States has shown European allies that Washington’s priorities lie in the Indo-Pacific.",
                ["France lost a contract worth tens of billions of euros without being consulted.",
                 "For the countries of West Asia, the lesson is that alliances with great powers last only as long as their interests coincide."],
                "2021-10-02", "politics", ["Opinion", "Politics"], author="Hossein Sayyahi",
                author_title="Researcher on international politics", byline_sep="- ", template="classic", tags=["NATO", "آمریکا"]),
        en_post(137220, f"{SCO}–Opinion:", "Elections in Iraq and the Balance of Power",
                "The early elections in Iraq have produced a fragmented parliament in which forming a government will again depend on long negotiations.",
                ["The Sadrist movement became the largest bloc, while several groups close to the Popular Mobilization Forces lost seats.",
                 "Iraq’s neighbours have an interest in a government that keeps the country out of regional rivalries."],
                "2021-10-18", "politics", ["Opinion", "Politics"], author="Barsam Mohammadi",
                author_title="Expert of regional issues", byline_sep="-", byline_in_lead=True, template="themebuilder",
                tags=["Iraq"]),
        en_post(138001, f"{SCO} – Report:", "Gas Swap through Turkmenistan Begins",
                "The first volumes of Turkmen gas delivered to the Republic of Azerbaijan through Iran’s network have crossed the border under a trilateral swap agreement.",
                ["Under the deal, Iran receives gas at its northeastern border and delivers an equal amount at its northwestern border.",
                 "Officials said the volumes could grow next year if the capacity of the pipelines is increased."],
                "2021-12-01", "politics", ["Economy & Energy", "Politics"], author="Mahmoud Fazeli",
                author_title="International affairs analyst", byline_sep=" - ", template="classic", tags=["Gas"]),
        en_post(138450, f"{SCO} –Guest post:", "Kazakhstan’s January Crisis",
                "The unrest that shook Kazakhstan at the start of the year revealed the fragility of a political transition that many had considered a model.",
                ["The intervention of the Collective Security Treaty Organization was short, but it strengthened Russia’s role.",
                 "The new president has promised reforms that will be judged by their results rather than their announcements."],
                "2022-01-20", "politics", ["Central Asia & Caucasus", "Politics"], author="Mahmoud Fazeli",
                author_title="Analyst of International Issues", byline_sep=", ", template="themebuilder", tags=["Kazakhstan"]),
        en_post(139120, f"{SCO} – Guest Post:", "The War in Ukraine and the Energy Markets",
                "The war in Ukraine has turned energy into a weapon and forced Europe to look for new suppliers in a hurry.",
                ["Prices of gas in Europe have reached levels never seen before.",
                 "Producers in the Persian Gulf have gained, but the uncertainty harms investment in the long run."],
                "2022-03-15", "politics", ["Economy & Energy", "Politics"], author="Pouria Nabipour",
                author_title="Ph.D., Political Science & International Relations", byline_sep=", ", byline_in_lead=True,
                template="classic", tags=["Energy", "روسیه"], tag_hex="upper"),
        en_post(140300, f"{SCO} – Guest Opinion:", "Geopolitics of the Caspian Ports",
                "The ports of the Caspian Sea are becoming more important as trade between Russia and Asia looks for routes that avoid the West.",
                ["Iran’s northern ports have capacity that is still largely unused.",
                 "Investment in rail links to the ports will decide whether they can compete with the routes through Kazakhstan."],
                "2022-06-11", "politics", ["Politics", "Russia & Eurasia"], author="Maryam Verij Kazemi",
                author_title="Researcher, Geopolitical Issues", byline_sep=", ", template="themebuilder", tags=["Caspian Sea"]),
        en_post(141000, f"{SCO} – Note:", "A New Phase in Iran–China Relations",
                "The comprehensive cooperation program between Iran and China has entered its implementation phase, but progress has been slower than both sides hoped.",
                ["Chinese companies remain cautious because of the risk of American sanctions.",
                 "The program nevertheless gives both countries a framework for long-term planning."],
                "2022-09-04", "politics", ["East Asia", "Politics"], author="Barsam Mohammadi",
                author_title="Expert on international affairs", template="classic", tags=["China"]),
        en_post(142500, "Online Strategic Council – Memoir:", "Memories of the Negotiations in Geneva",
                "A former member of the negotiating team recalls the long nights of talks in Geneva that led to the interim agreement in 2013.",
                ["The delegations worked in the same hotel for days, and the texts changed almost every hour.",
                 "What made the agreement possible was the conviction on both sides that failure would be more costly than compromise."],
                "2022-11-26", "politics", ["Politics"], template="themebuilder", tags=["JCPOA"]),
        en_post(SHORTLINK_LINKER_POST_ID, f"{SCO}:", "Council Publishes Annual Review of Foreign Policy",
                "The Strategic Council on Foreign Relations has published its annual review of the main developments in the country’s foreign policy.",
                ["The review covers relations with neighbours, the nuclear talks and the economic consequences of sanctions.",
                 f"Its appendix on water diplomacy was first presented at [a closed expert meeting](/en/?p={SHORTLINK_ONLY_POST_ID})."],
                "2023-01-09", "politics", ["Council", "Politics"], template="classic", tags=["Council"]),
        en_post(SHORTLINK_ONLY_POST_ID, f"{SCO}:", "Closed Expert Meeting on Water Diplomacy",
                "Experts on water resources met behind closed doors at the council to discuss the management of rivers shared with Afghanistan and Iraq.",
                ["The participants called for a regional database of river flows.",
                 "A summary of the discussions will be added to the council’s annual review."],
                "2022-12-20", "politics", ["Politics"], listed=False, shortlink_page=True, template="themebuilder"),
        en_post(STATIC_ONLY_POST_ID, f"{SCO}:", "Statute of the Strategic Council on Foreign Relations",
                "The statute of the council defines its tasks, its members and the way its research programs are approved.",
                ["The council advises on foreign policy and publishes studies on regional and international affairs.",
                 "Its members are appointed for five years and meet at least once a month."],
                "2019-05-20", "council", ["Council"], listed=False, template="classic"),
        en_post(150010, f"{SCO}:", "Council Hosts Delegation of Think Tanks from Central Asia",
                "A delegation of researchers from Kazakhstan, Uzbekistan and Kyrgyzstan visited the council and discussed cooperation on transport studies.",
                ["The two sides agreed to hold a joint conference on the North–South corridor.",
                 "They will also exchange publications in Russian, Persian and English."],
                "2023-05-16", "council", ["Council"], template="themebuilder", tags=["Central Asia"]),
        en_post(151200, f"{SCO} – Report:", "Iranian Manuscripts in European Libraries",
                "A new catalogue lists more than four hundred Persian manuscripts kept in libraries in Paris, London and Berlin.",
                ["Most of the manuscripts are poetry and history written between the fourteenth and the eighteenth centuries.",
                 "The catalogue’s authors hope it will encourage joint digitization projects."],
                "2023-07-22", "scienceculture", ["Science & Culture"], author="Maryam Verij Kazemi",
                author_title="Researcher, Geopolitical Issues", byline_sep=", ", template="classic", tags=["Culture"]),
        en_post(TRIPLES[1]["en"], f"{SCO} – Interview:", "Transit Corridors and Iran’s Interests in the South Caucasus",
                "An expert on Caucasus affairs said the competition over new transit routes between Azerbaijan and Armenia directly affects Iran’s position as a bridge between north and south.",
                ["Q: Why does Iran oppose border changes in the region?",
                 "Iran’s only land border with Armenia runs through Syunik; any change there would cut Iran’s direct link with Armenia.",
                 "Q: Is there an alternative?",
                 "Yes, a route through Iranian territory along the Aras river that connects Azerbaijan with Nakhchivan."],
                "2022-03-14", "interview", ["Central Asia & Caucasus", "Interview"], template="themebuilder",
                tags=["Caucasus"], translation_of=TRIPLES[1]["fa"], translation_ids=dict(TRIPLES[1])),
        en_post(152000, f"{SCO} – Interview:", "Air Defence and Deterrence",
                "A military analyst said the development of domestic air defence systems is the backbone of Iran’s deterrence strategy.",
                ["Q: What has changed in the last decade?",
                 "Iran now produces medium- and long-range systems that it had to import before.",
                 "Q: Is this an arms race?",
                 "No. The aim is to raise the cost of any attack, not to threaten neighbours."],
                "2023-09-30", "defense-security", ["Defense & Security", "Interview"], template="classic",
                tags=["Defense"]),
        en_post(383395, f"{SCO}:", "Council Marks Twenty Years of Research",
                "The Strategic Council on Foreign Relations marked the twentieth anniversary of its founding with a conference on the future of the region.",
                ["Speakers reviewed the council’s studies on the nuclear file, the Persian Gulf and the Caucasus.",
                 "The council announced a new series of reports in Arabic."],
                "2026-01-10", "council", ["Council", "top news"], template="themebuilder", tags=["Council"]),
        en_post(384010, f"{SCO} – Interview:", "Diplomacy in the Persian Gulf at the Start of 2024",
                "A former diplomat said the regional détente of the past year has reduced tensions but has not yet produced new security arrangements.",
                ["Q: Has the agreement with Saudi Arabia delivered?",
                 "Embassies have reopened and ministers visit each other, which was unthinkable two years ago.",
                 "Q: What is missing?",
                 "A regional dialogue forum in which all the littoral states take part."],
                "2024-01-06", "politics", ["interview", "political", "top news"], template="themebuilder",
                tags=["Persian Gulf", "عربستان"]),
        en_post(TRIPLES[0]["en"], f"{SCO} – Report:", "The Nuclear Talks in a New Year",
                "The Iranian nuclear file enters a new year amid intermittent indirect contacts and a declared wish on all sides to avoid escalation.",
                ["Tehran insists that the lifting of sanctions is a precondition for any new understanding.",
                 "Regional mediators, in particular Oman and Qatar, are expected to play a larger role."],
                "2025-01-12", "politics", ["Politics", "top news"], author="Mahmoud Fazeli",
                author_title="Analyst of International Issues", byline_sep=", ", template="themebuilder",
                tags=["JCPOA", "آمریکا"], translation_of=TRIPLES[0]["fa"], translation_ids=dict(TRIPLES[0])),
        en_post(385500, f"{SCO} – Opinion:", "Europe after the Elections",
                "The new European Parliament will be more divided on foreign policy, and this will make a common line on West Asia even harder to find.",
                ["Parties critical of the Union have gained seats in France, Germany and Italy.",
                 "For Iran, a weaker European voice means fewer intermediaries in the nuclear file."],
                "2026-02-03", "opinion", ["Opinion", "political"], author="Barsam Mohammadi",
                author_title="Expert on international affairs", template="themebuilder", tags=["اروپا", "NATO"],
                tag_hex="upper"),
    ]


def persian_live_articles() -> list[Article]:
    fa = "شورای راهبردی آنلاین"
    return [
        fa_post(3649, f"{fa} - رصد:", "افق‌های راهبردی در سال ۹۷",
                "مروری بر مهم‌ترین روندهای منطقه‌ای و بین‌المللی که در سال ۱۳۹۷ سیاست خارجی کشور را تحت تأثیر قرار خواهند داد.",
                ["آینده برجام پس از تصمیم احتمالی آمریکا مهم‌ترین موضوع سال پیش رو خواهد بود.",
                 "تحولات سوریه و عراق پس از شکست داعش نیز در کانون توجه قرار دارد."],
                (1397, 1, 5), "400", ["رصد"], slug="افق‌های-راهبردی-در-سال-97", template="classic"),
        fa_post(4012, f"{fa} -رصد:", "رصد تحولات قفقاز جنوبی",
                "گزارشی کوتاه از مهم‌ترین رویدادهای هفته در جمهوری آذربایجان، ارمنستان و گرجستان.",
                ["مذاکرات صلح میان باکو و ایروان بدون نتیجه مشخص ادامه یافت.",
                 "گرجستان نیز میزبان نشستی درباره کریدورهای ترانزیتی بود."],
                (1397, 6, 20), "400", ["آسیای مرکزی و قفقاز", "رصد"], template="themebuilder"),
        fa_post(127113, f"{fa} – دیدگاه:", "اروپا و آزمون استقلال راهبردی",
                "جنگ اوکراین نشان داد که استقلال راهبردی اروپا بیش از آنکه سیاستی قابل اجرا باشد، شعاری سیاسی است.",
                ["کشورهای اروپایی با سرعت به چتر امنیتی آمریکا بازگشتند.",
                 "در حوزه انرژی نیز یک وابستگی جای وابستگی دیگری را گرفت."],
                (1400, 11, 10), "30102", ["اروپا", "دیدگاه"], author="دکتر محمد رضایی",
                author_title="کارشناس مسائل اروپا", template="themebuilder"),
        fa_post(128000, f"{fa} – یادداشت:", "آینده همکاری‌های ایران و عراق",
                "نتایج انتخابات پارلمانی عراق اصول روابط تهران و بغداد را تغییر نخواهد داد.",
                ["روابط دو کشور بر همسایگی، تاریخ مشترک و منافع اقتصادی استوار است.",
                 "تشکیل دولت جدید در عراق ممکن است ماه‌ها طول بکشد."],
                (1400, 8, 1), "200", ["غرب آسیا", "یادداشت"], author="دکتر حمید خوش‌آیند",
                author_title="کارشناس مسائل منطقه", byline_sep=" –", byline_in_lead=True, template="classic"),
        fa_post(131254, f"{fa} – یادداشت:", "شانگهای و فرصت‌های ایران",
                "عضویت کامل در سازمان همکاری شانگهای بستری برای گسترش روابط اقتصادی ایران با آسیای مرکزی فراهم می‌کند.",
                ["این عضویت امکان مشارکت در طرح‌های مشترک حمل‌ونقل و انرژی را فراهم می‌کند.",
                 "ضعف زیرساخت‌های ریلی مهم‌ترین مانع بهره‌برداری از این فرصت است."],
                (1400, 7, 2), "200", ["یادداشت"], author="مریم وریج کاظمی", author_title="پژوهشگر مسائل ژئوپلیتیک",
                byline_sep="، ", template="themebuilder"),
        fa_post(TRIPLES[1]["fa"], f"{fa} – گفتگو:", "کریدورهای ترانزیتی و منافع ایران در قفقاز جنوبی",
                "یک کارشناس مسائل قفقاز گفت رقابت بر سر مسیرهای ترانزیتی جدید به طور مستقیم بر جایگاه ایران اثر می‌گذارد.",
                ["س: چرا ایران با تغییر مرزها مخالف است؟",
                 "تنها مرز زمینی ایران با ارمنستان از سیونیک می‌گذرد.",
                 "س: آیا مسیر جایگزینی وجود دارد؟",
                 "بله، مسیری از خاک ایران در امتداد رود ارس."],
                (1400, 12, 23), "30101", ["آسیای مرکزی و قفقاز", "گفتگو"], template="themebuilder",
                translation_of=TRIPLES[1]["en"], translation_ids=dict(TRIPLES[1])),
        fa_post(145064, f"{fa} – گفتگو:", "پدافند هوایی و بازدارندگی",
                "یک تحلیلگر نظامی گفت توسعه سامانه‌های پدافند هوایی بومی ستون اصلی راهبرد بازدارندگی ایران است.",
                ["س: در دهه گذشته چه تغییری رخ داده است؟",
                 "ایران اکنون سامانه‌هایی را تولید می‌کند که پیش‌تر ناچار به واردات آن‌ها بود.",
                 "سوال: آیا این یک مسابقه تسلیحاتی است؟",
                 "خیر؛ هدف افزایش هزینه هرگونه حمله است."],
                (1402, 7, 8), "30101", ["دفاعی و امنیتی", "گفتگو"], template="classic"),
        fa_post(150500, f"{fa} – گزارش:", "تجارت ایران با همسایگان رشد کرد",
                "آمار گمرک نشان می‌دهد حجم تجارت غیرنفتی ایران با پانزده کشور همسایه در یازده ماه نخست سال افزایش یافته است.",
                ["عراق، امارات و ترکیه در صدر شرکای تجاری قرار دارند.",
                 "کارشناسان این رشد را نتیجه سیاست همسایگی می‌دانند."],
                (1403, 12, 11), "500", ["اقتصاد و انرژی", "گزارش"], author="محمود فاضلی", author_title="تحلیلگر مسائل بین‌الملل",
                byline_sep=" - ", template="themebuilder"),
        fa_post(150600, f"{fa}:", "بازدید هیئتی از اندیشکده‌های آسیای مرکزی از شورا",
                "هیئتی از پژوهشگران قزاقستان، ازبکستان و قرقیزستان از شورای راهبردی روابط خارجی بازدید کردند.",
                ["دو طرف بر برگزاری همایش مشترک درباره کریدور شمال–جنوب توافق کردند.",
                 "تبادل انتشارات به زبان‌های روسی، فارسی و انگلیسی نیز در دستور کار است."],
                (1402, 2, 26), "600", ["خبر"], shortlink_page=True, template="classic"),
        fa_post(TRIPLES[0]["fa"], f"{fa} – گزارش:", "مسیر مذاکرات هسته‌ای در سال جدید",
                "پرونده هسته‌ای ایران در حالی وارد سال جدید می‌شود که تماس‌های غیرمستقیم به صورت پراکنده ادامه دارد.",
                ["تهران لغو تحریم‌ها را پیش‌شرط هرگونه تفاهم جدید می‌داند.",
                 "میانجی‌های منطقه‌ای به‌ویژه عمان و قطر نقش بیشتری خواهند داشت."],
                (1403, 10, 23), "500", ["گزارش"], template="themebuilder",
                translation_of=TRIPLES[0]["en"], translation_ids=dict(TRIPLES[0])),
    ]


def _arabic() -> list[Article]:
    out = []
    for a in arabic_articles():
        for triple in TRIPLES:
            if triple["ar"] == a.post_id:
                a.translation_of, a.translation_ids = triple["en"], dict(triple)
        out.append(a)
    return out


def live_site() -> Site:
    """A fresh Site with the live shapes (48 posts: 26 English, 10 Persian, 12 Arabic)."""
    site = Site(english_articles() + persian_live_articles() + _arabic(), live=LIVE_OPTIONS)
    for triple in TRIPLES:  # keep the triples honest
        for lang, pid in triple.items():
            a = site.by_id(pid)
            assert a is not None and a.lang == lang
            assert set(a.translation_paths) == set(triple) - {lang}
    return site


LIVE_SHAPES_DOC = {
    "shortlink_200_only": "unlisted; its only inbound link is a /en/?p=ID shortlink answering 200",
    "shortlink_200": "posts whose /{lang}/?p=ID answers 200 with the page (canonical = pretty URL)",
    "static_page_only": "unlisted; linked only from the /en/about-us/ static page",
    "about_scfr_en": "the article under /en/about-scfr-en/{id}/{slug}/",
    "byline_in_lead": "the byline follows the lead inside its paragraph, after <br/>",
    "nested_path": "English posts under /en/{parent}/{child}/{id}/{slug}/",
    "numeric_path": "Persian/Arabic posts whose category path is numeric (/fa/300/30102/…, /ar/400/…)",
    "arabic_indic_digits": "Arabic posts whose meta-line date uses ٠١٢٣٤٥٦٧٨٩",
    "short_labels": "meta lines with the short labels (political, top news, interview)",
    "triples": "en/fa/ar translation triples",
    "prefix:<prefix>": "posts whose lead starts with that prefix",
}


def live_shapes(site: Site | None = None) -> dict[str, list[int]]:
    """Shape name -> ids of the posts of live_site() that have it (see LIVE_SHAPES_DOC)."""
    site = site or live_site()
    posts = site.articles()
    shapes: dict[str, list[int]] = {
        "shortlink_200_only": [SHORTLINK_ONLY_POST_ID],
        "shortlink_200": sorted(a.post_id for a in posts if a.shortlink_page),
        "static_page_only": [STATIC_ONLY_POST_ID],
        "about_scfr_en": [ABOUT_SCFR_POST_ID],
        "byline_in_lead": sorted(a.post_id for a in posts if a.byline_in_lead and a.byline),
        "nested_path": sorted(a.post_id for a in posts if a.lang == "en" and "/" in a.permalink_base),
        "numeric_path": sorted(a.post_id for a in posts if a.lang != "en"
                               and any(seg.isdigit() for seg in a.permalink_base.split("/"))),
        "arabic_indic_digits": sorted(a.post_id for a in posts if a.digits == "arabic-indic"),
        "short_labels": sorted(a.post_id for a in posts
                               if {"political", "top news", "interview"} & set(a.categories)),
        "triples": sorted(pid for t in TRIPLES for pid in t.values()),
    }
    for a in posts:
        shapes.setdefault(f"prefix:{a.prefix}", []).append(a.post_id)
    for key in shapes:
        shapes[key] = sorted(shapes[key])
    return shapes


__all__ = [
    "ABOUT_PAGE_PATH", "ABOUT_SCFR_POST_ID", "AR_INTERVIEW_POST_ID", "AR_OPINION_POST_ID",
    "AR_SHORTLINK_PAGE_POST_ID", "LIVE_OPTIONS", "LIVE_PER_PAGE", "LIVE_SHAPES_DOC", "POLITICS_LISTING",
    "SHORTLINK_LINKER_POST_ID", "SHORTLINK_ONLY_POST_ID", "STATIC_ONLY_POST_ID", "TRIPLES", "english_articles",
    "live_shapes", "live_site", "persian_live_articles",
]
