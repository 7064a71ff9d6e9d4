"""Large generated replicas: ``generated_site(5000)`` for benchmarks and scale tests.

Articles are built from sentence templates with ``random.Random(seed)``, so
the same (n, seed, start, end) always gives the same site, byte for byte.
They look like the real posts: the four article types with their lead
prefixes, bylines on opinions and notes, Q blocks in interviews, categories
from the real tree, tags, in-text links to earlier posts (also through alias
URLs), a few unlisted posts, and pages padded to the real site's weight.
"""

from __future__ import annotations

import random
import re
from datetime import date, timedelta

from .content import (
    CATEGORIES,
    FA_CATEGORIES,
    FA_LEAD_PREFIX,
    Article,
    Block,
    Site,
    fa_digits,
    plain,
    restyled_site,
    wp_sanitize_title,
)

FIRST_POST_ID = 110000
PAGE_WEIGHT = (64_000, 112_000)  # bytes of an article page as served (the real ones are 60–120 KB)
UNLISTED_SHARE = 0.02

TYPE_CATEGORY = {"Interview": "interview", "Opinion": "opinion", "Note": "note", "News": "news"}
LEAD_PREFIX = {
    "Interview": "Strategic Council Online – Interview:",
    "Opinion": "Strategic Council Online—Opinion:",
    "Note": "Strategic Council Online – Note:",
    "News": "Strategic Council Online:",
}
# Regional / topic categories a post can have besides its type (children and top-level topics).
TOPIC_CATEGORIES = ("west-asia", "persian-gulf", "central-asia-caucasus", "afghanistan-pakistan", "europe",
                    "united-states", "east-asia", "russia-eurasia", "defense-security", "economy-energy")

TAGS = ("Iran", "Saudi Arabia", "Russia", "China", "United States", "Europe", "JCPOA", "Sanctions", "Energy",
        "Oil", "Gas", "Terrorism", "Afghanistan", "Pakistan", "Iraq", "Syria", "Yemen", "Caucasus", "Transit",
        "Persian Gulf", "NATO", "India", "Turkey", "Water", "Diplomacy")

AUTHORS = (
    ("Dr. Hossein Rafiei", "Expert on West Asia Issues"), ("Hamid Khoshayand", "Expert of regional issues"),
    ("Dr. Farzad Ramezani", "Expert on European Affairs"), ("Dr. Reza Mirzaei", "Expert on Eurasian Affairs"),
    ("Dr. Nasser Shafiee", "University Professor"), ("Dr. Javad Karimi", "Expert on Caspian Affairs"),
    ("Mohammad Ali Sobhani", "Former Iranian Diplomat"), ("Dr. Mahnaz Gholami", "Expert on Energy Affairs"),
    ("Ali Reza Soltani", "Senior Researcher on East Asia"), ("Dr. Kamran Karami", "Expert on Persian Gulf Affairs"),
    ("Dr. Shirin Ahmadi", "Expert on International Law"), ("Mehdi Pazouki", "Expert on Afghanistan Affairs"),
)
BYLINE_SEPS = (" – ", " – ", " – ", " – ", " –")  # spacing varies on the real site

ACTORS = ("Iran", "Saudi Arabia", "Turkey", "Russia", "China", "the United States", "the European Union",
          "Pakistan", "Afghanistan", "Iraq", "India", "Azerbaijan", "Armenia", "Qatar", "Oman",
          "the United Arab Emirates", "Kazakhstan", "Turkmenistan", "Japan", "Germany", "France", "Egypt")
TOPICS = ("energy security", "regional stability", "the nuclear agreement", "transit corridors", "maritime security",
          "economic sanctions", "water resources", "border security", "the fight against terrorism",
          "trade relations", "oil exports", "gas pipelines", "arms control", "refugee flows", "food security",
          "regional integration", "the security architecture of the region", "financial cooperation",
          "the reconstruction of Syria", "the peace process in Yemen", "the Caspian legal regime", "port investment")
REGIONS = ("the Persian Gulf", "the South Caucasus", "Central Asia", "the Strait of Hormuz", "the Red Sea",
           "the Caspian basin", "West Asia", "the Indian Ocean", "the eastern Mediterranean", "the Horn of Africa",
           "the Black Sea", "South Asia", "the Levant")
EVENTS = ("the latest round of talks", "the summit in Tehran", "the ministerial meeting", "the new sanctions package",
          "the ceasefire agreement", "the presidential election", "the visit of the foreign minister", "the border clashes",
          "the oil price shock", "the signing of the memorandum", "the security conference", "the joint statement")
EXPERTS = ("a former Iranian diplomat", "an expert on regional affairs", "a university professor",
           "a senior researcher on energy issues", "a former ambassador", "an analyst of international relations",
           "an expert on Caucasus affairs", "a specialist in international law", "a former deputy foreign minister")
ADJ = ("serious", "growing", "long-standing", "unprecedented", "considerable", "limited", "practical", "lasting",
       "deep", "clear", "strategic", "fragile")
YEARS_AGO = ("two years", "a decade", "several months", "three years", "a generation", "five years")

TITLE_TEMPLATES = (
    "{A}’s Approach to {T}", "The Future of {T} in {R}", "{A} and {B}: Prospects for {T}",
    "Why {A} Is Rethinking {T}", "{T} after {E}", "{A}, {B} & {T}", "What {E} Means for {R}",
    "Challenges of {T} in {R}", "{A}’s Role in {R}", "Limits of {A}’s Policy on {T}",
    "{T} and the Future of {A}-{B} Relations", "Can {A} and {B} Agree on {T}?", "{R} and the Question of {T}",
)
SENTENCES = (
    "{A} has repeatedly stressed that {t} cannot be separated from the wider question of {t2}.",
    "Over the past {y}, the policy of {a} towards {r} has been shaped by {adj} concerns about {t}.",
    "Officials in {a} say that {e} opened a new chapter, but the practical results remain {adj2}.",
    "For {a}, {t} is not merely a technical matter but a question of national security.",
    "The experience of {r} shows that outside interference rarely brings lasting stability.",
    "Analysts note that {a} and {b} have different priorities when it comes to {t}.",
    "In the meantime, trade between {a} and {b} reached {n} billion dollars last year, a {p} percent increase.",
    "Any lasting arrangement in {r} will depend on the willingness of the regional countries to cooperate.",
    "The question is whether {a} is ready to pay the price of a more independent policy on {t}.",
    "This approach has been criticized in {b}, where many believe that {t} should be discussed multilaterally.",
    "Since {e}, the two sides have held regular consultations at the level of deputy foreign ministers.",
    "At the same time, the economic dimension of {t} has become more important for {a}.",
    "Experts believe that the {adj} mistrust between {a} and {b} is the main obstacle to progress.",
    "The countries of {r} have learned that security cannot be bought from powers outside the region.",
    "Recent statements by officials in {b} suggest that a compromise on {t} is not out of reach.",
    "A joint committee is expected to meet in {m} to review the implementation of the agreements.",
    "The role of {b} in {r} has grown steadily, and it now competes with {a} for influence.",
    "It would be naïve to assume that the problems of {t} can be solved within a single year.",
    "Iran has proposed a regional framework in which all the countries of {r} would take part.",
    "The cost of inaction, however, would be far higher for {a} than for its neighbours.",
    "According to official figures, about {p} percent of the region’s exports pass through {r}.",
    "Many observers in {b} see {e} as a turning point, although its effects are still debated.",
    "The “{adj} partnership” announced by {a} and {b} has yet to produce concrete projects.",
    "In other words, {t} has become a test of the credibility of {a}’s regional policy.",
    "Diplomats familiar with the negotiations say the gap between the two positions has narrowed since {m}.",
    "The economic crisis has reduced the room for manoeuvre of the government in {b}.",
    "Neither side can afford a long confrontation, and both know it.",
    "What matters now is whether the declarations are followed by concrete steps on the ground.",
    "{A} needs the cooperation of its neighbours if it wants to play a larger role in {r}.",
    "The new government in {b} has so far sent mixed signals about its priorities in {r}.",
    "Part of the problem lies in the absence of a permanent mechanism for dialogue on {t}.",
    "The presence of foreign fleets in {r} has added a military dimension to what is essentially an economic question.",
    "Western media have tended to present the issue as a rivalry between {a} and {b}, which is a simplification.",
    "The private sector, too, has a role to play, especially in transport, banking and insurance.",
    "Public opinion in {b} remains divided, and the government is careful not to move too fast.",
    "Seen from Tehran, the developments in {r} confirm that regional solutions are more durable than imported ones.",
    "The talks have been postponed several times, officially for technical reasons.",
    "Several projects agreed {y} ago remain on paper because of financing problems.",
    "If the current trend continues, {a} could become one of the main actors in {t} within a few years.",
    "The United Nations has called on all parties to show restraint and to return to negotiations.",
    "The memorandum signed in {m} covers customs, transport and the exchange of information on {t}.",
    "Some experts warn that a hasty agreement could create more problems than it solves.",
    "The history of relations between {a} and {b} is full of missed opportunities.",
    "This is why the coming months will be decisive for {t} in {r}.",
    "Tehran has made it clear that it will not accept arrangements that ignore its legitimate interests.",
    "The volume of investment announced by {a} is impressive on paper, but little of it has materialized so far.",
    "Meanwhile, the humanitarian situation in parts of {r} continues to deteriorate.",
    "Observers point out that the decision was taken without consulting the other countries of {r}.",
    "The parliament of {b} is expected to debate the agreement before the end of the year.",
)
INTERVIEW_LEADS = (
    "{X} said the {adj} differences between {a} and {b} over {t} can only be resolved through dialogue "
    "among the countries of {r}.",
    "{X} said {e} has changed the balance in {r}, but its consequences for {t} will only become clear in "
    "the coming months.",
    "{X} believes that the new approach of {a} to {t} is a response to the changing situation in {r} "
    "rather than a strategic shift.",
    "{X} said Iran should use the competition between {a} and {b} over {t} to strengthen its position in {r}.",
    "{X} said the talks between {a} and {b} on {t} are moving forward slowly, because both sides are waiting "
    "for the outcome of {e}.",
)
QUESTIONS = (
    "How do you assess the current state of {t} in {r}?", "What are the main obstacles to cooperation between {a} and {b}?",
    "Why has {a} changed its position on {t}?", "What role can Iran play in {r}?",
    "How do you see the future of relations between {a} and {b}?", "Is there an alternative to the current approach?",
    "What will be the consequences of {e} for the region?", "Some critics say {a} has no clear strategy. Is that fair?",
)
HEADINGS = ("The economic dimension", "Regional reactions", "The way forward", "Security considerations",
            "Lessons of the past decade", "What Iran expects", "A fragile balance")
LIST_ITEMS = (
    "strengthening the joint border commissions", "regular consultations between foreign ministers",
    "removing the barriers to bilateral trade", "joint investment in transit infrastructure",
    "cooperation against organized crime and drug trafficking", "a regional mechanism for crisis management",
    "exchange of hydrological data on shared rivers", "coordination in international organizations",
)
QUOTES = (
    "Security in {r} can only be achieved by the countries of the region themselves.",
    "We are ready for cooperation on {t}, but not at the expense of our national interests.",
    "Dialogue is the only way to overcome the mistrust that has accumulated over {y}.",
)
LINK_SENTENCES = (
    "The council examined this question earlier in [{title}]({href}).",
    "As noted in [an earlier analysis]({href}), the same concerns were raised before.",
    "Similar arguments were made in [{title}]({href}), published by the council.",
    "For the background, see [our report on this issue]({href}).",
)
COMMENTERS = ("Reza", "Sara M.", "John Walters", "Ahmad", "Leila", "Peter K.", "Farid")
COMMENTS = ("A balanced analysis, thank you.", "The role of the neighbours deserves more attention.",
            "I do not agree with the conclusion, but the facts are well presented.",
            "Very informative. Is there a Persian version of this article?")
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")


def _title_case(text: str) -> str:
    """Headline case for a phrase placed inside a title (the title's first letter is raised later)."""
    small = {"the", "of", "and", "in", "on", "for", "to", "a", "an", "after", "at", "with"}
    return " ".join(w if w in small else w[:1].upper() + w[1:] for w in text.split(" "))


def _slug(title: str) -> str:
    """WordPress sanitize_title: apostrophes vanish, other punctuation becomes a dash."""
    text = title.lower().replace("’", "").replace("'", "").replace("&", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


class _Writer:
    """Sentence-template prose for one site (one Random, so the whole site is deterministic)."""

    def __init__(self, rnd: random.Random) -> None:
        self.rnd = rnd
        self._deck: list[str] = []

    def sentence_template(self) -> str:
        """Next template from a shuffled deck, so an article rarely repeats a sentence."""
        if not self._deck:
            self._deck = list(SENTENCES)
            self.rnd.shuffle(self._deck)
        return self._deck.pop()

    def fill(self, template: str, a: str, b: str, t: str, r: str) -> str:
        rnd = self.rnd
        text = template.format(
            A=a[:1].upper() + a[1:], a=a, b=b, t=t, t2=rnd.choice(TOPICS), r=r, e=rnd.choice(EVENTS),
            adj=rnd.choice(ADJ), adj2=rnd.choice(("modest", "limited", "uncertain", "encouraging")),
            y=rnd.choice(YEARS_AGO), n=rnd.randint(2, 60), p=rnd.randint(3, 45), m=rnd.choice(MONTH_NAMES),
        )
        return text[:1].upper() + text[1:]

    def paragraph(self, a: str, b: str, t: str, r: str, sentences: int) -> str:
        return " ".join(self.fill(self.sentence_template(), a, b, t, r) for _ in range(sentences))


def _dates(n: int, start: date, end: date) -> list[date]:
    span = (end - start).days
    if n <= 1:
        return [start] * n
    return [start + timedelta(days=span * i // (n - 1)) for i in range(n)]


def _alias(rnd: random.Random, target: Article) -> str:
    """A link to target: canonical or one of the aliases seen in the wild."""
    kind = rnd.choice(("canonical", "canonical", "utm", "shortlink", "amp", "noslash"))
    if kind == "utm":
        return target.path + rnd.choice(("?utm_source=telegram&utm_medium=social",
                                         "?utm_source=twitter&utm_medium=social&utm_campaign=scfr"))
    if kind == "shortlink":
        return f"/en/?p={target.post_id}"
    if kind == "amp":
        return target.path + "amp/"
    if kind == "noslash":
        return target.path.rstrip("/")
    return target.path


def generated_article(rnd: random.Random, post_id: int, day: date, earlier: list[Article],
                      used_slugs: set[str], index: int) -> Article:
    """One generated post (the Random drives everything, so call order matters)."""
    w = _Writer(rnd)
    kind = rnd.choices(("Interview", "Opinion", "Note", "News"), weights=(3, 3, 2, 2))[0]
    topics = rnd.sample(TOPIC_CATEGORIES, rnd.choice((1, 1, 2)))
    primary = topics[0]
    categories = sorted({CATEGORIES[TYPE_CATEGORY[kind]][0]} | {CATEGORIES[s][0] for s in topics})
    a, b = rnd.sample(ACTORS, 2)
    t, r = rnd.choice(TOPICS), rnd.choice(REGIONS)

    title = rnd.choice(TITLE_TEMPLATES).format(
        A=_title_case(a.removeprefix("the ")), B=_title_case(b.removeprefix("the ")), T=_title_case(t),
        R=_title_case(r), E=_title_case(rnd.choice(EVENTS)))
    title = title[:1].upper() + title[1:]
    slug = base_slug = _slug(title)
    suffix = 2
    while slug in used_slugs:
        slug, suffix = f"{base_slug}-{suffix}", suffix + 1
    used_slugs.add(slug)

    if kind == "Interview":
        clause = w.fill(rnd.choice(INTERVIEW_LEADS).replace("{X}", rnd.choice(EXPERTS)), a, b, t, r)
    else:
        clause = w.fill(w.sentence_template(), a, b, t, r)
    if rnd.random() < 0.3:  # some leads are long enough for listings to cut them at 55 words
        clause += " " + w.paragraph(a, b, t, r, 2)
    lead = f"{LEAD_PREFIX[kind]} {clause}"

    author = author_title = None
    byline_sep = " – "
    if kind in ("Opinion", "Note"):
        author, author_title = rnd.choice(AUTHORS)
        byline_sep = rnd.choice(BYLINE_SEPS)

    count = rnd.randint(5, 15)
    blocks: list[Block] = []
    extras = [k for k, p in (("h3", 0.25), ("ul", 0.15), ("blockquote", 0.12), ("table", 0.06)) if rnd.random() < p]
    q_style = rnd.choice(("Q: ", "Q. "))
    while len(blocks) < count:
        position = len(blocks)
        if kind == "Interview" and position % 3 == 1 and position < count - 1:
            blocks.append(("q", q_style + w.fill(rnd.choice(QUESTIONS), a, b, t, r)))
        elif extras and position >= 2 and rnd.random() < 0.3:
            extra = extras.pop()
            if extra == "h3":
                blocks.append(("h3", rnd.choice(HEADINGS)))
            elif extra == "ul":
                blocks.append(("ul", [item[:1].upper() + item[1:] for item in rnd.sample(LIST_ITEMS, rnd.randint(3, 5))]))
            elif extra == "blockquote":
                blocks.append(("blockquote", w.fill(rnd.choice(QUOTES), a, b, t, r)))
            else:
                years = sorted(rnd.sample(range(day.year - 6, day.year), 3))
                rows = [["Year", f"Trade with {_title_case(b.removeprefix('the '))} (billion $)", "Change (%)"]]
                rows += [[str(y), f"{rnd.uniform(1, 40):.1f}", f"{rnd.uniform(-20, 30):+.1f}"] for y in years]
                blocks.append(("table", rows))
        else:
            text = w.paragraph(a, b, t, r, rnd.randint(2, 6))
            if rnd.random() < 0.05:
                text = text.replace(" security ", " *security* ", 1)
            blocks.append(("p", text))

    links = 0 if not earlier else rnd.choices((0, 1, 2), weights=(6, 3, 1))[0]
    paragraphs = [i for i, block in enumerate(blocks) if block[0] == "p"]
    for _ in range(links):
        target = earlier[rnd.randrange(len(earlier))]
        sentence = rnd.choice(LINK_SENTENCES).format(title=target.title, href=_alias(rnd, target))
        i = rnd.choice(paragraphs)
        blocks[i] = ("p", f"{blocks[i][1]} {sentence}")

    comments: list[tuple[str, str]] = []
    if rnd.random() < 0.05:
        comments = [(rnd.choice(COMMENTERS), rnd.choice(COMMENTS)) for _ in range(rnd.randint(1, 3))]
    featured = (f"/wp-content/uploads/{day.year}/{day.month:02d}/scfr-{post_id}-1.jpg"
                if rnd.random() < 0.8 else None)
    return Article(
        post_id=post_id, slug=slug, primary_category=primary, categories=categories, published=day.isoformat(),
        title=title, lead=lead, type=kind, blocks=blocks, author=author, author_title=author_title,
        byline_sep=byline_sep, template=("classic", "themebuilder")[index % 2],
        tags=rnd.sample(TAGS, rnd.randint(1, 4)), comments=comments, featured_image=featured,
    )


def generated_articles(n: int, seed: int = 0, start: str = "2016-01-01", end: str = "2024-12-31") -> list[Article]:
    """n deterministic posts, oldest first, ids FIRST_POST_ID + i, dates spread evenly over [start, end]."""
    if n < 0:
        raise ValueError("n must be >= 0")
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    if last < first:
        raise ValueError("end is before start")
    rnd = random.Random(seed)
    unlisted = set(rnd.sample(range(n), round(n * UNLISTED_SHARE)))
    used_slugs: set[str] = set()
    articles: list[Article] = []
    for i, day in enumerate(_dates(n, first, last)):
        article = generated_article(rnd, FIRST_POST_ID + i, day, articles, used_slugs, i)
        if i in unlisted:
            article.listed = False
        articles.append(article)
    return articles


def generated_site(n: int, seed: int = 0, start: str = "2016-01-01", end: str = "2024-12-31", *,
                   langs: tuple[str, ...] = ("en",)) -> Site:
    """A Site of n generated English posts (see module doc); article pages weigh 60–120 KB.

    ``langs=("en", "fa")`` adds n generated Persian posts (ids from FA_FIRST_POST_ID, same dates);
    every FA_TRANSLATION_EVERY-th pair (index 0, 5, …) are translations of each other.  The
    English posts are the same as without Persian ones, apart from translation_of on those pairs.
    """
    unknown = set(langs) - {"en", "fa"}
    if unknown or "en" not in langs:
        raise ValueError(f"langs must be ('en',) or ('en', 'fa'), not {langs!r}")
    articles = generated_articles(n, seed, start, end)
    if "fa" in langs:
        articles = articles + generated_persian_articles(n, seed, start, end, english=articles)
    return Site(articles, page_weight=PAGE_WEIGHT)


MIXED_COMMENTS = (("Leila", "The role of the neighbours deserves more attention."),
                  ("John Walters", "I do not agree with the conclusion, but the facts are well presented."))


def _middle(blocks: list[Block]) -> int:
    """Where a quote goes in the middle of a text: after a paragraph, with own blocks after it."""
    for i in range(max(1, len(blocks) // 2), len(blocks)):
        if blocks[i - 1][0] == "p":
            return i
    return max(1, len(blocks) // 2)


def mixed_site(n: int = 40, share: float = 0.3, seed: int = 0, *, container_class: str | None = None,
               start: str = "2016-01-01", end: str = "2024-12-31") -> Site:
    """generated_site(n, seed) after a partial redesign, with posts quoting the newest posts.

    With L0…L3 the four newest listed posts (``site.listed()[:4]``):

    * L0 quotes L1's full lead as a ("blockquote", lead) block in the middle of
      its text (its own paragraphs follow) and has reader comments;
    * L1 ends with a ("p", lead) paragraph that is exactly L2's lead;
    * L2 quotes L3's lead as a blockquote in the middle and keeps the Theme
      Builder template (its LATEST CONTENT sidebar shows L3's lead too).

    These leads are also teasers: in every Theme Builder sidebar (6 newest)
    and in the "Read next" block of restyled pages (3 newest), so the same
    text is genuine article text on one page and boilerplate on many others
    (and on L0's, L1's and L2's own pages).  The quotes are part of the
    expected bodies.  ``quotations(site)`` lists them.

    Then ``round(share * n)`` posts switch to the ``restyled`` template
    (:func:`~tests.replica.content.restyled_site`): L0 first, then L1, then
    others in an order fixed by ``seed`` (never L2 nor sloppy posts).
    container_class is passed to the Site.  Deterministic for given arguments.
    """
    articles = generated_articles(n, seed, start, end)
    newest = Site(articles).listed()[:4]
    if len(newest) < 4:
        raise ValueError("mixed_site needs at least 4 listed posts")
    l0, l1, l2, l3 = newest
    for quoted in (l1, l2, l3):
        if plain(quoted.lead) != quoted.lead:
            raise ValueError(f"lead of {quoted.post_id} has inline markup")
    l0.blocks.insert(_middle(l0.blocks), ("blockquote", l1.lead))
    l1.blocks.append(("p", l2.lead))
    l2.blocks.insert(_middle(l2.blocks), ("blockquote", l3.lead))
    l2.template = "themebuilder"
    if not l0.comments:
        l0.comments = list(MIXED_COMMENTS)
    site = Site(articles, page_weight=PAGE_WEIGHT, container_class=container_class)
    return restyled_site(site, share, seed, prefer=(l0.post_id, l1.post_id), avoid=(l2.post_id,))


# --------------------------------------------------------------------------
# The Persian edition of a generated site: generated_site(n, langs=("en", "fa"))
# --------------------------------------------------------------------------

FA_FIRST_POST_ID = 310000
FA_TRANSLATION_EVERY = 5  # every 5th Persian post (index 0, 5, 10, …) translates the English post of the same index
FA_TYPE_CATEGORY = {"Interview": "گفتگو", "Note": "یادداشت", "News": "خبر"}
FA_TOPIC_CATEGORIES = ("غرب-آسیا", "خلیج-فارس", "آسیای-مرکزی-و-قفقاز", "افغانستان-و-پاکستان", "اروپا", "آمریکا",
                       "دفاعی-و-امنیتی", "اقتصاد-و-انرژی")
FA_TAGS = ("ایران", "عربستان سعودی", "روسیه", "چین", "آمریکا", "اروپا", "برجام", "تحریم‌ها", "انرژی", "نفت", "گاز",
           "تروریسم", "افغانستان", "پاکستان", "عراق", "سوریه", "یمن", "قفقاز", "ترانزیت", "خلیج فارس", "ناتو", "هند",
           "ترکیه", "آب", "دیپلماسی")
FA_AUTHORS = (
    ("دکتر حسین رفیعی", "کارشناس مسائل غرب آسیا"), ("حمید خوش‌آیند", "کارشناس مسائل منطقه"),
    ("دکتر فرزاد رمضانی", "کارشناس مسائل اروپا"), ("دکتر رضا میرزایی", "کارشناس مسائل اوراسیا"),
    ("دکتر ناصر شفیعی", "استاد دانشگاه"), ("دکتر مهناز غلامی", "کارشناس مسائل انرژی"),
    ("دکتر کامران کرمی", "کارشناس مسائل خلیج فارس"), ("مهدی پازوکی", "کارشناس مسائل افغانستان"),
)
FA_ACTORS = ("ایران", "عربستان سعودی", "ترکیه", "روسیه", "چین", "آمریکا", "اتحادیه اروپا", "پاکستان", "افغانستان",
             "عراق", "هند", "جمهوری آذربایجان", "ارمنستان", "قطر", "عمان", "امارات متحده عربی", "قزاقستان",
             "ترکمنستان", "ژاپن", "آلمان", "فرانسه", "مصر")
FA_TOPICS = ("امنیت انرژی", "ثبات منطقه‌ای", "توافق هسته‌ای", "کریدورهای ترانزیتی", "امنیت دریایی",
             "تحریم‌های اقتصادی", "منابع آبی", "امنیت مرزها", "مبارزه با تروریسم", "روابط تجاری", "صادرات نفت",
             "خطوط لوله گاز", "کنترل تسلیحات", "امنیت غذایی", "همگرایی منطقه‌ای", "همکاری‌های مالی",
             "رژیم حقوقی دریای خزر", "سرمایه‌گذاری در بنادر")
FA_REGIONS = ("خلیج فارس", "قفقاز جنوبی", "آسیای مرکزی", "تنگه هرمز", "دریای سرخ", "حوزه دریای خزر", "غرب آسیا",
              "اقیانوس هند", "شرق مدیترانه", "شاخ آفریقا", "جنوب آسیا")
FA_EVENTS = ("دور تازه مذاکرات", "نشست سران در تهران", "اجلاس وزیران", "بسته جدید تحریم‌ها", "توافق آتش‌بس",
             "انتخابات ریاست جمهوری", "سفر وزیر امور خارجه", "درگیری‌های مرزی", "امضای یادداشت تفاهم",
             "بیانیه مشترک")
FA_EXPERTS = ("یک دیپلمات پیشین", "یک کارشناس مسائل منطقه", "یک استاد دانشگاه", "یک پژوهشگر حوزه انرژی",
              "یک سفیر پیشین کشورمان", "یک تحلیلگر روابط بین‌الملل", "یک کارشناس مسائل قفقاز")
FA_YEARS_AGO = ("دو سال", "یک دهه", "چند ماه", "سه سال", "پنج سال")
FA_MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند")
FA_TITLE_TEMPLATES = (
    "رویکرد {A} به {T}", "آینده {T} در {R}", "{A} و {B}؛ چشم‌انداز {T}", "چرا {A} در سیاست {T} تجدیدنظر می‌کند؟",
    "{T} پس از {E}", "{E} چه معنایی برای {R} دارد؟", "چالش‌های {T} در {R}", "نقش {A} در {R}",
    "{T} و آینده روابط {A} و {B}", "آیا {A} و {B} بر سر {T} توافق می‌کنند؟",
)
FA_SENTENCES = (
    "{A} بارها تأکید کرده است که {t} را نمی‌توان از مسئله گسترده‌تر {t2} جدا کرد.",
    "طی {y} گذشته، سیاست {a} در قبال {r} تحت تأثیر نگرانی‌های جدی درباره {t} شکل گرفته است.",
    "مقامات {a} می‌گویند {e} فصل تازه‌ای را گشود، اما نتایج عملی آن هنوز محدود است.",
    "برای {a}، {t} صرفاً یک موضوع فنی نیست، بلکه به امنیت ملی مربوط می‌شود.",
    "تجربه {r} نشان می‌دهد مداخله خارجی به ندرت ثبات پایدار به همراه می‌آورد.",
    "تحلیلگران معتقدند {a} و {b} در زمینه {t} اولویت‌های متفاوتی دارند.",
    "حجم تجارت میان {a} و {b} سال گذشته به {n} میلیارد دلار رسید که {p} درصد افزایش نشان می‌دهد.",
    "هرگونه ترتیبات پایدار در {r} به اراده کشورهای منطقه برای همکاری بستگی دارد.",
    "پرسش اصلی این است که آیا {a} آماده پرداخت هزینه سیاستی مستقل‌تر در زمینه {t} است یا خیر.",
    "این رویکرد در {b} با انتقاد روبه‌رو شده است؛ جایی که بسیاری معتقدند {t} باید در چارچوبی چندجانبه بررسی شود.",
    "از زمان {e}، دو طرف رایزنی‌های منظمی در سطح معاونان وزیران امور خارجه داشته‌اند.",
    "در عین حال، بعد اقتصادی {t} برای {a} اهمیت بیشتری یافته است.",
    "کارشناسان بر این باورند که بی‌اعتمادی دیرینه میان {a} و {b} مانع اصلی پیشرفت است.",
    "کشورهای {r} آموخته‌اند که امنیت را نمی‌توان از قدرت‌های فرامنطقه‌ای خرید.",
    "اظهارات اخیر مقامات {b} نشان می‌دهد دستیابی به مصالحه در زمینه {t} دور از دسترس نیست.",
    "انتظار می‌رود کمیته‌ای مشترک در {m} برای بررسی اجرای توافق‌ها تشکیل جلسه دهد.",
    "نقش {b} در {r} به طور پیوسته افزایش یافته و اکنون با {a} بر سر نفوذ رقابت می‌کند.",
    "ساده‌انگارانه است اگر تصور کنیم مشکلات {t} در مدت یک سال حل می‌شود.",
    "ایران چارچوبی منطقه‌ای پیشنهاد کرده که همه کشورهای {r} در آن مشارکت داشته باشند.",
    "با این حال، هزینه بی‌عملی برای {a} به مراتب بیشتر از همسایگانش خواهد بود.",
    "بر اساس آمارهای رسمی، حدود {p} درصد صادرات منطقه از {r} می‌گذرد.",
    "بسیاری از ناظران در {b}، {e} را نقطه عطفی می‌دانند، هرچند پیامدهای آن هنوز محل بحث است.",
    "به بیان دیگر، {t} به آزمونی برای اعتبار سیاست منطقه‌ای {a} تبدیل شده است.",
    "دیپلمات‌های آگاه از مذاکرات می‌گویند فاصله مواضع دو طرف از {m} کاهش یافته است.",
    "بحران اقتصادی، دامنه مانور دولت {b} را محدود کرده است.",
    "هیچ‌یک از دو طرف توان تحمل رویارویی طولانی را ندارد و هر دو این را می‌دانند.",
    "آنچه اکنون اهمیت دارد این است که آیا اعلامیه‌ها با گام‌های عملی در میدان همراه می‌شوند یا نه.",
    "حضور ناوگان‌های خارجی در {r} به مسئله‌ای که اساساً اقتصادی است، بعدی نظامی افزوده است.",
    "بخش خصوصی نیز به‌ویژه در حمل‌ونقل، بانکداری و بیمه نقشی مهم بر عهده دارد.",
    "از نگاه تهران، تحولات {r} تأیید می‌کند که راه‌حل‌های منطقه‌ای از راه‌حل‌های وارداتی پایدارترند.",
)
FA_INTERVIEW_LEADS = (
    "{X} گفت اختلافات {a} و {b} بر سر {t} تنها از راه گفت‌وگو میان کشورهای {r} حل‌شدنی است.",
    "{X} معتقد است {e} توازن را در {r} تغییر داده، اما پیامدهای آن برای {t} در ماه‌های آینده روشن می‌شود.",
    "{X} می‌گوید رویکرد تازه {a} به {t} واکنشی به شرایط در حال تغییر {r} است و نه یک چرخش راهبردی.",
)
FA_QUESTIONS = (
    "ارزیابی شما از وضعیت {t} در {r} چیست؟", "مهم‌ترین موانع همکاری میان {a} و {b} کدام است؟",
    "چرا {a} موضع خود را درباره {t} تغییر داده است؟", "ایران چه نقشی می‌تواند در {r} ایفا کند؟",
    "آینده روابط {a} و {b} را چگونه می‌بینید؟", "پیامدهای {e} برای منطقه چه خواهد بود؟",
)
FA_HEADINGS = ("بعد اقتصادی", "واکنش‌های منطقه‌ای", "راه پیش رو", "ملاحظات امنیتی", "درس‌های یک دهه گذشته")
FA_LINK_SENTENCES = (
    "شورا پیش‌تر این موضوع را در [{title}]({href}) بررسی کرده بود.",
    "همان‌گونه که در [تحلیلی پیشین]({href}) آمد، این نگرانی‌ها تازگی ندارد.",
)
FA_COMMENTS = (("رضا", "تحلیل متوازنی بود، سپاس."), ("سارا م.", "نقش همسایگان بیش از این باید بررسی شود."),
               ("فرید", "با نتیجه‌گیری موافق نیستم، اما داده‌ها به خوبی ارائه شده‌اند."))


def _fa_fill(rnd: random.Random, template: str, a: str, b: str, t: str, r: str) -> str:
    return template.format(
        A=a, a=a, b=b, t=t, t2=rnd.choice(FA_TOPICS), r=r, e=rnd.choice(FA_EVENTS), y=rnd.choice(FA_YEARS_AGO),
        n=fa_digits(str(rnd.randint(2, 60))), p=fa_digits(str(rnd.randint(3, 45))), m=rnd.choice(FA_MONTHS),
    )


def generated_persian_article(rnd: random.Random, post_id: int, day: date, earlier: list[Article],
                              used_slugs: set[str], index: int, translation_of: int | None = None) -> Article:
    """One generated Persian post (the Random drives everything, so call order matters)."""
    kind = rnd.choices(("Interview", "Note", "News"), weights=(4, 3, 3))[0]
    topics = rnd.sample(FA_TOPIC_CATEGORIES, rnd.choice((1, 1, 2)))
    categories = sorted({FA_TYPE_CATEGORY[kind]} | {FA_CATEGORIES[s][0] for s in topics})
    a, b = rnd.sample(FA_ACTORS, 2)
    t, r = rnd.choice(FA_TOPICS), rnd.choice(FA_REGIONS)
    title = rnd.choice(FA_TITLE_TEMPLATES).format(A=a, B=b, T=t, R=r, E=rnd.choice(FA_EVENTS))
    slug = base_slug = wp_sanitize_title(title)
    suffix = 2
    while slug in used_slugs:
        slug, suffix = f"{base_slug}-{suffix}", suffix + 1
    used_slugs.add(slug)
    deck = list(FA_SENTENCES)
    rnd.shuffle(deck)

    def paragraph(sentences: int) -> str:
        return " ".join(_fa_fill(rnd, deck.pop() if deck else rnd.choice(FA_SENTENCES), a, b, t, r)
                        for _ in range(sentences))

    if kind == "Interview":
        clause = _fa_fill(rnd, rnd.choice(FA_INTERVIEW_LEADS).replace("{X}", rnd.choice(FA_EXPERTS)), a, b, t, r)
    else:
        clause = paragraph(1)
    if rnd.random() < 0.3:  # long leads, cut at 55 words in listings
        clause += " " + paragraph(2)
    author = author_title = None
    if kind == "Note":
        author, author_title = rnd.choice(FA_AUTHORS)
    blocks: list[Block] = []
    count = rnd.randint(4, 10)
    q_style = rnd.choice(("س: ", "سوال: "))
    while len(blocks) < count:
        position = len(blocks)
        if kind == "Interview" and position % 3 == 1 and position < count - 1:
            blocks.append(("q", q_style + _fa_fill(rnd, rnd.choice(FA_QUESTIONS), a, b, t, r)))
        elif position == 2 and rnd.random() < 0.25:
            blocks.append(("h3", rnd.choice(FA_HEADINGS)))
        else:
            blocks.append(("p", paragraph(rnd.randint(2, 4))))
    if earlier and rnd.random() < 0.3:
        target = earlier[rnd.randrange(len(earlier))]
        href = target.path if rnd.random() < 0.7 else f"/fa/?p={target.post_id}"
        paragraphs = [i for i, block in enumerate(blocks) if block[0] == "p"]
        i = rnd.choice(paragraphs)
        sentence = rnd.choice(FA_LINK_SENTENCES).format(title=target.title, href=href)
        blocks[i] = ("p", f"{blocks[i][1]} {sentence}")
    comments = [rnd.choice(FA_COMMENTS) for _ in range(rnd.randint(1, 2))] if rnd.random() < 0.05 else []
    featured = (f"/wp-content/uploads/{day.year}/{day.month:02d}/scfr-{post_id}-1.jpg"
                if rnd.random() < 0.8 else None)
    return Article(
        post_id=post_id, slug=slug, primary_category=topics[0], categories=categories, published=day.isoformat(),
        title=title, lead=f"{FA_LEAD_PREFIX[kind]} {clause}", type=kind, blocks=blocks, author=author,
        author_title=author_title, template=("classic", "themebuilder")[index % 2],
        tags=rnd.sample(FA_TAGS, rnd.randint(1, 3)), comments=comments, featured_image=featured, lang="fa",
        translation_of=translation_of,
    )


def generated_persian_articles(n: int, seed: int = 0, start: str = "2016-01-01", end: str = "2024-12-31",
                               english: list[Article] | None = None) -> list[Article]:
    """n deterministic Persian posts, oldest first, ids FA_FIRST_POST_ID + i, on the same dates as the
    English posts of generated_articles(n, seed, start, end); post i with i % FA_TRANSLATION_EVERY == 0
    translates ``english[i]`` (when given: its translation_of is set here too)."""
    rnd = random.Random(f"fa-{seed}")  # its own Random: the English posts stay exactly as without Persian
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    unlisted = set(rnd.sample(range(n), round(n * UNLISTED_SHARE)))
    used_slugs: set[str] = set()
    articles: list[Article] = []
    for i, day in enumerate(_dates(n, first, last)):
        counterpart = english[i] if english is not None and i % FA_TRANSLATION_EVERY == 0 else None
        article = generated_persian_article(rnd, FA_FIRST_POST_ID + i, day, articles, used_slugs, i,
                                            counterpart.post_id if counterpart else None)
        if counterpart is not None:
            counterpart.translation_of = article.post_id
        if i in unlisted:
            article.listed = False
        articles.append(article)
    return articles
