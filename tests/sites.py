"""Fixture websites for the end-to-end tests.

Builders for realistic pages (article, listing, tag/author/about pages), feeds (RSS 2.0,
RSS 1.0/RDF, Atom), sitemaps (urlset, index, news, gzip) and robots.txt, a handful of
article texts in several languages, and :data:`NETWORK`: one fixture site per source of
the test sources file, each knowing which of its pages the crawler must store.

Every site is served on its own port by :class:`crawler.testing.localsites.LocalSites`; the source
named ``X`` crawls the site named ``X``.
"""

from __future__ import annotations

import gzip
import textwrap
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from html import escape

from crawler.testing.localsites import LocalSites, Page, Site

# --------------------------------------------------------------------------------------
# Article texts
# --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Article:
    """An article's content, independent of the site that publishes it."""

    headline: str
    lang: str
    author: str
    published: str  # ISO 8601
    paragraphs: tuple[str, ...]
    phrase: str  # distinctive words of the body; extraction must keep them

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)

    @property
    def summary(self) -> str:
        """First sentence of the body (feed descriptions, meta description)."""
        first = self.paragraphs[0]
        for stop in ("。", ". "):
            if stop in first:
                return first[: first.index(stop) + 1].strip()
        return first

    @property
    def date(self) -> str:
        return self.published[:10]


def _article(headline: str, lang: str, author: str, published: str, phrase: str, body: str) -> Article:
    paragraphs = tuple(
        " ".join(line.strip() for line in block.splitlines() if line.strip())
        for block in textwrap.dedent(body).strip().split("\n\n")
    )
    article = Article(headline, lang, author, published, paragraphs, phrase)
    assert phrase in article.text, (headline, phrase)
    return article


FERRY = _article(
    "City orders three electric ferries for the harbour crossing",
    "en",
    "Eleanor Marsh",
    "2024-03-04T07:15:00+00:00",
    "battery-powered catamarans",
    """
    The city council has signed a contract for three battery-powered catamarans that will
    replace the diesel ferries on the harbour crossing by the summer of 2026, officials said on Monday.

    The vessels will be built at a shipyard in Bremerhaven and each will carry up to 240 passengers
    and forty bicycles. Charging points are to be installed at both piers so the boats can top up
    their batteries during the six-minute turnaround.

    Transport officials estimate that the switch will cut the fleet's fuel bill by almost two thirds
    and remove around 3,000 tonnes of carbon dioxide every year. Residents who live near the
    terminals have long complained about noise and fumes from the ageing ferries.

    Not everyone is convinced. Opposition councillors questioned whether the new boats would cope
    with winter storms, and the ferry workers' union asked for guarantees that no crew jobs would
    be lost when the old vessels are retired.

    The first of the new ferries is expected to begin sea trials next spring, with passenger
    service following after a three-month testing period.
    """,
)

LIBRARY = _article(
    "Central library reopens after two-year renovation",
    "en",
    "Tomas Reyes",
    "2024-03-02T09:00:00+00:00",
    "reading room under the restored glass dome",
    """
    The central library reopened its doors on Saturday after a two-year renovation that cost the
    city just over eighteen million pounds. Hundreds of visitors queued in the rain before the first
    readers were let in at nine o'clock.

    The most striking change is the reading room under the restored glass dome, which had been
    covered with plasterboard since the 1970s. Workers removed decades of grime from the original
    ironwork and replaced more than four hundred cracked panes.

    The building also has a new children's wing, a recording studio that members can book for free,
    and a café on the ground floor. Opening hours have been extended to ten o'clock on weekday evenings.

    Librarians said they had registered more than two thousand new members during the first weekend
    alone, far more than expected, and that the waiting list for the studio was already full until June.
    """,
)

ORCHARD = _article(
    "Late frost cuts apple harvest in valley orchards",
    "en",
    "Hannah Pryce",
    "2024-03-06T06:30:00+00:00",
    "frost struck in the last week of April",
    """
    Fruit growers in the valley expect to pick barely half of their usual apple crop this autumn
    after a hard frost struck in the last week of April, just as the trees were in full blossom.

    Temperatures fell to minus four degrees on two consecutive nights. Some farmers lit paraffin
    burners between the rows and sprayed water over the branches to protect the flowers, but many
    orchards on lower ground were badly damaged.

    The growers' cooperative said the losses could exceed six million euros. Its chairman warned that
    smaller family farms, which have already struggled with rising labour and energy costs, might not
    survive another poor season.

    Regional authorities are considering emergency loans. Cider makers, who buy a large share of the
    harvest, said they would probably have to import fruit to keep their presses running.
    """,
)

BRIDGE = _article(
    "Inspectors close old rail bridge after finding corroded bolts",
    "en",
    "Samuel Okafor",
    "2024-03-07T08:45:00+00:00",
    "corroded bolts on the main girders",
    """
    Railway inspectors closed the old viaduct over the river on Thursday morning after a routine
    survey found corroded bolts on the main girders, forcing thousands of commuters onto replacement buses.

    The bridge, which opened in 1889, carries around ninety trains a day between the coast and the
    capital. Engineers said there was no immediate danger of collapse but that they could not rule
    out further damage until every joint had been checked.

    Passengers faced long queues at the stations on either side of the river. The rail operator
    apologised and said extra buses would run throughout the weekend, although journeys are expected
    to take up to forty minutes longer.

    A spokesman said repairs would take at least three weeks. Local politicians called for a full
    review of maintenance budgets for Victorian-era structures across the network.
    """,
)

MARATHON = _article(
    "Record field of runners expected for Sunday's marathon",
    "en",
    "Priya Nair",
    "2024-03-08T10:00:00+00:00",
    "more than eighteen thousand runners",
    """
    Organisers of the city marathon say more than eighteen thousand runners have registered for
    Sunday's race, the largest field since the event was first held in 1982.

    The course has been changed this year to avoid roadworks near the cathedral. Runners will now
    cross the old town twice and finish on the riverside promenade instead of the stadium, which is
    being rebuilt.

    Police have warned drivers that several main roads will be closed from six in the morning until
    late afternoon. Trams will run a reduced timetable and two underground stations near the finish
    line will be exit only.

    The elite race includes last year's winner and three athletes who have run faster than two hours
    and six minutes. Forecasters expect cool, dry weather, which could favour fast times.
    """,
)

BAKERY = _article(
    "Family bakery celebrates a century on Mill Street",
    "en",
    "Lucy Carver",
    "2024-03-03T11:20:00+00:00",
    "sourdough starter that has been kept alive",
    """
    A family bakery on Mill Street is celebrating its hundredth birthday this week, and its owners
    say the secret of its success is a sourdough starter that has been kept alive since the shop
    first opened in 1924.

    The bakery is now run by the great-granddaughter of its founder, who began by selling bread from
    a handcart. The original oven, fired with wood until the 1960s, still stands in the back room,
    although it is no longer used.

    Regular customers lined up outside on Tuesday for free slices of anniversary cake. Many remembered
    buying sweets there as children, and some said their own grandparents had done the same.

    The owners admitted that rising flour and electricity prices had made the last two years
    difficult, but said they had no plans to sell.
    """,
)

COUNCIL = _article(
    "Council approves budget with more money for road repairs",
    "en",
    "Daniel Frost",
    "2024-03-05T21:40:00+00:00",
    "pothole repairs and resurfacing",
    """
    Councillors approved next year's budget on Wednesday night after a five-hour debate, agreeing to
    spend an extra four million on pothole repairs and resurfacing across the district.

    The money will come partly from a small rise in parking charges and partly from reserves. The
    council leader said the state of the roads was the most common complaint she heard from residents
    and that the extra spending was long overdue.

    Opposition members argued that libraries and youth centres were once again being asked to make
    savings, and proposed an amendment to protect their funding. It was defeated by twenty-six votes
    to nineteen.

    The budget also includes money for new street lighting and a pilot scheme to collect food waste
    from flats. Council tax will rise by just under three percent from April.
    """,
)

SCHOOL = _article(
    "New school term starts with a shortage of maths teachers",
    "en",
    "Grace Whitfield",
    "2024-02-26T07:00:00+00:00",
    "shortage of qualified maths teachers",
    """
    Head teachers across the region say they began the new term with a shortage of qualified maths
    teachers, and some secondary schools have had to combine classes or rely on supply staff.

    A survey by the teachers' association found that one in five schools had at least one maths post
    vacant. In several cases, physics and geography teachers have been asked to cover lessons outside
    their subject.

    The education department said it was offering bonuses of up to five thousand pounds to graduates
    who train as maths teachers and commit to staying in the region for three years.

    Parents' groups welcomed the scheme but said it would take years to make a difference. Some
    families have started paying for private tutoring ahead of next summer's exams.
    """,
)

COMET = _article(
    "Amateur astronomers spot comet from hilltop observatory",
    "en",
    "Oliver Brandt",
    "2024-03-09T22:10:00+00:00",
    "faint smudge of light",
    """
    Members of a local astronomy club were among the first in the country to photograph a newly
    discovered comet, which appeared as a faint smudge of light low on the western horizon on Tuesday evening.

    The group has run a small observatory on the hill above the town since 1978. Its volunteers spent
    several hours waiting for the clouds to clear before capturing a series of images with the club's
    largest telescope.

    Professional astronomers say the comet could become visible to the naked eye in early May if it
    survives its close pass around the sun. Until then, binoculars and a dark sky away from street
    lights will be needed.

    The club will open the observatory to the public on Friday and Saturday nights, weather
    permitting, and has asked visitors to bring warm clothes.
    """,
)

STORM = _article(
    "Storm warning issued as gale-force winds approach the coast",
    "en",
    "Megan Doyle",
    "2024-03-10T16:00:00+00:00",
    "gusts of up to 110 kilometres an hour",
    """
    Forecasters have issued an amber warning for the whole coastline as a deep area of low pressure
    moves in from the Atlantic, bringing gusts of up to 110 kilometres an hour overnight.

    Ferry operators cancelled all evening sailings and the coastguard urged people to stay away from
    seafronts and harbour walls, where waves are expected to break over promenades at high tide.

    Electricity companies have put extra repair crews on standby after a similar storm last winter
    left forty thousand homes without power for more than a day. Schools in exposed areas will decide
    in the morning whether to open.

    The strongest winds are expected between midnight and five o'clock, before the storm weakens as
    it moves inland on Tuesday afternoon. Drivers of high-sided vehicles have been told to avoid the
    coast road and the two suspension bridges until the warning is lifted.
    """,
)

MUSEUM = _article(
    "Museum returns bronze statue to its home village",
    "en",
    "Isabel Moreau",
    "2024-03-11T12:00:00+00:00",
    "bronze figure of a shepherd",
    """
    A bronze figure of a shepherd that stood in the village square for more than a century has been
    returned by the city museum, which had kept it in storage since the square was redeveloped in 1998.

    Villagers campaigned for years to bring the statue home. It was lifted back onto a new granite
    plinth on Saturday, watched by a crowd of several hundred people and a brass band from the
    neighbouring town.

    Conservators spent six months cleaning the statue and repairing a crack in one of its legs. They
    also found the sculptor's signature on the base, which had been hidden under layers of paint.

    The museum's director said returning objects to the places they were made for was becoming an
    important part of its work, and that other loans to villages were being discussed.
    """,
)

CYCLING = _article(
    "City adds twelve kilometres of protected cycle lanes",
    "en",
    "Felix Gruber",
    "2024-03-12T08:00:00+00:00",
    "separating bicycles from traffic",
    """
    The city will build twelve kilometres of protected cycle lanes this year, separating bicycles
    from traffic with low concrete kerbs on four of the busiest roads into the centre.

    Work will start on the ring road in May. Officials said the lanes would be built in stages so
    that no road is closed completely, but they warned of delays for drivers and buses during the
    summer months.

    Cycling groups welcomed the plan, saying the number of people riding to work had doubled since
    the first protected lane opened three years ago. Shop owners on one of the affected streets are
    worried about the loss of forty parking spaces.

    The project is funded by a national grant and is expected to be finished before the end of the
    year, although the final section near the station depends on a separate planning decision.
    """,
)

HARBOUR = _article(
    "Harbour dredging project finally gets green light",
    "en",
    "Robert Kane",
    "2024-03-13T09:30:00+00:00",
    "silt from the harbour basin",
    """
    Plans to remove more than a million cubic metres of silt from the harbour basin have finally
    been approved, ending a dispute that has delayed the project for almost a decade.

    Large container ships have been unable to enter the port at low tide for several years, and
    shipping lines have moved some services to rival ports further along the coast. The port
    authority says dredging will restore a depth of fourteen metres.

    Environmental groups had objected that the work would disturb seal colonies on the sandbanks
    outside the harbour. Under the approved plan, dredging will stop during the pupping season and the
    silt will be used to rebuild eroded salt marshes.

    Work is due to start in September and will take about eighteen months. The port authority expects
    the first of the larger ships to return before the end of next year.
    """,
)

WIRE = _article(
    "Central bank holds interest rates steady for third month",
    "en",
    "Maria Jensen",
    "2024-03-14T12:05:00+00:00",
    "uncomfortably strong",
    """
    The central bank held its main interest rate at 4.5 percent on Thursday for the third month in a
    row, saying that inflation was falling but remained too high to justify a cut.

    In a statement, the bank's rate-setting committee said price rises in the services sector were
    still uncomfortably strong and that wage growth had not slowed as much as expected.

    Seven of the nine committee members voted to keep rates unchanged, while two supported a
    reduction of a quarter of a percentage point. Economists had expected a similar split.

    Markets now expect the first cut in early summer. Mortgage lenders said fixed-rate deals were
    likely to remain broadly unchanged in the coming weeks, offering little relief to homeowners
    whose current deals are about to expire.
    """,
)

HOSPITAL = _article(
    "Hospital opens new children's ward funded by local donors",
    "en",
    "Aisha Rahman",
    "2024-03-15T10:00:00+00:00",
    "paid for almost entirely by donations",
    """
    A new children's ward opened at the county hospital on Monday, paid for almost entirely by
    donations collected over five years by local families, schools and businesses.

    The ward has twenty beds, a playroom, and rooms where parents can stay overnight next to their
    children. Nurses helped to design the layout so that every bed can be seen from the central station.

    The fundraising campaign was started by a couple whose daughter spent several months in the old
    ward, which was housed in a building from the 1950s. Events ranged from sponsored swims to a
    charity auction of paintings by local artists.

    Hospital managers said the new ward would also allow them to treat more young patients close to
    home rather than sending them to the city.
    """,
)

# Pages that exist and look like articles but must never be stored (robots.txt, allow, deny).
PRIVATE = _article(
    "Staff notice: newsroom moves to the third floor",
    "en",
    "Office Manager",
    "2024-03-01T08:00:00+00:00",
    "the newsroom will move to the third floor",
    """
    From Monday the newsroom will move to the third floor while the ground floor is rewired. Desks,
    monitors and phones will be moved by contractors over the weekend, so please clear your drawers
    before you leave on Friday.

    The canteen will remain open but will close at two o'clock every day until the work is finished.
    Meeting rooms on the second floor can be booked through the usual system.

    Parking spaces next to the loading bay will not be available for the next six weeks because the
    electricians need space for their vans and equipment. Staff who normally park there can use the
    public car park on Station Road, and the company will refund the cost.

    Please contact the office manager if you have any questions about the move or need help packing.
    """,
)

SPONSORED = _article(
    "Sponsored: five reasons to switch your energy supplier this spring",
    "en",
    "Partner Content",
    "2024-03-09T06:00:00+00:00",
    "switch your energy supplier",
    """
    Thinking about whether to switch your energy supplier? Spring is one of the best times of year to
    compare tariffs, because many companies launch new fixed-price deals when demand for heating
    begins to fall.

    Our partners have looked at dozens of offers and found that a typical household could save more
    than two hundred pounds a year by moving to a better plan. Switching usually takes less than three
    weeks and your supply will not be interrupted.

    Many of the cheapest deals are only available online, and some reward customers who pay by direct
    debit or agree to receive their bills by email. Look out for exit fees, which can wipe out the
    savings if you change your mind.

    This article was produced in partnership with an energy comparison service.
    """,
)

BLOG = _article(
    "Community blog: what I learned from a year on the allotment",
    "en",
    "Peter Quill",
    "2024-03-09T18:00:00+00:00",
    "neglected allotment",
    """
    When I took over a neglected allotment last spring, the plot was covered in brambles and broken
    glass, and the shed had lost half of its roof. My neighbours on the site gave me a week before I
    gave up.

    A year later I have harvested potatoes, beans, courgettes and far more rhubarb than any family
    could eat. The biggest lesson was patience: the first two months were spent digging and clearing,
    and nothing grew at all.

    The second lesson was to listen to the older gardeners. They told me when to plant, which slugs to
    worry about, and how to keep pigeons away from the cabbages with old compact discs hung on string.

    If you are thinking of applying for a plot, put your name on the waiting list now, because most
    sites have queues of several years.
    """,
)

DE_HAFEN = _article(
    "Neue Containerbrücken für den Hafen Bremerhaven",
    "de",
    "Jonas Becker",
    "2024-03-05T14:00:00+01:00",
    "vier neue Containerbrücken",
    """
    Der Hafen Bremerhaven bekommt vier neue Containerbrücken. Die Betreibergesellschaft hat am
    Dienstag einen Vertrag mit einem Hersteller aus Finnland unterzeichnet, die Kosten liegen nach
    Angaben des Unternehmens bei rund achtzig Millionen Euro.

    Die neuen Kräne sollen auch die größten Containerschiffe der Welt abfertigen können, die bis zu
    vierundzwanzig Container nebeneinander laden. Die bisherigen Anlagen stammen zum Teil noch aus
    den neunziger Jahren und sind für diese Schiffe zu klein.

    Die Gewerkschaft begrüßte die Investition, forderte aber Zusagen für die Beschäftigten. Die Kräne
    werden teilweise ferngesteuert, und viele Hafenarbeiter befürchten, dass dadurch Arbeitsplätze
    verloren gehen.

    Der Senat des Landes Bremen unterstützt das Projekt mit einem Zuschuss von zwölf Millionen Euro.
    Die erste Brücke soll im kommenden Frühjahr in Betrieb gehen, die übrigen drei bis Ende des Jahres.
    """,
)

DE_BAHN = _article(
    "Bahn kündigt monatelange Sanierung der Strecke Hamburg–Bremen an",
    "de",
    "Lena Hoffmann",
    "2024-03-06T09:15:00+01:00",
    "Während der Generalsanierung",
    """
    Die Bahn will die Strecke zwischen Hamburg und Bremen im kommenden Jahr für fünf Monate
    vollständig sperren. Während der Generalsanierung sollen Gleise, Weichen, Signale und Bahnsteige
    auf einmal erneuert werden.

    Fahrgäste müssen sich auf deutlich längere Reisezeiten einstellen. Fernzüge werden über Uelzen und
    Hannover umgeleitet, im Regionalverkehr sollen Busse die ausfallenden Züge ersetzen. Pendler aus
    dem Umland rechnen mit bis zu einer Stunde zusätzlicher Fahrzeit pro Tag.

    Der Fahrgastverband kritisierte die lange Sperrung, räumte aber ein, dass die Strecke dringend
    saniert werden müsse. Im vergangenen Jahr war dort fast jeder dritte Zug verspätet, und immer
    wieder fielen Verbindungen wegen defekter Weichen ganz aus.

    Nach Abschluss der Arbeiten verspricht die Bahn mehr Pünktlichkeit und zusätzliche Verbindungen
    am Abend und am Wochenende. Auch die Bahnhöfe entlang der Strecke sollen barrierefrei umgebaut
    werden.
    """,
)

RU_METRO = _article(
    "В Новосибирске откроют новую станцию метро",
    "ru",
    "Анна Соколова",
    "2024-03-12T09:00:00+07:00",
    "рядом со стадионом и ледовой ареной",
    """
    Мэрия Новосибирска объявила, что станция метро «Спортивная» примет первых пассажиров в конце
    декабря. Строительство станции началось ещё в 2016 году, но несколько раз останавливалось из-за
    нехватки денег.

    Новая станция расположится на левом берегу Оби рядом со стадионом и ледовой ареной. По оценкам
    городских властей, ежедневно ею будут пользоваться около двадцати тысяч человек.

    Сейчас строители заканчивают отделку вестибюля и монтируют эскалаторы. Стены станции украсят
    мозаикой на спортивную тему, эскизы которой выбирали жители города в ходе открытого голосования.

    Жители соседних районов давно жаловались на переполненные автобусы и пробки на мосту. После
    открытия станции дорога до центра города займёт у них меньше двадцати минут.

    В мэрии добавили, что в следующем году планируется начать проектирование ещё двух станций на той
    же линии. Рядом с новой станцией также построят перехватывающую парковку на четыреста машин.
    """,
)

JA_SAKURA = _article(
    "東京で桜が開花、平年より九日早く",
    "ja",
    "山田花子",
    "2024-03-14T15:00:00+09:00",
    "靖国神社にある標本木",
    """
    気象庁は十四日、東京都心で桜の開花を観測したと発表した。平年より九日早く、昨年より八日早い開花となった。
    靖国神社にある標本木で、職員が五輪以上の花が咲いているのを確認した。

    今年は二月から三月にかけて気温の高い日が続き、つぼみの成長が早まったとみられる。満開は一週間ほど後になる見込みで、
    週末には各地の公園に多くの花見客が訪れると予想されている。

    一方、都内の公園を管理する団体は、混雑による事故やごみの放置を防ぐため、場所取りの禁止や夜間の照明時間の短縮などの
    対策を発表した。宴会を禁止する公園もあり、利用者に協力を呼びかけている。

    上野公園では、開花の知らせを受けて早くも多くの人が訪れ、スマートフォンで花を撮影する姿が見られた。公園の売店の店員は
    「今年は例年より早く準備を始めたが、週末にはさらに人出が増えるだろう」と話していた。

    気象庁によると、西日本や東日本の各地でも今後一週間のうちに開花が相次ぐ見通しだ。北海道での開花は四月下旬になると
    予想されている。
    """,
)

ZH_RAIL = _article(
    "新高铁线路正式开通运营",
    "zh",
    "李明",
    "2024-03-11T08:00:00+08:00",
    "沿途设有九个车站",
    """
    连接两座省会城市的新高速铁路于本周一正式开通运营，两地之间的旅行时间由原来的五个多小时缩短至一小时四十分钟。
    首趟列车早上七点从北站发车，车上载有六百多名乘客。

    这条铁路全长约三百六十公里，设计时速为三百五十公里，沿途设有九个车站。工程于六年前开工，
    建设过程中修建了大量桥梁和隧道，以穿越地形复杂的山区。

    当地官员表示，新线路将带动沿线城市的旅游业和商业发展。不少乘客说，过去回家探亲需要坐长途汽车，
    现在当天就可以往返。

    铁路部门表示，开通初期每天将开行四十对列车，并将根据客流情况逐步增加班次，周末和节假日还会加开临时列车。
    车站周边的公交线路也已调整，方便旅客换乘。

    开通当天，不少市民专程来到车站体验新线路。一位退休教师说，他年轻时坐绿皮火车要花一整天，如今的变化让人感慨。
    据介绍，这条铁路还将与城市地铁和机场快线相连，形成更加便捷的综合交通网络，预计每年可运送旅客两千多万人次。
    """,
)

PL_MOST = _article(
    "Nowy most na Wiśle otwarty dla ruchu",
    "pl",
    "Katarzyna Wójcik",
    "2024-03-08T07:00:00+01:00",
    "szeroka ścieżka rowerowa",
    """
    W piątek rano otwarto dla ruchu nowy most na Wiśle, który połączył dwie dzielnice miasta.
    Przeprawa ma prawie osiemset metrów długości i jest najdłuższym mostem zbudowanym w regionie od
    ponad trzydziestu lat.

    Budowa trwała cztery lata i kosztowała ponad sześćset milionów złotych. Na moście znajdują się dwa
    pasy ruchu w każdym kierunku, torowisko tramwajowe oraz szeroka ścieżka rowerowa oddzielona od jezdni.

    Mieszkańcy, którzy do tej pory musieli stać w korkach na starym moście, z ulgą przyjęli otwarcie
    nowej przeprawy. Pierwszego dnia przez most przejechało kilka tysięcy samochodów, a wielu pieszych
    przyszło podziwiać widok na rzekę.

    Tramwaje zaczną kursować po moście w czerwcu, po zakończeniu testów sieci trakcyjnej. Władze miasta
    zapowiadają również budowę nowego parku nad brzegiem rzeki, z placem zabaw, przystanią dla kajaków
    i ścieżką spacerową wzdłuż wału.
    """,
)

#: Every article text, by a short key (the tests and the probe script iterate over them).
ARTICLES: dict[str, Article] = {
    "ferry": FERRY,
    "library": LIBRARY,
    "orchard": ORCHARD,
    "bridge": BRIDGE,
    "marathon": MARATHON,
    "bakery": BAKERY,
    "council": COUNCIL,
    "school": SCHOOL,
    "comet": COMET,
    "storm": STORM,
    "museum": MUSEUM,
    "cycling": CYCLING,
    "harbour": HARBOUR,
    "wire": WIRE,
    "hospital": HOSPITAL,
    "private": PRIVATE,
    "sponsored": SPONSORED,
    "blog": BLOG,
    "de_hafen": DE_HAFEN,
    "de_bahn": DE_BAHN,
    "ru_metro": RU_METRO,
    "ja_sakura": JA_SAKURA,
    "zh_rail": ZH_RAIL,
    "pl_most": PL_MOST,
}

# --------------------------------------------------------------------------------------
# HTML pages
# --------------------------------------------------------------------------------------

Nav = Sequence[tuple[str, str]]

DEFAULT_NAV: Nav = (
    ("Home", "/"),
    ("World", "/world/"),
    ("Business", "/business/"),
    ("Culture", "/culture/"),
    ("Sport", "/sport/"),
)
_BYLINE = {"en": "By", "de": "Von", "ru": "Автор:", "ja": "記者：", "zh": "记者：", "pl": "Autor:"}
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _charset_tag(charset: str, declare: str | None) -> str:
    if declare == "meta":
        return f'<meta charset="{charset}">'
    if declare == "http-equiv":
        return f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    return ""


def document(
    *,
    lang: str,
    title: str,
    site_title: str,
    body: str,
    head: str = "",
    nav: Nav = DEFAULT_NAV,
    about: str | None = None,
    charset: str = "utf-8",
    declare: str | None = "meta",
) -> str:
    """A whole HTML page: head, site header with navigation, ``body`` in <main>, footer."""
    links = "\n".join(f'      <li><a href="{escape(href)}">{escape(label)}</a></li>' for label, href in nav)
    about_link = f'\n  <p><a href="{escape(about)}">About us</a></p>' if about else ""
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
{_charset_tag(charset, declare)}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
{head}
<link rel="stylesheet" href="/static/site.css">
</head>
<body>
<header class="site-header">
  <a class="logo" href="{escape(nav[0][1])}">{escape(site_title)}</a>
  <nav class="main-nav">
    <ul>
{links}
    </ul>
  </nav>
  <form class="search" action="/search" method="get"><input type="search" name="q"></form>
</header>
<main id="content">
{body}
</main>
<footer class="site-footer">
  <p>&copy; 2024 {escape(site_title)}. All rights reserved.</p>{about_link}
</footer>
</body>
</html>
"""


def _date_text(article: Article) -> str:
    if article.lang == "en":
        when = datetime.fromisoformat(article.published)
        return f"{when.day} {_MONTHS[when.month - 1]} {when.year}"
    return article.date


def article_html(
    article: Article,
    site_title: str,
    *,
    charset: str = "utf-8",
    declare: str | None = "meta",
    canonical: str | None = None,
    og_url: str | None = None,
    nav: Nav = DEFAULT_NAV,
    section: str = "News",
) -> str:
    """A realistic article page: meta tags, site chrome, <article> with h1, byline, <time>, body."""
    head = [
        f'<meta name="description" content="{escape(article.summary)}">',
        f'<meta name="author" content="{escape(article.author)}">',
        '<meta property="og:type" content="article">',
        f'<meta property="og:title" content="{escape(article.headline)}">',
        f'<meta property="og:site_name" content="{escape(site_title)}">',
        f'<meta property="article:published_time" content="{article.published}">',
    ]
    if og_url:
        head.append(f'<meta property="og:url" content="{escape(og_url)}">')
    if canonical:
        head.append(f'<link rel="canonical" href="{escape(canonical)}">')
    paragraphs = "\n".join(f"  <p>{escape(p)}</p>" for p in article.paragraphs)
    body = f"""<article class="story">
  <header class="story-header">
    <p class="kicker">{escape(section)}</p>
    <h1>{escape(article.headline)}</h1>
    <p class="byline">{_BYLINE[article.lang]} <span class="author">{escape(article.author)}</span>
      &middot; <time datetime="{article.published}">{_date_text(article)}</time></p>
  </header>
{paragraphs}
</article>
<aside class="newsletter">
  <h2>Newsletter</h2>
  <p>Sign up for the morning briefing.</p>
</aside>"""
    return document(
        lang=article.lang,
        title=f"{article.headline} | {site_title}",
        site_title=site_title,
        body=body,
        head="\n".join(head),
        nav=nav,
        charset=charset,
        declare=declare,
    )


def html_page(html: str, *, charset: str = "utf-8", header_charset: bool = True, status: int = 200) -> Page:
    """``html`` encoded in ``charset``; the Content-Type header names it only if ``header_charset``."""
    content_type = f"text/html; charset={charset}" if header_charset else "text/html"
    return Page(html.encode(_PYTHON_CODECS.get(charset.lower(), charset)), content_type, status)


_PYTHON_CODECS = {"windows-1251": "cp1251", "shift_jis": "shift_jis", "gb2312": "gb2312", "iso-8859-2": "iso8859_2"}


def article_page(article: Article, site_title: str, **options: object) -> Page:
    """:func:`article_html` as a UTF-8 page."""
    return html_page(article_html(article, site_title, **options))  # type: ignore[arg-type]


@dataclass(frozen=True)
class Teaser:
    href: str
    headline: str
    blurb: str = ""
    author: tuple[str, str] | None = None  # (name, author page)
    tag: tuple[str, str] | None = None  # (label, tag page)


def listing_html(
    site_title: str,
    heading: str,
    teasers: Sequence[Teaser],
    *,
    next_href: str | None = None,
    nav: Nav = DEFAULT_NAV,
    about: str | None = None,
) -> str:
    """A section/listing page: teasers linking to articles, optional pagination link."""
    items = []
    for teaser in teasers:
        meta = []
        if teaser.author:
            meta.append(f'By <a href="{escape(teaser.author[1])}">{escape(teaser.author[0])}</a>')
        if teaser.tag:
            meta.append(f'in <a href="{escape(teaser.tag[1])}">{escape(teaser.tag[0])}</a>')
        items.append(
            f'  <li class="teaser">\n    <h2><a href="{escape(teaser.href)}">{escape(teaser.headline)}</a></h2>\n'
            f'    <p>{escape(teaser.blurb)}</p>\n    <p class="meta">{" ".join(meta)}</p>\n  </li>'
        )
    pagination = (
        f'\n<nav class="pagination"><a rel="next" href="{escape(next_href)}">Older stories</a></nav>'
        if next_href
        else ""
    )
    body = f'<h1>{escape(heading)}</h1>\n<ul class="teasers">\n' + "\n".join(items) + "\n</ul>" + pagination
    return document(
        lang="en",
        title=f"{heading} | {site_title}",
        site_title=site_title,
        body=body,
        head='<meta property="og:type" content="website">',
        nav=nav,
        about=about,
    )


def link_list_html(
    site_title: str,
    heading: str,
    intro: str,
    links: Sequence[tuple[str, str]],
    *,
    nav: Nav = DEFAULT_NAV,
    about: str | None = None,
) -> str:
    """A tag, author or front page: a heading, one line of intro, a list of headline links."""
    items = "\n".join(f'  <li><a href="{escape(href)}">{escape(text)}</a></li>' for text, href in links)
    body = f'<h1>{escape(heading)}</h1>\n<p class="intro">{escape(intro)}</p>\n<ul class="headlines">\n{items}\n</ul>'
    return document(
        lang="en",
        title=f"{heading} | {site_title}",
        site_title=site_title,
        body=body,
        head='<meta property="og:type" content="website">',
        nav=nav,
        about=about,
    )


def about_html(site_title: str, *, nav: Nav = DEFAULT_NAV) -> str:
    """A short 'about us' page (contact details, no article)."""
    body = f"""<h1>About {escape(site_title)}</h1>
<p>{escape(site_title)} has covered the valley since 1911. Send news tips to newsdesk@example.org.</p>
<address>12 Market Square, Riverton &middot; Phone 01234 567890</address>"""
    return document(
        lang="en",
        title=f"About us | {site_title}",
        site_title=site_title,
        body=body,
        head='<meta property="og:type" content="website">',
        nav=nav,
    )


def newsroom_html(site_title: str, *, nav: Nav = DEFAULT_NAV) -> str:
    """A longer 'about the newsroom' page: prose, but no date, byline or article markup."""
    body = f"""<h1>Our newsroom</h1>
<p>{escape(site_title)} is an independent local newspaper founded in 1911. Our newsroom of fourteen
journalists covers local government, schools, business, sport and culture across the valley. We publish
online every day and in print on Thursdays.</p>
<p>If you have a story, a correction or a complaint, email newsdesk@example.org or visit us at
12 Market Square, Riverton, on weekdays between nine and five.</p>"""
    return document(
        lang="en",
        title=f"Our newsroom | {site_title}",
        site_title=site_title,
        body=body,
        head='<meta property="og:type" content="website">',
        nav=nav,
    )


def video_only_html(headline: str, site_title: str, *, nav: Nav = DEFAULT_NAV) -> str:
    """An article page with no article body: a headline and a video player."""
    body = f"""<article class="story video">
  <h1>{escape(headline)}</h1>
  <p class="byline">Video &middot; <time datetime="2024-03-04T18:00:00+00:00">4 March 2024</time></p>
  <figure class="player">
    <video controls preload="none" poster="/media/regatta.jpg" src="/media/regatta.mp4"></video>
    <figcaption>Watch (2:14)</figcaption>
  </figure>
</article>"""
    return document(
        lang="en",
        title=f"{headline} | {site_title}",
        site_title=site_title,
        body=body,
        head='<meta property="og:type" content="video.other">',
        nav=nav,
    )


# --------------------------------------------------------------------------------------
# Feeds, sitemaps, robots.txt
# --------------------------------------------------------------------------------------

RSS_TYPE = "application/rss+xml; charset=utf-8"
RDF_TYPE = "application/rdf+xml; charset=utf-8"
ATOM_TYPE = "application/atom+xml; charset=utf-8"
XML_TYPE = "application/xml; charset=utf-8"
GZIP_TYPE = "application/x-gzip"
TEXT_TYPE = "text/plain; charset=utf-8"


@dataclass(frozen=True)
class FeedItem:
    url: str
    title: str
    published: str  # ISO 8601
    summary: str = ""
    author: str = ""


def item(url: str, article: Article) -> FeedItem:
    """A feed entry for ``article`` published at ``url``."""
    return FeedItem(url, article.headline, article.published, article.summary, article.author)


def _rfc822(iso: str) -> str:
    return format_datetime(datetime.fromisoformat(iso))


def rss2(title: str, link: str, items: Sequence[FeedItem], *, language: str = "en") -> str:
    """An RSS 2.0 feed."""
    entries = "\n".join(
        f"""    <item>
      <title>{escape(it.title)}</title>
      <link>{escape(it.url)}</link>
      <guid isPermaLink="false">urn:wirecrawl-test:{n}</guid>
      <pubDate>{_rfc822(it.published)}</pubDate>
      <dc:creator>{escape(it.author)}</dc:creator>
      <description>{escape(it.summary)}</description>
    </item>"""
        for n, it in enumerate(items, 1)
    )
    updated = max((it.published for it in items), default="2024-03-01T00:00:00+00:00")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>{escape(title)}</title>
    <link>{escape(link)}</link>
    <description>Latest stories from {escape(title)}</description>
    <language>{language}</language>
    <lastBuildDate>{_rfc822(updated)}</lastBuildDate>
{entries}
  </channel>
</rss>
"""


def rdf(title: str, link: str, items: Sequence[FeedItem], *, language: str = "en") -> str:
    """An RSS 1.0 (RDF) feed."""
    seq = "\n".join(f'          <rdf:li rdf:resource="{escape(it.url)}"/>' for it in items)
    entries = "\n".join(
        f"""  <item rdf:about="{escape(it.url)}">
    <title>{escape(it.title)}</title>
    <link>{escape(it.url)}</link>
    <description>{escape(it.summary)}</description>
    <dc:creator>{escape(it.author)}</dc:creator>
    <dc:date>{it.published}</dc:date>
  </item>"""
        for it in items
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="{escape(link)}">
    <title>{escape(title)}</title>
    <link>{escape(link)}</link>
    <description>Nachrichten von {escape(title)}</description>
    <dc:language>{language}</dc:language>
    <items>
      <rdf:Seq>
{seq}
      </rdf:Seq>
    </items>
  </channel>
{entries}
</rdf:RDF>
"""


def atom(title: str, link: str, feed_url: str, items: Sequence[FeedItem]) -> str:
    """An Atom 1.0 feed; each entry's article is its rel="alternate" link."""
    entries = "\n".join(
        f"""  <entry>
    <title>{escape(it.title)}</title>
    <link rel="alternate" type="text/html" href="{escape(it.url)}"/>
    <id>tag:wirecrawl.test,2024:{n}</id>
    <published>{it.published}</published>
    <updated>{it.published}</updated>
    <author><name>{escape(it.author)}</name></author>
    <summary>{escape(it.summary)}</summary>
  </entry>"""
        for n, it in enumerate(items, 1)
    )
    updated = max((it.published for it in items), default="2024-03-01T00:00:00+00:00")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>{escape(title)}</title>
  <link rel="alternate" type="text/html" href="{escape(link)}"/>
  <link rel="self" type="application/atom+xml" href="{escape(feed_url)}"/>
  <id>{escape(feed_url)}</id>
  <updated>{updated}</updated>
{entries}
</feed>
"""


def urlset(urls: Sequence[tuple[str, str]]) -> str:
    """A sitemap <urlset> of (url, lastmod) pairs."""
    entries = "\n".join(
        f"  <url>\n    <loc>{escape(url)}</loc>\n    <lastmod>{lastmod}</lastmod>\n  </url>" for url, lastmod in urls
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}\n</urlset>\n"
    )


def sitemap_index(urls: Sequence[str], lastmod: str = "2024-03-15") -> str:
    """A <sitemapindex> listing child sitemaps."""
    entries = "\n".join(
        f"  <sitemap>\n    <loc>{escape(url)}</loc>\n    <lastmod>{lastmod}</lastmod>\n  </sitemap>" for url in urls
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}\n</sitemapindex>\n"
    )


def news_sitemap(publication: str, entries: Sequence[tuple[str, Article]]) -> str:
    """A Google News sitemap of (url, article) pairs."""
    urls = "\n".join(
        f"""  <url>
    <loc>{escape(url)}</loc>
    <news:news>
      <news:publication>
        <news:name>{escape(publication)}</news:name>
        <news:language>{article.lang}</news:language>
      </news:publication>
      <news:publication_date>{article.published}</news:publication_date>
      <news:title>{escape(article.headline)}</news:title>
    </news:news>
  </url>"""
        for url, article in entries
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"\n'
        '        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n'
        f"{urls}\n</urlset>\n"
    )


def gzipped(data: str | bytes) -> bytes:
    """``data`` gzip-compressed (deterministically)."""
    return gzip.compress(data.encode("utf-8") if isinstance(data, str) else data, mtime=0)


def robots_txt(*, disallow: Sequence[str] = (), sitemaps: Sequence[str] = (), agent: str = "*") -> str:
    """A robots.txt with one group and optional Sitemap: lines."""
    lines = [f"User-agent: {agent}"]
    lines += [f"Disallow: {path}" for path in disallow] or ["Disallow:"]
    lines.append("")
    lines += [f"Sitemap: {url}" for url in sitemaps]
    return "\n".join(lines) + "\n"


def xml_page(text: str, content_type: str = XML_TYPE) -> Page:
    return Page(text, content_type)


# --------------------------------------------------------------------------------------
# The test network: one site per source
# --------------------------------------------------------------------------------------


@dataclass
class SourceSite:
    """A fixture site and the source that crawls it (both named ``name``).

    ``pages(base)`` renders the site (``base`` is its URL without the trailing slash);
    ``table(base)`` gives the source's keys besides ``name``; ``stored`` maps the canonical
    path (with query, if any) of every page the crawler must store to its article;
    ``never_stored`` lists paths of pages that must not be stored; ``discovery`` the
    feed/sitemap/listing paths a crawl of the source fetches every time.
    """

    name: str
    pages: Callable[[str], dict[str, Page]]
    table: Callable[[str], dict[str, object]]
    stored: Mapping[str, Article]
    never_stored: tuple[str, ...] = ()
    discovery: tuple[str, ...] = ()

    def site(self) -> Site:
        return Site(self.name, lambda addresses: self.pages(addresses[self.name].rstrip("/")))

    def source(self, addresses: Mapping[str, str]) -> dict[str, object]:
        return {"name": self.name, **self.table(addresses[self.name].rstrip("/"))}


def _rss2_site() -> SourceSite:
    path = "/world/2024/03/04/electric-ferries"

    def pages(base: str) -> dict[str, Page]:
        return {
            "/feed.xml": xml_page(rss2("Harbour Gazette", base + "/", [item(base + path, FERRY)]), RSS_TYPE),
            path: article_page(FERRY, "Harbour Gazette", section="World"),
        }

    return SourceSite(
        "rss2", pages, lambda base: {"feeds": [base + "/feed.xml"]}, {path: FERRY}, discovery=("/feed.xml",)
    )


GERMAN_NAV: Nav = (
    ("Startseite", "/"),
    ("Politik", "/politik/"),
    ("Wirtschaft", "/wirtschaft/"),
    ("Verkehr", "/verkehr/"),
)


def _rdf_site() -> SourceSite:
    hafen, bahn = "/wirtschaft/2024/03/containerbruecken-bremerhaven", "/verkehr/2024/03/sanierung-hamburg-bremen"

    def pages(base: str) -> dict[str, Page]:
        feed = rdf(
            "Nordsee Rundschau", base + "/", [item(base + hafen, DE_HAFEN), item(base + bahn, DE_BAHN)], language="de"
        )
        return {
            "/index.rdf": xml_page(feed, RDF_TYPE),
            hafen: article_page(DE_HAFEN, "Nordsee Rundschau", nav=GERMAN_NAV, section="Wirtschaft"),
            bahn: article_page(DE_BAHN, "Nordsee Rundschau", nav=GERMAN_NAV, section="Verkehr"),
        }

    return SourceSite(
        "rdf",
        pages,
        lambda base: {"feeds": [base + "/index.rdf"], "language": "de"},
        {hafen: DE_HAFEN, bahn: DE_BAHN},
        discovery=("/index.rdf",),
    )


#: User-Agent the ``atom`` source sets in its [sources.settings] table.
ATOM_USER_AGENT = "wirecrawl/e2e-per-source-settings (+http://127.0.0.1/)"


def _atom_site() -> SourceSite:
    path = "/culture/2024/03/02/library-reopens"

    def pages(base: str) -> dict[str, Page]:
        feed = atom("City Review", base + "/", base + "/atom.xml", [item(base + path, LIBRARY)])
        return {"/atom.xml": xml_page(feed, ATOM_TYPE), path: article_page(LIBRARY, "City Review", section="Culture")}

    return SourceSite(
        "atom",
        pages,
        lambda base: {
            "feeds": [base + "/atom.xml"],
            "settings": {"USER_AGENT": ATOM_USER_AGENT, "DOWNLOAD_TIMEOUT": 30},
        },
        {path: LIBRARY},
        discovery=("/atom.xml",),
    )


def _sitemap_site() -> SourceSite:
    path = "/2024/03/06/late-frost-apples"

    def pages(base: str) -> dict[str, Page]:
        return {
            "/sitemap.xml": xml_page(urlset([(base + path, ORCHARD.date)])),
            path: article_page(ORCHARD, "Valley Farmer", section="Farming"),
        }

    return SourceSite(
        "sitemap",
        pages,
        lambda base: {"sitemaps": [base + "/sitemap.xml"]},
        {path: ORCHARD},
        discovery=("/sitemap.xml",),
    )


#: smindex: the article only reachable through the gzipped child sitemap, and the one only
#: reachable through a nested index's news sitemap.
SMINDEX_GZ_PATH = "/2024/03/07/rail-bridge-closed"
SMINDEX_NEWS_PATH = "/sport/2024/03/08/marathon-record-field"


def _smindex_site() -> SourceSite:
    def pages(base: str) -> dict[str, Page]:
        index = sitemap_index([base + "/sitemaps/posts-2024-03.xml.gz", base + "/sitemaps/news-index.xml"])
        return {
            "/sitemap_index.xml": xml_page(index),
            "/sitemaps/posts-2024-03.xml.gz": Page(gzipped(urlset([(base + SMINDEX_GZ_PATH, BRIDGE.date)])), GZIP_TYPE),
            "/sitemaps/news-index.xml": xml_page(sitemap_index([base + "/sitemaps/news.xml"])),
            "/sitemaps/news.xml": xml_page(news_sitemap("Daily Ledger", [(base + SMINDEX_NEWS_PATH, MARATHON)])),
            SMINDEX_GZ_PATH: article_page(BRIDGE, "Daily Ledger", section="Transport"),
            SMINDEX_NEWS_PATH: article_page(MARATHON, "Daily Ledger", section="Sport"),
        }

    return SourceSite(
        "smindex",
        pages,
        lambda base: {"sitemaps": [base + "/sitemap_index.xml"]},
        {SMINDEX_GZ_PATH: BRIDGE, SMINDEX_NEWS_PATH: MARATHON},
        discovery=("/sitemap_index.xml",),
    )


ROBOTS_DISALLOWED_PATH = "/private/newsroom-move"


def _robotsmap_site() -> SourceSite:
    path = "/2024/03/03/bakery-century"

    def pages(base: str) -> dict[str, Page]:
        robots = robots_txt(disallow=["/private/", "/search"], sitemaps=[base + "/sitemap.xml"])
        return {
            "/robots.txt": Page(robots, TEXT_TYPE),
            "/sitemap.xml": xml_page(
                urlset([(base + path, BAKERY.date), (base + ROBOTS_DISALLOWED_PATH, PRIVATE.date)])
            ),
            path: article_page(BAKERY, "Mill Street Journal"),
            ROBOTS_DISALLOWED_PATH: article_page(PRIVATE, "Mill Street Journal"),
        }

    return SourceSite(
        "robotsmap",
        pages,
        lambda base: {"sitemaps": [base + "/robots.txt"]},
        {path: BAKERY},
        never_stored=(ROBOTS_DISALLOWED_PATH,),
        discovery=("/sitemap.xml",),
    )


LISTING_NAV: Nav = (("Home", "/"), ("News", "/news/"), ("About", "/about/"))
#: listing: pages linked from the listing that are not articles (the last three at URLs that do
#: not say so), and the video page without a body.
LISTING_NON_ARTICLES = (
    "/",
    "/about/",
    "/tag/local-politics/",
    "/author/daniel-frost/",
    "/topics/education/",
    "/people/grace-whitfield/",
    "/info/our-newsroom",
)
LISTING_EMPTY_BODY = "/news/2024/03/regatta-video"
LISTING_PAGE1_ARTICLE = "/news/2024/03/council-budget"
LISTING_PAGE2_ARTICLE = "/news/2024/02/maths-teachers"


def _listing_site() -> SourceSite:
    council, school, video = LISTING_PAGE1_ARTICLE, LISTING_PAGE2_ARTICLE, LISTING_EMPTY_BODY
    title = "Valley Herald"
    politics = ("Local politics", "/tag/local-politics/")
    frost = ("Daniel Frost", "/author/daniel-frost/")
    newsroom = "/info/our-newsroom"

    def pages(base: str) -> dict[str, Page]:
        page1 = listing_html(
            title,
            "Latest news",
            [
                Teaser(council, COUNCIL.headline, "An extra four million for the district's roads.", frost, politics),
                Teaser(video, "Watch: highlights from the spring regatta", "Two minutes of sailing."),
            ],
            next_href="/news/?page=2",
            nav=LISTING_NAV,
            about=newsroom,
        )
        page2 = listing_html(
            title,
            "Latest news - page 2",
            [
                Teaser(
                    school,
                    SCHOOL.headline,
                    "One in five schools has a maths post vacant.",
                    ("Grace Whitfield", "/people/grace-whitfield/"),
                    ("Education", "/topics/education/"),
                ),
            ],
            nav=LISTING_NAV,
            about=newsroom,
        )
        return {
            "/news/": html_page(page1),
            "/news/?page=2": html_page(page2),
            council: article_page(COUNCIL, title, nav=LISTING_NAV, section="Local politics"),
            school: article_page(SCHOOL, title, nav=LISTING_NAV, section="Education"),
            video: html_page(video_only_html("Watch: highlights from the spring regatta", title, nav=LISTING_NAV)),
            "/": html_page(
                link_list_html(
                    title,
                    "Valley Herald",
                    "News from the valley, every day.",
                    [(COUNCIL.headline, council), (SCHOOL.headline, school)],
                    nav=LISTING_NAV,
                    about="/about/",
                )
            ),
            "/about/": html_page(about_html(title, nav=LISTING_NAV)),
            "/tag/local-politics/": html_page(
                link_list_html(
                    title,
                    "Local politics",
                    "Stories tagged Local politics.",
                    [(COUNCIL.headline, council), (SCHOOL.headline, school)],
                    nav=LISTING_NAV,
                    about="/about/",
                )
            ),
            "/author/daniel-frost/": html_page(
                link_list_html(
                    title,
                    "Daniel Frost",
                    "Daniel Frost covers local government for the Valley Herald.",
                    [(COUNCIL.headline, council)],
                    nav=LISTING_NAV,
                    about="/about/",
                )
            ),
            "/topics/education/": html_page(
                link_list_html(
                    title,
                    "Education",
                    "All our stories about schools, colleges and universities.",
                    [(SCHOOL.headline, school), (COUNCIL.headline, council)],
                    nav=LISTING_NAV,
                    about=newsroom,
                )
            ),
            "/people/grace-whitfield/": html_page(
                link_list_html(
                    title,
                    "Grace Whitfield",
                    "Grace Whitfield is the education correspondent of the Valley Herald.",
                    [(SCHOOL.headline, school)],
                    nav=LISTING_NAV,
                    about=newsroom,
                )
            ),
            newsroom: html_page(newsroom_html(title, nav=LISTING_NAV)),
        }

    return SourceSite(
        "listing",
        pages,
        lambda base: {"start_urls": [base + "/news/"], "follow": r"/news/\?page=\d+$"},
        {council: COUNCIL, school: SCHOOL},
        never_stored=(video, *LISTING_NON_ARTICLES),
        discovery=("/news/", "/news/?page=2"),
    )


FILTERED_DENIED = "/articles/sponsored/energy-switch"
FILTERED_NOT_ALLOWED = "/blog/2024/03/allotment-year"


def _filtered_site() -> SourceSite:
    comet = "/articles/2024/03/comet-observatory"

    def pages(base: str) -> dict[str, Page]:
        sitemap = urlset(
            [
                (base + comet, COMET.date),
                (base + FILTERED_DENIED, SPONSORED.date),
                (base + FILTERED_NOT_ALLOWED, BLOG.date),
            ]
        )
        return {
            "/sitemap.xml": xml_page(sitemap),
            comet: article_page(COMET, "Evening Star", section="Science"),
            FILTERED_DENIED: article_page(SPONSORED, "Evening Star", section="Partner content"),
            FILTERED_NOT_ALLOWED: article_page(BLOG, "Evening Star", section="Community"),
        }

    return SourceSite(
        "filtered",
        pages,
        lambda base: {"sitemaps": [base + "/sitemap.xml"], "allow": "/articles/", "deny": "/articles/sponsored/"},
        {comet: COMET},
        never_stored=(FILTERED_DENIED, FILTERED_NOT_ALLOWED),
        discovery=("/sitemap.xml",),
    )


MULTI_ARTICLE = "/2024/03/10/storm-warning"
MULTI_ROUTES = ("/rss.xml", "/sitemap.xml", "/latest/")


def _multi_site() -> SourceSite:
    title = "Coastal Weather Desk"
    nav: Nav = (("Latest", "/latest/"),)

    def pages(base: str) -> dict[str, Page]:
        return {
            "/rss.xml": xml_page(rss2(title, base + "/latest/", [item(base + MULTI_ARTICLE, STORM)]), RSS_TYPE),
            "/sitemap.xml": xml_page(urlset([(base + MULTI_ARTICLE, STORM.date)])),
            "/latest/": html_page(
                listing_html(
                    title,
                    "Latest warnings",
                    [Teaser(MULTI_ARTICLE, STORM.headline, "Amber warning for the whole coastline.")],
                    nav=nav,
                )
            ),
            MULTI_ARTICLE: article_page(STORM, title, nav=nav, section="Weather"),
        }

    return SourceSite(
        "multi",
        pages,
        lambda base: {
            "feeds": [base + "/rss.xml"],
            "sitemaps": [base + "/sitemap.xml"],
            "start_urls": [base + "/latest/"],
        },
        {MULTI_ARTICLE: STORM},
        discovery=MULTI_ROUTES,
    )


#: tracking: (link as published in the feed, canonical path to store, article).
TRACKING_CASES = (
    (
        "/2024/03/11/statue-returns?utm_source=rss&utm_medium=feed&utm_campaign=morning&fbclid=IwAR2xYz#comments",
        "/2024/03/11/statue-returns",
        MUSEUM,
    ),
    ("/article.php?id=7&gclid=EAIaIQobChMI&mc_cid=5f3a9b&mc_eid=0d1e2f", "/article.php?id=7", CYCLING),
)


def _tracking_site() -> SourceSite:
    def pages(base: str) -> dict[str, Page]:
        feed = rss2("Metro Daily", base + "/", [item(base + link, article) for link, _, article in TRACKING_CASES])
        # The server ignores the query string when no page has that exact one.
        return {
            "/feed.xml": xml_page(feed, RSS_TYPE),
            "/2024/03/11/statue-returns": article_page(MUSEUM, "Metro Daily", section="Culture"),
            "/article.php": article_page(CYCLING, "Metro Daily", section="Transport"),
        }

    return SourceSite(
        "tracking",
        pages,
        lambda base: {"feeds": [base + "/feed.xml"]},
        {canonical: article for _, canonical, article in TRACKING_CASES},
        discovery=("/feed.xml",),
    )


CANONICAL_PATH = "/news/2024/03/harbour-dredging"
#: Both published in the feed; neither is the canonical URL itself.
CANONICAL_ALIASES = ("/amp/news/2024/03/harbour-dredging", "/news/2024/03/harbour-dredging?ref=frontpage")


def _canon_site() -> SourceSite:
    title = "Port News"

    def pages(base: str) -> dict[str, Page]:
        canonical = base + CANONICAL_PATH
        feed = rss2(title, base + "/", [item(base + alias, HARBOUR) for alias in CANONICAL_ALIASES])
        return {
            "/feed.xml": xml_page(feed, RSS_TYPE),
            CANONICAL_PATH: article_page(HARBOUR, title, canonical=canonical, og_url=canonical),
            CANONICAL_ALIASES[0]: article_page(
                HARBOUR, title, canonical=canonical, og_url=canonical, nav=(("Port News", "/"),)
            ),
        }

    return SourceSite(
        "canon",
        pages,
        lambda base: {"feeds": [base + "/feed.xml"]},
        {CANONICAL_PATH: HARBOUR},
        discovery=("/feed.xml",),
    )


@dataclass(frozen=True)
class EncodedPage:
    path: str
    article: Article
    charset: str  # as declared
    declared_by: str  # "header", "meta" or "http-equiv"


ENCODING_CASES = (
    EncodedPage("/ru/2024/03/metro-station", RU_METRO, "windows-1251", "header"),
    EncodedPage("/ja/2024/03/sakura", JA_SAKURA, "Shift_JIS", "meta"),
    EncodedPage("/zh/2024/03/high-speed-rail", ZH_RAIL, "GB2312", "header"),
    EncodedPage("/pl/2024/03/most-na-wisle", PL_MOST, "ISO-8859-2", "http-equiv"),
)


def encoded_page(case: EncodedPage, site_title: str = "Global Wire") -> Page:
    """The case's article in its charset, declared only where the case says."""
    declare = None if case.declared_by == "header" else case.declared_by
    html = article_html(case.article, site_title, charset=case.charset, declare=declare)
    return html_page(html, charset=case.charset, header_charset=case.declared_by == "header")


def _encodings_site() -> SourceSite:
    def pages(base: str) -> dict[str, Page]:
        feed = rss2("Global Wire", base + "/", [item(base + case.path, case.article) for case in ENCODING_CASES])
        return {"/feed.xml": xml_page(feed, RSS_TYPE), **{case.path: encoded_page(case) for case in ENCODING_CASES}}

    return SourceSite(
        "encodings",
        pages,
        lambda base: {"feeds": [base + "/feed.xml"]},
        {case.path: case.article for case in ENCODING_CASES},
        discovery=("/feed.xml",),
    )


WIRE_A_PATH = "/business/2024/03/14/rates-steady"
WIRE_B_PATH = "/markets/central-bank-holds-rates"


def _wire_a_site() -> SourceSite:
    def pages(base: str) -> dict[str, Page]:
        return {
            "/feed.xml": xml_page(rss2("Northern Courier", base + "/", [item(base + WIRE_A_PATH, WIRE)]), RSS_TYPE),
            WIRE_A_PATH: article_page(WIRE, "Northern Courier", section="Business"),
        }

    return SourceSite(
        "wire_a", pages, lambda base: {"feeds": [base + "/feed.xml"]}, {WIRE_A_PATH: WIRE}, discovery=("/feed.xml",)
    )


def _wire_b_site() -> SourceSite:
    nav: Nav = (("Front page", "/"), ("Markets", "/markets/"), ("Opinion", "/opinion/"))

    def pages(base: str) -> dict[str, Page]:
        # Same article markup as wire_a (kicker included), different site chrome.
        return {
            "/sitemap.xml": xml_page(urlset([(base + WIRE_B_PATH, WIRE.date)])),
            WIRE_B_PATH: article_page(WIRE, "Coastal Times", nav=nav, section="Business"),
        }

    return SourceSite(
        "wire_b",
        pages,
        lambda base: {"sitemaps": [base + "/sitemap.xml"]},
        {WIRE_B_PATH: WIRE},
        discovery=("/sitemap.xml",),
    )


BROKEN_OK = "/articles/new-childrens-ward"
BROKEN_500 = "/articles/budget-row"
BROKEN_404 = "/articles/removed-story"
BROKEN_GARBAGE = "/articles/corrupted"


#: A feed of the broken source on an origin that refuses connections.
DEAD_FEED_URL = LocalSites([]).unused_url("/feed.xml")


def garbage_html() -> bytes:
    """A page cut off inside its site header, then a burst of binary junk: no article body."""
    html = article_html(HOSPITAL, "County Chronicle").encode("utf-8")
    cut = html.index(b'<nav class="main-nav">') + 40
    return html[:cut] + b"\x00\x1f\xff\xfe\xc3(<di\x00v <<p\x8b\x08\x00\x00\x00\x00\x00\x03</ti"


def _broken_site() -> SourceSite:
    title = "County Chronicle"
    links = (BROKEN_OK, BROKEN_500, BROKEN_404, BROKEN_GARBAGE)

    def pages(base: str) -> dict[str, Page]:
        feed = rss2(
            title,
            base + "/",
            [FeedItem(base + path, f"Story {n}", "2024-03-15T10:00:00+00:00") for n, path in enumerate(links, 1)],
        )
        truncated_feed = rss2(title, base + "/", [])[:150] + "<item><title>Half a sto"
        return {
            "/feed.xml": xml_page(feed, RSS_TYPE),
            "/feed-archive.xml": xml_page(truncated_feed, RSS_TYPE),
            BROKEN_OK: article_page(HOSPITAL, title, section="Health"),
            BROKEN_500: Page("<html><body><h1>500 Internal Server Error</h1></body></html>", status=500),
            BROKEN_GARBAGE: Page(garbage_html(), "text/html; charset=utf-8"),
        }

    return SourceSite(
        "broken",
        pages,
        lambda base: {"feeds": [base + "/feed.xml", base + "/feed-archive.xml", DEAD_FEED_URL]},
        {BROKEN_OK: HOSPITAL},
        never_stored=(BROKEN_500, BROKEN_404, BROKEN_GARBAGE),
        discovery=("/feed.xml",),
    )


#: Every fixture site of the end-to-end network, by source name.
NETWORK: dict[str, SourceSite] = {
    s.name: s
    for s in (
        _rss2_site(),
        _rdf_site(),
        _atom_site(),
        _sitemap_site(),
        _smindex_site(),
        _robotsmap_site(),
        _listing_site(),
        _filtered_site(),
        _multi_site(),
        _tracking_site(),
        _canon_site(),
        _encodings_site(),
        _wire_a_site(),
        _wire_b_site(),
        _broken_site(),
    )
}
