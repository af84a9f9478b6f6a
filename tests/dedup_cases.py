"""Labelled test data for near-duplicate story detection.

Fifteen invented wire stories ("bases"), three per language (en, de, ru, zh, es), each with
twelve variants: nine republications of the same story that must be grouped with the base
(:data:`SAME_STORY_KINDS`) and three hard negatives that must not be
(:data:`HARD_NEGATIVE_KINDS`). In every language two bases report the same kind of event
in the same region with overlapping entities (two Iowa floods, two NRW transit strikes, two
Buryatia wildfires, two northern Guangdong rainstorms, two Oaxaca earthquakes); the third
base is on another topic in the same region, so its "same_topic" negative is the nearest
other base in its language rather than a true same-topic story.

All texts are original and fictional (people, numbers and events are made up). Paragraphs
are separated by a blank line. The mechanical variants are built from the base text plus a
few lines written per base; "words_changed", "shared_lead" and "same_event_other_agency"
are written by hand ("shared_lead" reuses the base's first paragraph verbatim).
"""

from __future__ import annotations

from dataclasses import dataclass

SAME_STORY_KINDS = (
    "exact",
    "headline",
    "read_more",
    "image_credit",
    "dropped_end",
    "added_end",
    "words_changed",
    "wrapped",
    "combined",
)
HARD_NEGATIVE_KINDS = ("shared_lead", "same_event_other_agency", "same_topic")


@dataclass(frozen=True)
class Base:
    key: str  # e.g. "en-flood-cedar"
    language: str  # ISO 639-1
    title: str
    text: str  # paragraphs separated by "\n\n"


@dataclass(frozen=True)
class Case:
    name: str  # f"{base.key}/{kind}"
    language: str
    kind: str  # one of SAME_STORY_KINDS or HARD_NEGATIVE_KINDS
    base: Base
    title: str  # the variant's headline
    text: str  # the variant's body
    same_story: bool  # True for SAME_STORY_KINDS


@dataclass(frozen=True)
class _Story:
    """Everything written by hand for one base; :func:`_cases` builds the variants from it."""

    key: str
    language: str
    title: str
    text: str
    other_title: str  # headline of the "headline" variant
    caption: str  # image caption with credit, inserted after the first paragraph
    drop: int  # paragraphs removed from the end by "dropped_end" and "combined"
    added_end: str  # paragraph appended by "added_end"
    words_changed: tuple[tuple[str, str], ...]  # (old, new), each old occurring exactly once
    shared_lead_title: str
    shared_lead_more: str  # new paragraphs that follow the base's first paragraph
    other_agency_title: str
    other_agency_text: str
    same_topic: str  # key of the base used as the "same_topic" negative


def _t(text: str) -> str:
    """A text written one paragraph per line, paragraphs separated by blank lines."""
    paragraphs = [p.strip() for p in text.strip().split("\n\n")]
    for p in paragraphs:
        if not p or "\n" in p:
            raise ValueError(f"malformed paragraph: {p[:60]!r}")
    return "\n\n".join(paragraphs)


# --------------------------------------------------------------------------------------
# Site material: "read more" labels and the page furniture around a wrapped copy
# --------------------------------------------------------------------------------------

READ_MORE = {
    "en": "READ MORE: {}",
    "de": "MEHR ZUM THEMA: {}",
    "ru": "ЧИТАЙТЕ ТАКЖЕ: {}",
    "zh": "延伸阅读：{}",
    "es": "LEE MÁS: {}",
}

# (paragraphs before the story, paragraphs after it)
WRAPPERS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (
        (
            "Sign up for The Morning Wire, our free newsletter with the day's most important stories, delivered to your inbox at 6 a.m. every weekday. You can unsubscribe at any time.",
            "We depend on readers like you. Subscribe today for unlimited access to local news, investigations and the weekend magazine, starting at 99 cents for the first month.",
        ),
        (
            "Related coverage: State lawmakers debate new rules for short-term rentals · High school football playoffs: the full bracket and schedule · Five things to do this weekend",
            "All content on this site is protected by copyright and may not be reproduced without the written permission of the publisher.",
            "Have a news tip? Contact our newsroom by email or call the tip line, which is monitored around the clock.",
        ),
    ),
    "de": (
        (
            "Jetzt den Newsletter abonnieren: Die wichtigsten Nachrichten aus der Region jeden Morgen kostenlos in Ihrem Postfach. Eine Abmeldung ist jederzeit möglich.",
            "Sie lesen einen Artikel aus unserem Digitalangebot. Testen Sie vier Wochen lang alle Inhalte für nur einen Euro und lesen Sie danach ohne Werbung weiter.",
        ),
        (
            "Weitere Artikel: Neue Radwege sollen bis zum Herbst fertig werden · Stadtrat beschließt höhere Kita-Gebühren · Wetter: Am Wochenende wird es sommerlich warm",
            "Alle Rechte vorbehalten. Vervielfältigung und Weiterverbreitung nur mit schriftlicher Genehmigung des Verlags.",
            "Haben Sie Hinweise für unsere Redaktion? Schreiben Sie uns – auf Wunsch auch vertraulich.",
        ),
    ),
    "ru": (
        (
            "Подписывайтесь на наш канал в мессенджере, чтобы первыми узнавать главные новости региона.",
            "Реклама. Скидки до 50 процентов на бытовую технику только до конца недели — подробности на сайте партнера.",
        ),
        (
            "Другие новости: В городе начался ремонт трамвайных путей · Синоптики обещают похолодание к выходным · В школах завершился прием заявлений в первый класс",
            "Использование материалов сайта допускается только с письменного разрешения редакции.",
            "Есть новость? Пишите в редакцию — мы гарантируем конфиденциальность.",
        ),
    ),
    "zh": (
        (
            "【关注我们】扫描二维码关注本网官方公众号，每天早上八点为您推送当日要闻。",
            "本网首页 > 新闻中心 > 国内新闻",
        ),
        (
            "相关阅读：·多地启动夏季用电高峰保障措施 ·全省中小学暑假安排公布 ·本周末全省天气以晴热为主",
            "（责任编辑：王敏）",
            "版权声明：凡注明来源为本网的作品，未经授权不得转载、摘编或以其他方式使用。",
        ),
    ),
    "es": (
        (
            "Suscríbete a nuestro boletín y recibe cada mañana en tu correo las noticias más importantes del día. Es gratis.",
            "Apoya el periodismo independiente: hazte miembro desde 49 pesos al mes y accede a todo nuestro contenido sin publicidad.",
        ),
        (
            "Notas relacionadas: Arranca la temporada de lluvias en el sureste · Estas son las fechas del pago de becas · Guía para la Guelaguetza de este año",
            "Queda prohibida la reproducción total o parcial de este contenido sin autorización expresa de la casa editorial.",
            "¿Tienes información sobre este tema? Escríbenos a nuestra redacción.",
        ),
    ),
}

# --------------------------------------------------------------------------------------
# English: two Iowa river floods, and a cyberattack on an Iowa hospital network
# --------------------------------------------------------------------------------------

_EN = (
    _Story(
        key="en-flood-cedar",
        language="en",
        title="Cedar River crests in Iowa as hundreds flee flooded neighborhoods",
        text=_t("""
CEDAR RAPIDS, Iowa — The Cedar River crested nearly 8 feet above flood stage in Cedar Rapids on Tuesday, forcing about 1,400 residents from low-lying neighborhoods and closing three bridges across the city's downtown, officials said.

The river peaked at 23.6 feet shortly after 4 a.m., according to the National Weather Service, the highest reading since 2016. Forecasters said water levels would fall slowly through the week but warned that more rain over the weekend could halt the decline.

Mayor Denise Holloway said temporary flood walls and more than 250,000 sandbags had kept water out of most of the downtown business district. "The barriers did what we built them to do," she told a news conference at the city's emergency operations center. "But we have families in Time Check and Czech Village who will not be able to go home for days."

Linn County emergency managers opened two shelters, at a high school and a church on the city's northeast side, and said about 300 people spent Monday night there. Volunteers from the American Red Cross handed out meals and cleaning kits as residents waited for news about their homes.

Gov. Martin Ellery issued a disaster proclamation for Linn, Benton and Johnson counties, allowing state resources to be used for cleanup and making low-income households eligible for grants of up to $5,000. Iowa Homeland Security and Emergency Management said it was assessing damage to roads and water treatment facilities.

No deaths had been reported, but the county sheriff's office said deputies rescued 11 people from vehicles stranded on flooded rural roads west of the city. Officials urged drivers not to move barricades or attempt to cross standing water.

Upstream communities including Vinton and Palo saw the river begin to recede on Monday. Farmers in the region said thousands of acres of recently planted corn and soybeans were under water, and agronomists warned that some fields would need to be replanted.
"""),
        other_title="Hundreds evacuated in Cedar Rapids as river peaks near 24 feet",
        caption="Sandbags line a street near the Cedar River in Cedar Rapids on Tuesday. (Image: AP)",
        drop=1,
        added_end="The Cedar River reached a record of just over 31 feet in Cedar Rapids in June 2008, when floodwater covered roughly 10 square miles of the city and damaged thousands of homes and businesses.",
        words_changed=(
            ("officials said.", "officials told reporters."),
            ("about 1,400 residents", "about 1400 residents"),
            ("nearly 8 feet", "almost eight feet"),
            ("Forecasters said", "Forecasters noted"),
            ("warned that more rain", "cautioned that more rain"),
            ("she told a news conference", "she told reporters"),
            ("handed out meals", "distributed meals"),
            ("agronomists warned", "agronomists cautioned"),
        ),
        shared_lead_title="Cedar Rapids begins cleanup as river falls; damage estimate tops $40 million",
        shared_lead_more=_t("""
By Thursday afternoon the river had dropped below 19 feet, and city crews began dismantling the temporary flood walls along First Street. Public works director Alan Brandt said pumping stations would keep running through the weekend to drain water trapped behind the levees.

A preliminary assessment released by the city put damage to homes, businesses and public property at more than $40 million. Inspectors have so far tagged 212 houses as unsafe to enter until their electrical systems are checked, most of them in the Time Check neighborhood.

Residents who were allowed back found basements filled with mud and ruined furnaces. "It's the smell that hits you first," said Laura Pecha, who returned to her house on Ellis Boulevard to find four feet of water in the basement. "We had just finished repairing everything from the last time."

The Federal Emergency Management Agency said it would send teams next week to verify the damage, a step required before the state can ask for a presidential disaster declaration. State officials said they expected to submit the request by the end of the month.

The city also lifted a boil-water advisory for the northwest side after tests showed the supply was safe. Schools in the Cedar Rapids district will reopen on Monday, except for one elementary school that is still being used as a shelter.
"""),
        other_agency_title="Iowa river flooding displaces 1,400 in Cedar Rapids; governor declares disaster",
        other_agency_text=_t("""
Roughly 1,400 people in Iowa's second-largest city were out of their homes on Tuesday after the Cedar River rose to its highest level in eight years, swamping neighborhoods on both banks.

Gauges in Cedar Rapids recorded a peak of 23.6 feet before dawn. That is close to eight feet higher than the point at which the river begins to spill over its banks, federal hydrologists said, adding that a slow retreat was expected unless fresh storms arrive.

City leaders credited a network of portable barriers and about a quarter of a million sandbags with protecting the core of downtown, though three bridges there were shut to traffic. Holloway, the mayor, warned that people living in the flooded Time Check area and in Czech Village should expect to stay away for several more days.

Around 300 evacuees slept in two emergency shelters run with help from Red Cross volunteers, according to Linn County.

In Des Moines, Ellery signed a proclamation covering three counties — Linn, Benton and Johnson — which frees up state equipment for the cleanup and opens a grant program paying eligible families as much as $5,000.

Sheriff's deputies pulled 11 motorists out of cars caught by rising water on country roads. Authorities said nobody had died.

Agricultural losses could be substantial. Fields of young corn and soybean plants along the river were submerged, and crop specialists said some farmers would have to plant again.
"""),
        same_topic="en-flood-desmoines",
    ),
    _Story(
        key="en-flood-desmoines",
        language="en",
        title="Des Moines River floods Ottumwa; Iowa governor expands disaster area",
        text=_t("""
OTTUMWA, Iowa — The Des Moines River spilled into parts of Ottumwa on Sunday after days of heavy rain, flooding more than 300 homes and prompting officials to order the evacuation of the city's south side, authorities said.

The river reached 18.9 feet at the Ottumwa gauge on Sunday evening, more than 8 feet above flood stage, the National Weather Service said. Forecasters expected it to rise another foot by Monday as the U.S. Army Corps of Engineers increased releases from Lake Red Rock, about 50 miles upstream.

Wapello County emergency management coordinator Jenna Ruiz said about 900 people had left their homes, most of them voluntarily before the order took effect at noon. "People here remember the flood of 1993, and a lot of them didn't wait to be told," she said.

The American Red Cross opened a shelter at the Bridge View Center, where about 120 people stayed overnight. City buses shuttled residents without cars from designated pickup points to the shelter.

Gov. Martin Ellery added Wapello, Mahaska and Marion counties to a disaster proclamation that already covered parts of eastern Iowa, where the Cedar River flooded earlier this month. The proclamation allows households with incomes below a set threshold to apply for state grants of up to $5,000 for home repairs and temporary housing.

Iowa Homeland Security and Emergency Management said National Guard soldiers were helping to fill sandbags and reinforce a levee protecting the city's wastewater treatment plant. Officials said the plant was operating normally.

Farther downstream, the towns of Eldon and Keosauqua were bracing for the crest. The Weather Service said 4 to 6 inches of rain had fallen across south-central Iowa since Wednesday, saturating the soil and sending water quickly into creeks and rivers.
"""),
        other_title="Ottumwa orders south side evacuation as Des Moines River rises",
        caption="Floodwater surrounds homes on Ottumwa's south side on Sunday. (Image: AP)",
        drop=2,
        added_end="Editor's note: An earlier version of this story misstated the distance between Ottumwa and Lake Red Rock. The reservoir is about 50 miles upstream of the city.",
        words_changed=(
            ("authorities said.", "authorities told reporters."),
            ("more than 300 homes", "over 300 homes"),
            ("another foot by Monday", "another foot by Monday morning"),
            ("about 50 miles", "roughly 50 miles"),
            ("didn't wait", "did not wait"),
            ("stayed overnight", "spent the night"),
            ("reinforce a levee", "strengthen a levee"),
            ("were bracing for", "were preparing for"),
        ),
        shared_lead_title="Ottumwa levee holds as Des Moines River crests; residents allowed home",
        shared_lead_more=_t("""
The river crested at 19.7 feet early Tuesday, slightly lower than forecast, after the Army Corps of Engineers cut releases from Lake Red Rock as the rain moved east of the state. City manager Phil Jorgensen said the levee around the wastewater plant had held without any seepage.

The evacuation order was lifted at 6 p.m. Wednesday for streets east of Church Street, while homes closest to the river remain off limits. Building inspectors began checking foundations and gas lines block by block.

"We were lucky this time," said Marcus Doyle, whose family spent three nights at the Bridge View Center shelter. "The water came to the top of our steps and stopped." His neighbor's garage, he said, had about two feet of water in it.

Wapello County supervisors voted to waive landfill fees for flood debris for 30 days, and the city is setting out roll-off containers in the hardest-hit neighborhoods.

State officials said they would combine damage reports from Ottumwa with those from the Cedar River flooding in a single request for federal assistance. Preliminary figures for Wapello County alone exceed $12 million, most of it damage to homes and county roads.
"""),
        other_agency_title="Hundreds leave homes as river tops banks in southern Iowa city",
        other_agency_text=_t("""
Flooding along the Des Moines River pushed roughly 900 people out of their homes in Ottumwa over the weekend, with water entering upward of 300 houses in the southern Iowa city.

By Sunday night the river stood at 18.9 feet in Ottumwa, 8-plus feet over flood level, and meteorologists projected a further one-foot rise within a day. Part of the extra water is coming from Lake Red Rock, where federal engineers have stepped up the outflow.

A mandatory order covering the south side took effect at midday. Jenna Ruiz, who coordinates emergency management for Wapello County, said many families had packed up well beforehand, mindful of 1993, when the river devastated the city.

About 120 people slept at a Red Cross shelter set up in the Bridge View Center; the city sent buses to collect those without transportation.

Ellery, the governor, extended his existing disaster declaration, first issued for flooding on the Cedar River in eastern Iowa, to Wapello, Mahaska and Marion. Qualifying low-income households can now seek as much as $5,000 from the state.

Guard members filled sandbags and shored up an earthen levee around the sewage treatment plant, which state emergency officials said remained in service.

Communities below Ottumwa, among them Eldon and Keosauqua, expected the high water to reach them next. Between 4 and 6 inches of rain has soaked south-central Iowa since midweek.
"""),
        same_topic="en-flood-cedar",
    ),
    _Story(
        key="en-ransomware",
        language="en",
        title="Cyberattack forces Iowa hospital network to divert ambulances",
        text=_t("""
DES MOINES, Iowa — A ransomware attack has knocked computer systems offline at Prairie Ridge Health, forcing the Iowa hospital network to divert ambulances from two of its emergency rooms and postpone elective surgeries, the company said on Wednesday.

The nonprofit system, which operates six hospitals and more than 40 clinics in central and eastern Iowa, said it detected suspicious activity on its network late Monday and shut down electronic health records, scheduling and some imaging systems as a precaution.

Staff have switched to paper charts and manual processes, chief executive Rebecca Lindahl said in a statement. "Patient safety is our first priority, and our teams are trained to keep delivering care when systems are down," she said. "We ask patients to bear with us, as appointments may take longer than usual."

Ambulances are being sent to other hospitals instead of the network's facilities in Ames and Marshalltown, except for patients whose condition is life-threatening. Prairie Ridge said its other emergency departments remained open.

The company said it had hired an outside cybersecurity firm and notified the FBI. It did not say whether patient data had been stolen or whether a ransom had been demanded. A group that calls itself NightLedger claimed responsibility on a leak site on Tuesday, posting what it said were samples of internal documents.

Health care providers have become frequent targets for ransomware gangs, which encrypt victims' files and threaten to publish stolen information unless they are paid. Federal health officials have reported a sharp rise in large breaches at hospitals over the past five years.

Prairie Ridge said pharmacies at its clinics could still fill prescriptions but that patient portal messages would not be answered until systems are restored. It gave no timeline for recovery.
"""),
        other_title="Iowa's Prairie Ridge Health hit by ransomware; surgeries postponed",
        caption="The emergency entrance of a Prairie Ridge Health hospital in Ames on Wednesday. (Image: AP)",
        drop=2,
        added_end="Prairie Ridge Health employs about 7,800 people and reported revenue of $1.9 billion last year, according to its most recent annual report.",
        words_changed=(
            ("the company said on Wednesday", "the company told reporters on Wednesday"),
            ("more than 40 clinics", "over 40 clinics"),
            ("as a precaution", "as a safeguard"),
            ("bear with us", "be patient with us"),
            ("an outside cybersecurity firm", "an external cybersecurity firm"),
            ("past five years", "past 5 years"),
            ("gave no timeline", "offered no timeline"),
        ),
        shared_lead_title="Iowa hospital network restores records system a week after cyberattack",
        shared_lead_more=_t("""
A week later, Prairie Ridge had brought its electronic health records back online at all six hospitals, and the ambulance diversions in Ames and Marshalltown ended on Monday, spokeswoman Kara Whitfield said.

The network confirmed for the first time that attackers had copied files containing names, dates of birth, insurance details and in some cases diagnoses before encrypting its servers. It said it was still working out how many patients were affected and would notify them by mail.

Two patients have filed a proposed class action in federal court in Des Moines, accusing Prairie Ridge of failing to protect their information with basic safeguards such as multifactor authentication. The company said it does not comment on pending litigation.

NightLedger, the group that claimed the attack, removed Prairie Ridge from its leak site on Tuesday, a step that researchers say sometimes indicates a payment has been made. Lindahl declined to say whether the network had paid.

Surgeons began working through the backlog of postponed procedures over the weekend, and the network said it expected to be back on its normal schedule within two weeks.
"""),
        other_agency_title="Hackers cripple systems at Iowa health provider; ER traffic rerouted",
        other_agency_text=_t("""
Emergency rooms in Ames and Marshalltown stopped taking most ambulance patients this week after a ransomware infection crippled the computers of Prairie Ridge Health, one of Iowa's larger hospital operators.

Only people in a life-threatening condition are still being brought to those two ERs; the chain's remaining emergency departments are accepting patients as usual. Non-urgent operations have been pushed back.

According to Prairie Ridge, intruders were spotted inside its network on Monday night. Technicians then disconnected the digital medical-record platform along with appointment booking and parts of the radiology system, and doctors and nurses are now documenting care by hand.

Rebecca Lindahl, the chief executive, said in a written statement that clinicians practice for outages and that keeping patients safe came before everything else. She warned that visits could run longer.

The operator of six hospitals and upward of 40 clinics has brought in private security specialists and informed federal investigators. It has not disclosed whether information was taken or if the hackers asked for money. On Tuesday, a gang going by the name NightLedger listed the company on its extortion website alongside what it described as stolen files.

Hospitals are attractive to such criminals because disruptions to patient care put pressure on them to pay quickly, security analysts say.

Prescriptions can still be picked up at clinic pharmacies, the company said, though online patient messages will go unanswered for now. No date was given for a full restoration.
"""),
        same_topic="en-flood-cedar",
    ),
)

# --------------------------------------------------------------------------------------
# German: two public-transport strikes in North Rhine-Westphalia, and wolf attacks on sheep
# --------------------------------------------------------------------------------------

_DE = (
    _Story(
        key="de-streik-duesseldorf",
        language="de",
        title="Warnstreik legt Busse und Bahnen in Düsseldorf lahm",
        text=_t("""
DÜSSELDORF – Ein ganztägiger Warnstreik hat am Donnerstag den Nahverkehr in Düsseldorf weitgehend zum Erliegen gebracht. Die Gewerkschaft Verdi hatte die Beschäftigten der Rheinbahn aufgerufen, ab Betriebsbeginn um 3 Uhr die Arbeit niederzulegen. Bis Freitagmorgen fahren keine Straßenbahnen und nur wenige Busse.

Nach Angaben des Unternehmens waren rund 90 Prozent der Linien betroffen. Lediglich einige Buslinien, die von Subunternehmen betrieben werden, verkehrten nach Plan. Die S-Bahnen und Regionalzüge der Deutschen Bahn sind vom Streik nicht betroffen, waren aber im Berufsverkehr deutlich voller als sonst. Die Rheinbahn richtete für Fahrgäste eine zusätzliche Hotline ein.

Verdi will mit dem Ausstand den Druck in den laufenden Tarifverhandlungen für die rund 30.000 Beschäftigten der kommunalen Verkehrsbetriebe in Nordrhein-Westfalen erhöhen. Die Gewerkschaft fordert unter anderem kürzere Arbeitszeiten, zusätzliche Urlaubstage und höhere Zulagen für Schichtarbeit.

„Die Kolleginnen und Kollegen fahren seit Jahren am Limit, viele Stellen sind unbesetzt“, sagte Verdi-Verhandlungsführer Tobias Kranefeld. „Ohne bessere Arbeitsbedingungen wird sich bald niemand mehr für diesen Beruf entscheiden.“

Der Kommunale Arbeitgeberverband NRW (KAV) kritisierte den Streik als unverhältnismäßig. Die Forderungen der Gewerkschaft würden die Unternehmen jährlich mehrere hundert Millionen Euro kosten, sagte KAV-Hauptgeschäftsführerin Sabine Ortmeier. Man habe bereits ein Angebot vorgelegt und sei zu weiteren Gesprächen bereit.

Viele Pendler stiegen auf das Auto oder das Fahrrad um. Auf den Einfallstraßen und der Autobahn 46 bildeten sich am Morgen lange Staus. Die Stadt Düsseldorf hatte Eltern empfohlen, Schulkinder nach Möglichkeit selbst zu bringen oder Fahrgemeinschaften zu bilden. Mehrere Schulen verschoben den Unterrichtsbeginn um eine Stunde.

Die dritte Verhandlungsrunde ist für Ende des Monats in Dortmund angesetzt. Verdi schloss weitere Warnstreiks bis dahin nicht aus.
"""),
        other_title="Rheinbahn-Streik: Keine Straßenbahnen in Düsseldorf bis Freitagmorgen",
        caption="Leere Bahnsteige an der Haltestelle Heinrich-Heine-Allee am Donnerstagmorgen. (Foto: dpa)",
        drop=1,
        added_end="Die Rheinbahn befördert nach eigenen Angaben an einem normalen Werktag rund 700.000 Fahrgäste in Düsseldorf und den umliegenden Kreisen.",
        words_changed=(
            ("weitgehend zum Erliegen", "nahezu zum Erliegen"),
            ("rund 90 Prozent", "etwa 90 Prozent"),
            ("rund 30.000 Beschäftigten", "knapp 30.000 Beschäftigten"),
            ("sagte Verdi-Verhandlungsführer", "erklärte Verdi-Verhandlungsführer"),
            ("kritisierte den Streik", "verurteilte den Streik"),
            ("Viele Pendler stiegen", "Zahlreiche Pendler stiegen"),
            ("lange Staus", "kilometerlange Staus"),
            ("schloss weitere Warnstreiks", "schloss zusätzliche Warnstreiks"),
        ),
        shared_lead_title="Nach Warnstreik: Rheinbahn fährt wieder – Verdi droht mit Ausweitung",
        shared_lead_more=_t("""
Am Freitagmorgen rollten die ersten Straßenbahnen wieder pünktlich aus den Depots. Wegen liegengebliebener Wartungsarbeiten kam es nach Angaben der Rheinbahn jedoch bis zum Mittag auf mehreren Linien zu Ausfällen.

Verdi zog eine positive Bilanz. Mehr als 2.000 Beschäftigte hätten sich an dem Ausstand beteiligt, an der Kundgebung vor dem Rathaus nahmen nach Gewerkschaftsangaben rund 1.500 Menschen teil. Die Polizei sprach von etwa 1.100 Teilnehmern.

Verhandlungsführer Kranefeld kündigte an, bei ausbleibender Bewegung der Arbeitgeber würden die Streiks in der kommenden Woche auf weitere Städte ausgeweitet. Im Gespräch seien unter anderem Köln, Essen und Duisburg, wo jeweils eigene Verkehrsbetriebe tätig sind.

Der Einzelhandelsverband meldete für Donnerstag spürbare Umsatzeinbußen in der Düsseldorfer Innenstadt. Viele Geschäfte an der Königsallee und in der Altstadt seien deutlich leerer gewesen als an einem gewöhnlichen Werktag, sagte eine Sprecherin.

Der KAV NRW legte unterdessen ein nachgebessertes Angebot vor, das unter anderem einen zusätzlichen freien Tag für Beschäftigte im Schichtdienst vorsieht. Verdi nannte den Vorschlag „einen Schritt, aber keinen Durchbruch“.
"""),
        other_agency_title="Stillstand bei der Rheinbahn: Verdi erhöht Druck im Tarifkonflikt",
        other_agency_text=_t("""
Wer in Düsseldorf am Donnerstag mit Bus oder Bahn zur Arbeit wollte, wartete meist vergeblich an der Haltestelle. Die Dienstleistungsgewerkschaft Verdi hat bei der Rheinbahn zu einem Warnstreik aufgerufen, der um 3 Uhr früh begann und erst am Freitag zu Betriebsbeginn endet. Straßenbahnen bleiben komplett in den Depots, Busse sind nur vereinzelt unterwegs.

Das Verkehrsunternehmen bezifferte den Anteil der ausgefallenen Linien auf etwa neun von zehn. Weiter im Einsatz waren vor allem Busse privater Auftragnehmer. S-Bahn und Regionalverkehr fuhren normal und waren entsprechend überfüllt.

Hintergrund ist der Tarifstreit um die kommunalen Nahverkehrsbetriebe im Land, in denen etwa 30.000 Menschen arbeiten. Verdi verlangt weniger Wochenstunden, mehr freie Tage und bessere Schichtzuschläge. Tobias Kranefeld, der für die Gewerkschaft verhandelt, verwies auf Personalmangel und Überlastung im Fahrdienst.

Auf Arbeitgeberseite stößt der Ausstand auf Unverständnis. Sabine Ortmeier vom Kommunalen Arbeitgeberverband NRW nannte die Forderungen nicht finanzierbar; sie summierten sich auf Mehrkosten in dreistelliger Millionenhöhe pro Jahr. Ein erstes Angebot liege auf dem Tisch.

Auf der A 46 und in der Innenstadt staute sich der Verkehr schon früh. Die Stadtverwaltung riet Familien, für den Schulweg Fahrgemeinschaften zu organisieren.

Weiterverhandelt wird Ende des Monats in Dortmund. Bis dahin seien weitere Arbeitsniederlegungen möglich, hieß es bei Verdi.
"""),
        same_topic="de-streik-koeln",
    ),
    _Story(
        key="de-streik-koeln",
        language="de",
        title="Warnstreik bei der KVB: Kölner Pendler müssen auf Busse und Bahnen verzichten",
        text=_t("""
KÖLN – Zum zweiten Mal innerhalb von zwei Wochen hat die Gewerkschaft Verdi den Nahverkehr in Köln bestreikt. Seit Montagmorgen um 3.30 Uhr stehen bei den Kölner Verkehrs-Betrieben (KVB) alle Stadtbahnen still, auch der Großteil der Busse bleibt in den Betriebshöfen. Der Ausstand soll 48 Stunden dauern.

Betroffen sind nach Angaben der KVB täglich rund 800.000 Fahrgäste. Das Unternehmen riet, auf S-Bahnen und Regionalzüge auszuweichen, die wie gewohnt verkehren. Auch die Linien 16 und 18 nach Bonn, die teilweise von den Stadtwerken Bonn betrieben werden, fallen auf Kölner Stadtgebiet aus. Auf den wichtigsten Achsen setzt die KVB Ersatzbusse privater Unternehmen ein, die allerdings nur im Stundentakt fahren.

Mit dem Streik reagiert Verdi auf die aus Gewerkschaftssicht ergebnislose dritte Verhandlungsrunde in Dortmund. Die Arbeitgeber hätten ihr Angebot nur geringfügig verbessert, sagte Verhandlungsführer Tobias Kranefeld. „Wir brauchen echte Entlastung für die Beschäftigten, nicht einen zusätzlichen Urlaubstag.“

Verdi verhandelt mit dem Kommunalen Arbeitgeberverband NRW über die Arbeitsbedingungen von rund 30.000 Beschäftigten in Nahverkehrsunternehmen des Landes. Strittig sind vor allem die Wochenarbeitszeit und die Bezahlung von Wochenend- und Nachtschichten.

KAV-Hauptgeschäftsführerin Sabine Ortmeier warf der Gewerkschaft vor, die Fahrgäste in Geiselhaft zu nehmen. „Ein zweitägiger Streik während laufender Verhandlungen ist ein Eskalationsschritt, den wir nicht nachvollziehen können“, sagte sie.

In der Innenstadt und auf den Rheinbrücken staute sich am Morgen der Verkehr. Die Universität zu Köln verlegte mehrere Prüfungen, viele Unternehmen ermöglichten ihren Mitarbeitern Homeoffice. Die Stadt öffnete zusätzliche Park-and-Ride-Plätze am Stadtrand. Die Polizei meldete am Vormittag mehrere kleinere Unfälle im dichten Verkehr.

Eine vierte Verhandlungsrunde ist für die kommende Woche in Gelsenkirchen vereinbart.
"""),
        other_title="KVB-Streik: 48 Stunden keine Stadtbahnen in Köln",
        caption="Abgestellte Stadtbahnen im KVB-Betriebshof Merheim am Montag. (Foto: dpa)",
        drop=2,
        added_end="Hinweis der Redaktion: In einer früheren Fassung dieses Artikels hieß es, der Streik ende am Dienstagabend. Richtig ist, dass er bis Mittwochmorgen dauert.",
        words_changed=(
            ("alle Stadtbahnen still", "sämtliche Stadtbahnen still"),
            ("rund 800.000 Fahrgäste", "rund 0,8 Millionen Fahrgäste"),
            ("wie gewohnt verkehren", "wie üblich verkehren"),
            ("nur geringfügig verbessert", "nur minimal verbessert"),
            ("sagte Verhandlungsführer", "erklärte Verhandlungsführer"),
            ("warf der Gewerkschaft vor", "hielt der Gewerkschaft vor"),
            ("verlegte mehrere Prüfungen", "verschob mehrere Prüfungen"),
            ("für die kommende Woche", "für nächste Woche"),
        ),
        shared_lead_title="KVB-Streik beendet – Einigung im NRW-Nahverkehr rückt näher",
        shared_lead_more=_t("""
Am Mittwochmorgen nahmen die Kölner Verkehrs-Betriebe den Betrieb wieder auf. Nach Unternehmensangaben fuhren bereits zum Berufsverkehr rund 95 Prozent der Stadtbahnen und Busse nach Fahrplan.

Während des Ausstands hatten sich nach Schätzung der Stadt deutlich mehr Menschen als üblich für das Fahrrad entschieden. An den Zählstellen an der Severinsbrücke und der Deutzer Brücke wurden am Dienstag fast doppelt so viele Radfahrer registriert wie an einem gewöhnlichen Werktag.

In die Tarifgespräche ist unterdessen Bewegung gekommen. Verdi und der KAV NRW vereinbarten, sich schon vor der geplanten Runde in Gelsenkirchen in kleiner Besetzung zu treffen. Beide Seiten bestätigten, ein Kompromiss bei den Schichtzulagen sei in Reichweite.

Kranefeld sagte, die Gewerkschaft verzichte bis zu dem Treffen auf weitere Arbeitskämpfe. „Wir haben gezeigt, wozu wir in der Lage sind. Jetzt liegt es an den Arbeitgebern.“

Die Industrie- und Handelskammer zu Köln forderte beide Seiten auf, den Konflikt rasch beizulegen. Zwei Streiktage in so kurzer Folge belasteten vor allem Einzelhandel und Gastronomie in der Innenstadt, hieß es in einer Mitteilung.
"""),
        other_agency_title="Zwei Tage Stillstand: Verdi bestreikt die Kölner Verkehrsbetriebe",
        other_agency_text=_t("""
Kölns Stadtbahnen fahren seit Montag nicht mehr: Verdi hat die Belegschaft der KVB zu einem zweitägigen Ausstand aufgerufen, der in den frühen Morgenstunden um halb vier begann. Busse sind nur vereinzelt unterwegs.

Für die Gewerkschaft ist es bereits der zweite Arbeitskampf in der Domstadt binnen 14 Tagen. Den Anlass liefert nach ihrer Darstellung die Gesprächsrunde in Dortmund, die ohne Annäherung zu Ende gegangen war. Tobias Kranefeld, Chefverhandler von Verdi, hält das nachgebesserte Arbeitgeberangebot für unzureichend; ein weiterer freier Tag reiche nicht, um die Fahrerinnen und Fahrer zu entlasten.

Die Gegenseite reagierte verärgert. Zwei Tage Streik mitten in laufenden Gesprächen seien eine Eskalation, erklärte Sabine Ortmeier, die Hauptgeschäftsführerin des kommunalen Arbeitgeberverbands. Sie warf Verdi vor, Pendlerinnen und Pendler als Druckmittel zu missbrauchen.

Der Konflikt betrifft landesweit etwa 30.000 Beschäftigte. Es geht hauptsächlich um die Länge der Arbeitswoche und um Zuschläge für Dienste nachts und am Wochenende.

An normalen Tagen nutzen gut 800.000 Menschen das KVB-Netz. Wer kann, weicht auf die Züge der Deutschen Bahn aus, die nicht bestreikt werden. Die Stadtbahnlinien nach Bonn sind auf Kölner Gebiet ebenfalls unterbrochen.

Die Folgen waren am Morgen auf den Straßen zu spüren, besonders an den Rheinbrücken. Die Hochschule setzte Klausuren ab, zahlreiche Firmen schickten Beschäftigte ins Homeoffice, und die Stadt stellte zusätzliche Pendlerparkplätze bereit.

Ab kommender Woche wird in Gelsenkirchen weiterverhandelt.
"""),
        same_topic="de-streik-duesseldorf",
    ),
    _Story(
        key="de-wolf",
        language="de",
        title="Wolfsrisse im Landkreis Cuxhaven: Schäfer fordern Abschuss",
        text=_t("""
CUXHAVEN – Nach einer Serie von Wolfsangriffen auf Schafherden im Landkreis Cuxhaven fordern Weidetierhalter die Entnahme der verantwortlichen Tiere. Seit Anfang des Monats wurden nach Angaben des Landkreises mindestens 37 Schafe und zwei Kälber getötet oder so schwer verletzt, dass sie eingeschläfert werden mussten.

Die meisten Übergriffe ereigneten sich in der Nähe von Deichen an der Elbmündung, wo Schafe zur Deichpflege eingesetzt werden. Dort lassen sich wolfsabweisende Zäune nach Angaben der Halter kaum errichten, weil die Deiche für Kontrollen und Fahrzeuge zugänglich bleiben müssen.

„Wir stehen jeden Morgen mit der Angst auf, wieder tote Tiere auf der Weide zu finden“, sagte Schäfer Hinrich Oltmanns aus Otterndorf, der in den vergangenen drei Wochen elf Mutterschafe verloren hat. Mehrere Kollegen hätten bereits angekündigt, ihre Herden zu verkleinern oder ganz aufzugeben.

Das niedersächsische Umweltministerium kündigte an, DNA-Proben von den Rissen untersuchen zu lassen. Erst wenn feststehe, welche Tiere für die Angriffe verantwortlich seien und ob sie zumutbare Schutzmaßnahmen überwunden hätten, könne über eine Ausnahmegenehmigung zum Abschuss entschieden werden, sagte ein Sprecher.

Der Wolf ist in Deutschland streng geschützt. Niedersachsen zählt nach Angaben der Landesjägerschaft inzwischen mehr als 50 Rudel und gilt damit als eines der Bundesländer mit den meisten Wölfen. Wie viele Einzeltiere im Land leben, ist umstritten; die Schätzungen reichen von 400 bis über 500.

Naturschutzverbände warnten vor vorschnellen Abschüssen. Die Tötung einzelner Wölfe löse das Problem nicht dauerhaft, sagte eine Sprecherin des NABU Niedersachsen. Sinnvoller seien eine bessere Förderung von Herdenschutzhunden und eine schnellere Entschädigung der Halter.

Der Landkreis will in der kommenden Woche mit Schäfern, Deichverbänden und dem Wolfsberater des Landes über kurzfristige Schutzmaßnahmen beraten. Eingeladen sind auch Vertreter der Landwirtschaftskammer.
"""),
        other_title="Mindestens 37 tote Schafe: Deichschäfer an der Elbe fordern Wolfsabschuss",
        caption="Schafe auf dem Elbdeich bei Otterndorf am Mittwoch. (Foto: dpa)",
        drop=1,
        added_end="Wölfe waren in Deutschland im 19. Jahrhundert ausgerottet worden. Seit der Jahrtausendwende breiten sie sich, von Polen kommend, wieder aus; in Niedersachsen leben seit mehr als einem Jahrzehnt wieder Rudel.",
        words_changed=(
            ("fordern Weidetierhalter", "verlangen Weidetierhalter"),
            ("mindestens 37 Schafe", "wenigstens 37 Schafe"),
            ("kaum errichten", "nur schwer errichten"),
            ("sagte Schäfer Hinrich Oltmanns", "berichtete Schäfer Hinrich Oltmanns"),
            ("elf Mutterschafe", "11 Mutterschafe"),
            ("kündigte an, DNA-Proben", "teilte mit, DNA-Proben"),
            ("mehr als 50 Rudel", "über 50 Rudel"),
            ("vor vorschnellen Abschüssen", "vor voreiligen Abschüssen"),
        ),
        shared_lead_title="DNA-Analyse bestätigt: Zwei junge Wölfe stecken hinter den Rissen an der Elbe",
        shared_lead_more=_t("""
Die Ergebnisse der genetischen Untersuchung liegen inzwischen vor. Nach Angaben des Umweltministeriums gehen die meisten Angriffe auf zwei Jungtiere eines Rudels zurück, das seit zwei Jahren im Raum Cadenberge ansässig ist.

In mindestens vier Fällen hätten die Wölfe Elektrozäune mit einer Höhe von 90 Zentimetern überwunden, hieß es. Damit sei eine wichtige Voraussetzung für eine Ausnahmegenehmigung erfüllt. Das Ministerium prüfe nun, ob ein Abschuss der beiden Tiere rechtlich möglich sei.

Schäfer Oltmanns zeigte sich erleichtert, aber skeptisch. „Bis hier jemand schießt, vergehen wieder Wochen“, sagte er. In der Zwischenzeit trieben er und seine Nachbarn ihre Herden nachts in Ställe, soweit der Platz es zulasse.

Bei dem Treffen mit den Deichverbänden verständigte sich der Landkreis darauf, testweise mobile Zäune auf einem zwölf Kilometer langen Deichabschnitt aufzustellen. Die Kosten von rund 180.000 Euro soll überwiegend das Land tragen.

Der NABU kündigte an, eine mögliche Abschussgenehmigung juristisch prüfen zu lassen. Der Verband hatte in anderen Bundesländern bereits erfolgreich gegen solche Genehmigungen geklagt.
"""),
        other_agency_title="Deichschafe getötet: Landkreis Cuxhaven meldet Dutzende Wolfsrisse",
        other_agency_text=_t("""
Seit Beginn des Monats hat der Wolf im Landkreis Cuxhaven nach amtlicher Zählung mindestens 37 Schafe sowie zwei Kälber gerissen oder tödlich verletzt. Schafhalter verlangen nun, dass die Behörden die Tiere töten lassen.

Betroffen sind vor allem Herden, die an der Elbmündung die Deiche beweiden und so die Grasnarbe kurz halten. Weil Deichverbände und Fahrzeuge jederzeit Zugang brauchen, sei ein wolfssicherer Zaun dort praktisch unmöglich, argumentieren die Halter.

Hinrich Oltmanns, Schäfer in Otterndorf, verlor binnen drei Wochen elf Muttertiere. Er berichtet von Kollegen, die über das Aufgeben nachdenken.

In Hannover verweist das Umweltministerium auf laufende genetische Analysen. Erst wenn klar sei, welche Wölfe zugebissen hätten und ob diese einen zumutbaren Schutz überwunden hätten, stehe eine Abschussgenehmigung zur Debatte.

Wölfe genießen in der Bundesrepublik einen strengen Schutzstatus. Laut Landesjägerschaft leben in Niedersachsen heute über 50 Rudel – so viele wie in kaum einem anderen Land.

Der NABU hält Abschüsse für keine dauerhafte Lösung und setzt auf mehr Geld für Schutzhunde sowie auf zügigere Ausgleichszahlungen.

Kommende Woche lädt der Landkreis Schäfer, Deichverbände und den Wolfsberater des Landes zu einem Krisengespräch.
"""),
        same_topic="de-streik-koeln",
    ),
)

# --------------------------------------------------------------------------------------
# Russian: two wildfires in Buryatia, and a new bridge in Ulan-Ude
# --------------------------------------------------------------------------------------

_RU = (
    _Story(
        key="ru-pozhar-turka",
        language="ru",
        title="В Бурятии площадь лесного пожара в Прибайкальском районе превысила 4 тысячи гектаров",
        text=_t("""
УЛАН-УДЭ — Площадь лесного пожара в Прибайкальском районе Бурятии за сутки выросла почти вдвое и превысила 4 тыс. гектаров, сообщили в среду в республиканском агентстве лесного хозяйства. Огонь находится в 12 километрах от села Турка на побережье Байкала.

На тушении работают более 350 человек, в том числе парашютисты-пожарные и десантники Авиалесоохраны из соседних регионов, а также 40 единиц техники. С воздуха работы поддерживают самолет Бе-200 и два вертолета Ми-8. Всего с начала операции с воздуха сброшено более 300 тонн воды.

По словам руководителя агентства Дмитрия Цыренова, распространению огня способствуют сильный ветер и сухая погода: дождей в районе не было больше трех недель. «Сейчас главная задача — не допустить перехода огня к населенным пунктам и на территорию заказника», — сказал он.

Вокруг Турки и соседнего поселка Горячинск прокладывают минерализованные полосы шириной до 20 метров. Жителям рекомендовали подготовить документы и запас воды на случай эвакуации, однако угрозы домам, по данным МЧС, пока нет. В Турке дежурят пожарные расчеты и добровольцы, а местная школа подготовлена к приему эвакуированных.

В районе с понедельника действует режим чрезвычайной ситуации муниципального характера. Въезд в леса запрещен, за нарушение запрета грозит штраф. Туристические базы на побережье продолжают работать, но отдыхающих просят не разводить костры. Соблюдение запрета на лесных дорогах проверяют сотрудники полиции и лесной охраны.

Предварительной причиной пожара специалисты называют сухую грозу, прошедшую над районом в прошлую пятницу. Однако следователи также проверяют версию о неосторожном обращении с огнем. Ущерб лесному фонду пока не подсчитан.

Всего на территории Бурятии в среду действовали девять лесных пожаров общей площадью около 6,5 тыс. гектаров. Крупнейшим из них остается пожар у Турки, остальные очаги, по данным агентства, находятся под контролем.
"""),
        other_title="Лесной пожар у Турки: огонь в 12 км от села на Байкале",
        caption="Дым над лесом в Прибайкальском районе, среда. (Фото: ТАСС)",
        drop=1,
        added_end="Лесопожарный сезон в Бурятии обычно длится с апреля по октябрь. Наибольшие площади пожаров в республике приходятся на весну и начало лета, когда в лесу много сухой травы и прошлогодней хвои.",
        words_changed=(
            ("выросла почти вдвое", "увеличилась почти вдвое"),
            ("сообщили в среду", "рассказали журналистам в среду"),
            ("более 350 человек", "свыше 350 человек"),
            ("сильный ветер", "порывистый ветер"),
            ("больше трех недель", "более трех недель"),
            ("— сказал он", "— заявил он"),
            ("пока нет", "на данный момент нет"),
            ("около 6,5 тыс. гектаров", "около 6500 гектаров"),
        ),
        shared_lead_title="Пожар у Турки локализован после дождей, пострадали две турбазы",
        shared_lead_more=_t("""
К пятнице пожар удалось локализовать на площади 5,2 тыс. гектаров. Помогли прошедшие в четверг ливни, а также встречный отжиг, который лесные пожарные провели вдоль минерализованных полос к северу от Турки.

Огонь все же вышел к побережью в районе урочища Котокель, где сгорели несколько деревянных домиков двух туристических баз. Отдыхающих успели вывезти заранее, пострадавших нет, уточнили в МЧС по Бурятии.

Владелец одной из баз Алексей Бадмаев оценил ущерб примерно в 8 млн рублей. «Мы только в мае закончили ремонт, планировали принимать гостей до конца сентября», — рассказал он.

Режим чрезвычайной ситуации в Прибайкальском районе сохранится до полной ликвидации пожара. Часть десантников Авиалесоохраны уже перебросили на новые очаги в Баргузинском районе.

Следственный комитет по итогам проверки возбудил уголовное дело об уничтожении лесных насаждений по неосторожности. По данным следствия, огонь мог распространиться от непотушенного костра у лесной дороги.
"""),
        other_agency_title="Огонь подступает к Турке: в Бурятии бушует крупный лесной пожар",
        other_agency_text=_t("""
Крупный лесной пожар в Прибайкальском районе Бурятии за последние сутки охватил территорию, почти в два раза большую, чем днем ранее, — теперь это свыше четырех тысяч гектаров. До прибрежного села Турка огню осталось около двенадцати километров.

Как уточнили в лесном ведомстве республики, с огнем борются 350 с лишним специалистов, среди них парашютисты и десантники, прибывшие из других регионов. Задействованы 40 машин, самолет-амфибия Бе-200 и пара вертолетов Ми-8.

Дмитрий Цыренов, возглавляющий агентство, объяснил стремительный рост пожара ветреной погодой и засухой: осадков в районе нет уже около трех недель. Приоритетом он назвал защиту поселков и особо охраняемой природной территории.

Вблизи Турки и Горячинска техника опахивает местность, создавая защитные полосы до 20 метров в ширину. По оценке спасателей, жилым домам огонь пока не угрожает, однако людям советуют держать наготове документы и воду.

ЧС муниципального уровня введена в районе еще в понедельник, посещение лесов под запретом. Турбазы на берегу Байкала открыты, но разжигать огонь отдыхающим нельзя.

Наиболее вероятной причиной возгорания считается сухая гроза, пронесшаяся над тайгой в пятницу; не исключается и человеческий фактор.

В целом по республике к среде фиксировали девять очагов, площадь которых в сумме составляла порядка 6,5 тыс. гектаров.
"""),
        same_topic="ru-pozhar-barguzin",
    ),
    _Story(
        key="ru-pozhar-barguzin",
        language="ru",
        title="В Бурятии ввели региональный режим ЧС из-за лесных пожаров в Баргузинском районе",
        text=_t("""
УЛАН-УДЭ — Режим чрезвычайной ситуации регионального характера введен в Бурятии из-за лесных пожаров в Баргузинском районе, сообщили в пятницу в правительстве республики. Площадь трех крупных очагов в долине реки Баргузин достигла 7,8 тыс. гектаров. Еще неделю назад их общая площадь не превышала 2 тыс. гектаров.

Наиболее сложная обстановка складывается у села Уро, где огонь подошел к сельскохозяйственным угодьям на расстояние около трех километров. Из села на время вывезли 60 детей и пожилых жителей, их разместили в школе районного центра Баргузин. Остальные жители остаются в селе и помогают пожарным: опахивают поля и дежурят на окраинах.

Тушение осложняет труднодоступная местность: к части кромки пожара невозможно подъехать на технике, поэтому группы парашютистов-пожарных Авиалесоохраны доставляют вертолетами. Всего в районе работают около 420 человек, в том числе военные и добровольцы. Воду на кромку сбрасывает вертолет Ми-8 с водосливным устройством.

«Введение режима ЧС позволит привлечь дополнительные силы и средства из федерального резерва», — пояснил руководитель республиканского агентства лесного хозяйства Дмитрий Цыренов. По его словам, в ближайшие дни из Иркутской области и Забайкальского края прибудут еще 150 лесных пожарных.

Дым от пожаров накрыл Баргузин и соседние села. Жителям рекомендовали реже выходить на улицу и закрывать окна, особенно людям с хроническими заболеваниями. В районной больнице развернули дополнительные койки на случай роста обращений.

По предварительным данным, пожары возникли после сухих гроз, однако в одном случае специалисты не исключают поджог сухой травы на пастбище. По этому факту полиция проводит проверку.

Ранее в июле режим ЧС муниципального характера вводили в Прибайкальском районе, где огонь подходил к селу Турка на побережье Байкала.
"""),
        other_title="Лесные пожары в долине Баргузина: в Бурятии объявлен региональный режим ЧС",
        caption="Вертолет Ми-8 доставляет лесных пожарных в Баргузинский район. (Фото: ТАСС)",
        drop=2,
        added_end="Баргузинская долина — одна из крупнейших межгорных котловин Прибайкалья. Здесь расположены несколько десятков сел, а на севере района находится Баргузинский заповедник, старейший в России.",
        words_changed=(
            ("сообщили в пятницу", "заявили журналистам в пятницу"),
            ("достигла 7,8 тыс. гектаров", "достигла 7800 гектаров"),
            ("Наиболее сложная обстановка", "Самая сложная обстановка"),
            ("на время вывезли", "временно вывезли"),
            ("около 420 человек", "порядка 420 человек"),
            ("— пояснил руководитель", "— сказал руководитель"),
            ("реже выходить на улицу", "меньше выходить на улицу"),
        ),
        shared_lead_title="Пожары в Баргузинском районе: жители Уро вернулись домой",
        shared_lead_more=_t("""
В воскресенье пожарным удалось остановить огонь на подступах к селу Уро. Минерализованная полоса, проложенная накануне бульдозерами вдоль кромки полей, сдержала пламя, а ночью в долине прошел небольшой дождь.

Вывезенные в Баргузин дети и пожилые жители вернулись домой в понедельник. Глава сельского поселения Виктор Намжилов рассказал, что сгорели два сенокоса и около 30 километров изгородей, но дома и скот не пострадали.

Прибывшие из соседних регионов лесные пожарные сосредоточились на самом крупном очаге в верховьях реки Аргада, куда можно добраться только вертолетом. Площадь этого пожара, по данным Авиалесоохраны, составляет около 4 тыс. гектаров.

Полиция задержала жителя соседнего села, которого подозревают в поджоге травы на пастбище. По данным ведомства, мужчина признал, что развел огонь, чтобы «обновить траву» для скота.

Режим ЧС регионального характера будет действовать как минимум до конца месяца. Власти республики также продлили запрет на посещение лесов во всех районах, прилегающих к Байкалу.
"""),
        other_agency_title="Бурятия объявила региональную ЧС: огонь в трех километрах от полей села Уро",
        other_agency_text=_t("""
Власти Бурятии в пятницу повысили уровень чрезвычайной ситуации из-за пожаров в Баргузинском районе до регионального. Три больших очага в долине Баргузина охватили в совокупности 7,8 тыс. гектаров.

Ближе всего огонь к Уро: от полей этого села его отделяют примерно три километра. Шестьдесят человек — детей и стариков — временно перевезли в Баргузин и поселили в здании школы.

Значительная часть кромки находится в глухой тайге, куда машины не проходят. Туда парашютистов-пожарных забрасывают на вертолетах. Общая численность группировки — порядка 420 человек, включая военнослужащих и волонтеров.

Как объяснил глава лесного агентства республики Дмитрий Цыренов, региональный статус ЧС открывает доступ к федеральному резерву. В ближайшее время в район направят еще 150 пожарных — из Иркутской области и Забайкалья.

Баргузин и окрестные села затянуло дымом. Медики советуют не открывать окна и по возможности оставаться дома, в первую очередь хроническим больным.

Специалисты связывают возгорания с сухими грозами. Впрочем, один из очагов, возможно, возник из-за того, что кто-то поджег траву на выгоне.

В июле муниципальная ЧС уже объявлялась в Прибайкальском районе — тогда пожар угрожал прибрежной Турке.
"""),
        same_topic="ru-pozhar-turka",
    ),
    _Story(
        key="ru-most",
        language="ru",
        title="В Улан-Удэ открыли движение по новому мосту через Селенгу",
        text=_t("""
УЛАН-УДЭ — В Улан-Удэ в субботу открыли автомобильное движение по новому мосту через реку Селенгу, который соединил центр города с правобережными микрорайонами. Строительство объекта длиной 1,1 километра заняло почти четыре года.

Мост рассчитан на четыре полосы движения, по обе стороны предусмотрены тротуары и велосипедные дорожки. Пропускная способность составляет до 40 тыс. автомобилей в сутки. Конструкция рассчитана на эксплуатацию при температуре до минус 50 градусов. Ночью мост освещают более 200 светодиодных фонарей.

Новый мост должен разгрузить старый Селенгинский мост, на котором в часы пик образуются многокилометровые пробки. «Жители правого берега ждали этого моста больше двадцати лет. Теперь дорога до центра займет не час, а пятнадцать минут», — сказал мэр Сергей Доржиев. Старый мост был построен еще в советское время и давно не справляется с нагрузкой.

Общая стоимость проекта, включая подходы и развязки, превысила 9 млрд рублей. Большую часть средств выделил федеральный бюджет, остальное — республика. Генеральным подрядчиком выступила компания «Сибмостстрой-Байкал». Всего на стройке было занято около 600 человек.

Из-за весеннего паводка строители были вынуждены на несколько месяцев остановить установку опор в русле реки, из-за чего срок сдачи сдвинулся на год. Чтобы наверстать отставание, остальные работы велись круглосуточно, в том числе зимой.

С понедельника по мосту пустят три автобусных маршрута. Движение грузовиков массой более 12 тонн будет разрешено только после завершения строительства развязки на левом берегу, которое намечено на следующий год. Для пассажиров на обоих берегах оборудованы новые остановки с теплыми павильонами.

На открытии присутствовали несколько сотен жителей, которые прошли по мосту пешком до начала автомобильного движения. Вечером на набережной состоялся праздничный концерт.
"""),
        other_title="Новый мост через Селенгу соединил центр Улан-Удэ с правым берегом",
        caption="Первые автомобили на новом мосту через Селенгу, суббота. (Фото: ТАСС)",
        drop=2,
        added_end="Примечание редакции: в первоначальной версии материала была неверно указана длина моста. Правильно — 1,1 километра.",
        words_changed=(
            ("в субботу открыли", "в субботу запустили"),
            ("почти четыре года", "около четырех лет"),
            ("превысила 9 млрд рублей", "превысила девять миллиардов рублей"),
            ("— сказал мэр", "— заявил журналистам мэр"),
            ("остановить установку", "приостановить установку"),
            ("пустят три автобусных маршрута", "запустят три автобусных маршрута"),
            ("несколько сотен жителей", "сотни жителей"),
        ),
        shared_lead_title="Неделя после открытия: как новый мост через Селенгу изменил движение в Улан-Удэ",
        shared_lead_more=_t("""
За первую неделю работы по новому мосту проехали около 160 тыс. автомобилей, сообщили в городском комитете по транспорту. Средняя задержка на старом Селенгинском мосту в вечерний час пик сократилась, по данным навигационных сервисов, с 40 до 12 минут.

Вместе с тем жители жалуются на заторы на съезде с моста на правом берегу, где временный светофор пропускает машины в одну полосу. Мэрия пообещала до конца месяца перенастроить светофорный цикл и открыть второй съезд.

Три новых автобусных маршрута оказались перегружены в утренние часы. Перевозчики добавили на линии еще восемь автобусов и сократили интервал движения до десяти минут.

Прокуратура республики тем временем начала проверку по жалобам на качество асфальта на подходах к мосту, где уже появились трещины. Подрядчик «Сибмостстрой-Байкал» заявил, что устранит недостатки по гарантии.

Велосипедные дорожки на мосту пока пустуют: по словам урбанистов, к ним не ведут безопасные маршруты ни с одного из берегов.
"""),
        other_agency_title="Правобережье Улан-Удэ получило второй мост через Селенгу",
        other_agency_text=_t("""
В столице Бурятии запущено движение машин по мосту через Селенгу, строительство которого продолжалось без малого четыре года. Переправа протяженностью 1,1 км связала правобережные микрорайоны с центральной частью Улан-Удэ.

На мосту четыре полосы для машин, а также пешеходные и велодорожки с двух сторон. Сооружение способно пропускать до 40 тыс. транспортных средств за сутки и выдерживает морозы до минус 50.

Проект вместе с подъездными дорогами и развязками обошелся более чем в 9 млрд рублей; основную долю профинансировала федеральная казна, оставшуюся часть — бюджет Бурятии. Строила объект фирма «Сибмостстрой-Байкал».

Мэр Сергей Доржиев рассчитывает, что новая переправа избавит от заторов Селенгинский мост, где в часы пик машины стоят километрами. Правобережье, по его словам, ждало такой мост два десятилетия, а путь в центр сократится с часа до четверти часа.

Сдача объекта задержалась на год: весенний паводок заставил подрядчика на несколько месяцев прервать монтаж опор в русле.

Автобусы по новому маршруту пойдут с понедельника — запланировано три линии. Большегрузам тяжелее 12 тонн въезд закрыт, пока не достроят развязку на левом берегу; это ожидается в следующем году.

Прежде чем мост открыли для машин, по нему прогулялись пешком сотни горожан.
"""),
        same_topic="ru-pozhar-turka",
    ),
)

# --------------------------------------------------------------------------------------
# Chinese: two rainstorms in northern Guangdong, and a new intercity railway there
# --------------------------------------------------------------------------------------

_ZH = (
    _Story(
        key="zh-baoyu-qingyuan",
        language="zh",
        title="广东清远遭遇强降雨 两万余人紧急转移",
        text=_t("""
受持续强降雨影响，广东省清远市多地出现严重内涝和山洪。截至18日17时，全市已紧急转移安置群众2.3万余人，暂未收到人员伤亡报告。

据清远市气象台监测，16日8时至18日8时，全市平均降雨量达186毫米，其中英德市东华镇累计雨量高达412毫米，突破当地有气象记录以来的同期极值。北江清远站水位一度超过警戒水位3.2米。

广东省应急管理厅于17日晚将防汛四级应急响应提升至三级，并派出工作组赴清远指导抢险救灾。省消防救援总队从广州、佛山调派180名指战员和40艘冲锋舟增援灾区。

在英德市连江口镇，部分村庄道路被洪水冲毁，约600名村民一度被困。救援人员连夜乘冲锋舟逐户排查，优先将老人和儿童转移至地势较高的学校和村委会。“水一下子就涨到了腰部，幸好救援队来得及时。”被转移的村民刘桂英说。

强降雨还造成京广铁路部分区段限速运行，多趟列车晚点。清远境内两条省道因塌方临时封闭，交通部门正在组织抢通。

目前，清远市已着手开展灾情统计，初步估计全市农作物受灾面积约1.1万公顷，部分鱼塘和蔬菜基地被淹。

气象部门预计，未来三天粤北地区仍有大到暴雨，局部大暴雨，提醒公众远离河道、山边等危险区域，注意防范山洪和地质灾害。
"""),
        other_title="北江清远段水位超警3.2米 粤北强降雨致多地受灾",
        caption="18日，消防救援人员在英德市连江口镇转移被困群众。（图片来源：新华社）",
        drop=1,
        added_end="清远市地处粤北山区，北江及其支流连江、滨江穿境而过，每年汛期易受暴雨和洪水影响。",
        words_changed=(
            ("严重内涝", "严重积水"),
            ("2.3万余人", "23000余人"),
            ("高达412毫米", "达到412毫米"),
            ("并派出工作组", "同时派出工作组"),
            ("连夜乘冲锋舟", "连夜驾驶冲锋舟"),
            ("村民刘桂英说", "村民刘桂英告诉记者"),
            ("临时封闭", "暂时封闭"),
            ("提醒公众", "提醒市民"),
        ),
        shared_lead_title="清远洪水退去 受灾群众陆续返家",
        shared_lead_more=_t("""
随着降雨减弱，北江清远站水位于20日凌晨回落至警戒水位以下。广东省应急管理厅当天上午将防汛应急响应由三级降为四级。

在英德市连江口镇，此前转移的村民已陆续返回家中。当地组织200余名干部和志愿者清理淤泥，并对受损房屋逐一开展安全鉴定，暂不具备居住条件的家庭由政府统一安排临时住所。

清远市卫生健康部门在各安置点和受灾村庄开展消杀工作，共投放消毒药品3.5吨，并设立临时医疗点，防止灾后疫病发生。

据清远市初步统计，此次强降雨共造成全市12.6万人受灾，倒塌房屋86间，直接经济损失约7.4亿元。市财政已下拨首批救灾资金5000万元。

京广铁路清远段已于19日晚恢复常速运行，两条中断的省道也在抢修后恢复通车。
"""),
        other_agency_title="暴雨袭击粤北 清远两万多名群众避险转移",
        other_agency_text=_t("""
连日来的暴雨让粤北城市清远陷入一片汪洋。当地官方通报，到18日下午5点，已有超过两万三千名群众被转移到安全地带，暂无伤亡。

气象数据显示，从16日上午到18日上午的48小时内，清远平均下了186毫米的雨。英德东华镇的雨量最大，累计412毫米，刷新了该站同期纪录。北江在清远的水位最高时超出警戒线3.2米。

17日夜间，广东省把防汛应急响应级别从四级上调到三级，省里派员赶赴一线。消防部门也从广州和佛山抽调了180名消防员、40艘冲锋舟支援。

英德连江口镇是受灾最重的地方之一。洪水冲断了进村道路，大约六百人被困。消防员开着冲锋舟挨家挨户搜寻，先把老人孩子送到学校等高处。一位姓刘的村民回忆，洪水几乎是瞬间没过了腰。

交通方面，京广线个别路段被迫降速，不少列车未能正点到达；另有两条省道发生塌方而中断。

据统计，清远全市约有1.1万公顷农作物受灾。

气象台预报，接下来三天粤北还将出现大雨到暴雨，个别地方有大暴雨，请居民不要靠近河流和山坡。
"""),
        same_topic="zh-baoyu-shaoguan",
    ),
    _Story(
        key="zh-baoyu-shaoguan",
        language="zh",
        title="韶关遭遇强降雨 乐昌、乳源等地转移群众1.6万人",
        text=_t("""
受强降雨影响，广东省韶关市乐昌、乳源、仁化等地发生洪涝灾害。截至7日12时，全市累计转移群众1.6万人，有2人因山体滑坡失联，搜救工作正在进行。

韶关市气象台数据显示，5日20时至7日8时，乐昌市北乡镇累计降雨量达368毫米，武江乐昌站出现超警戒水位2.6米的洪峰。韶关市区部分低洼路段积水超过1米。

广东省应急管理厅于6日启动防汛三级应急响应，省三防指挥部派出工作组赶赴韶关。省消防救援总队调派清远、广州两地共150名消防员携带冲锋舟和无人机增援。

在乳源瑶族自治县大桥镇，一处山体滑坡掩埋了两间民房。当地组织消防、武警和民兵200余人，调用挖掘机连夜搜救两名失联人员。

“我们凌晨两点接到预警短信，村干部挨家挨户敲门叫人撤离，”乐昌市北乡镇村民李建华说，“刚走出来没多久，河水就漫进了村子。”

受洪水影响，京港澳高速韶关段部分路段实行交通管制，一条县道桥梁被冲毁。电力部门正抓紧抢修受损线路，目前仍有约8000户居民停电。

气象部门提醒，粤北地区未来两天仍有强降雨，上月刚遭受洪涝灾害的清远等地需防范次生灾害。
"""),
        other_title="武江乐昌站超警2.6米 韶关1.6万群众转移 2人失联",
        caption="7日，救援人员在乳源瑶族自治县大桥镇滑坡现场搜救。（图片来源：新华社）",
        drop=2,
        added_end="编者按：本文此前版本将失联人员所在地误写为仁化县，现已更正为乳源瑶族自治县大桥镇。",
        words_changed=(
            ("累计转移群众", "累计转移民众"),
            ("搜救工作正在进行", "搜救工作仍在进行"),
            ("积水超过1米", "积水超过一米"),
            ("赶赴韶关", "前往韶关"),
            ("连夜搜救", "彻夜搜救"),
            ("村民李建华说", "村民李建华对记者说"),
            ("抓紧抢修", "加紧抢修"),
            ("气象部门提醒", "气象部门提示"),
        ),
        shared_lead_title="乳源滑坡失联人员已找到 韶关全力开展灾后恢复",
        shared_lead_more=_t("""
8日上午，搜救人员在乳源瑶族自治县大桥镇滑坡现场找到两名失联人员，经确认均已遇难。当地政府已妥善安排善后事宜。

随着雨势减弱，武江乐昌站水位于8日凌晨退至警戒水位以下。韶关市三防指挥部随后将应急响应降为四级，转移群众分批返回家中。

韶关市自然资源部门组织地质专家对全市237处地质灾害隐患点开展排查，发现新增隐患点19处，已设置警示标志并安排专人监测。

经过两天抢修，停电用户已全部恢复供电。被冲毁的县道桥梁正在搭建临时便桥，预计一周内恢复通行。

据韶关市初步统计，此次洪涝灾害造成直接经济损失约4.6亿元，农作物受灾面积8300公顷。
"""),
        other_agency_title="粤北再遭暴雨 韶关两人失联逾万人避险",
        other_agency_text=_t("""
继上月清远洪灾之后，粤北又一次遭遇强降雨。韶关的乐昌、乳源和仁化受灾较重，到7日中午，当地共把1.6万名群众转移出危险区域。另有两人在山体滑坡中下落不明。

从5日晚8点到7日早8点，乐昌北乡镇下了368毫米雨。武江上的乐昌水文站洪峰高出警戒线2.6米，韶关城区一些低洼街道的水深超过一米。

6日，广东省应急管理厅把防汛响应定为三级，并派人到韶关督导。来自清远和广州的150名消防员带着冲锋舟、无人机前来支援。

滑坡发生在乳源大桥镇，两栋民房被泥石埋没。消防、武警、民兵等200多人开着挖掘机通宵挖掘，寻找失联者。

北乡镇居民李建华回忆，他凌晨两点收到预警信息，村干部逐户敲门通知撤离，人刚撤出来，河水就涌进了村庄。

京港澳高速韶关段部分路段实施管制，一座县道桥梁被洪水冲垮。全市目前大约8000户还没有电，供电公司正在抢修。

据预报，未来两天粤北降雨仍将持续，当地提醒居民警惕次生灾害。
"""),
        same_topic="zh-baoyu-qingyuan",
    ),
    _Story(
        key="zh-gaotie",
        language="zh",
        title="粤北首条城际铁路开通运营 清远至韶关最快38分钟",
        text=_t("""
清远至韶关城际铁路26日正式开通运营，两地间最快旅行时间由原来的1小时40分钟缩短至38分钟。这是粤北地区首条按时速250公里标准设计的城际铁路。

清韶城际铁路全长约160公里，沿线设清远、英德西、英德北、翁源、韶关东等7座车站。线路历时五年建成，总投资约420亿元，其中桥梁和隧道占线路总长度的70%以上。

开通初期，铁路部门每日安排开行动车组列车24对，其中8对直通广州。票价方面，清远至韶关二等座全价为68元。

“以前去韶关看父母要开两个小时车，现在坐高铁不到一个小时就到了。”在清远站乘坐首趟列车的市民陈晓敏说。

广东省发展改革委有关负责人表示，清韶城际铁路的开通将进一步完善粤港澳大湾区与粤北地区的交通联系，带动沿线旅游和产业发展。英德的茶叶、翁源的兰花等特色产业有望借助高铁扩大市场。

由于线路穿越山区，建设过程中先后克服了岩溶地质、暴雨洪水等多重困难。去年汛期，英德段部分施工便道被洪水冲毁，工期一度受到影响。

铁路部门提醒，旅客可通过12306网站和手机客户端购票，开通首周将视客流情况增开临时列车。
"""),
        other_title="清韶城际今起运营 粤北首条250公里时速城际铁路投用",
        caption="26日，首趟列车从清远站驶出。（图片来源：新华社）",
        drop=2,
        added_end="按照规划，清韶城际铁路远期还将向北延伸，与湖南方向的铁路网相连。",
        words_changed=(
            ("正式开通运营", "正式开通"),
            ("缩短至38分钟", "缩短到38分钟"),
            ("约420亿元", "约四百二十亿元"),
            ("每日安排开行", "每天安排开行"),
            ("市民陈晓敏说", "市民陈晓敏告诉记者"),
            ("有望借助高铁", "有望依托高铁"),
            ("先后克服了", "陆续克服了"),
            ("铁路部门提醒", "铁路部门提示"),
        ),
        shared_lead_title="清韶城际开通首周客流超25万人次 铁路部门加开列车",
        shared_lead_more=_t("""
据铁路部门统计，开通首周清韶城际铁路累计发送旅客25.3万人次，日均3.6万人次，超出预期约四成。周末两天，清远至韶关方向多趟列车车票售罄。

为满足出行需求，自下周一起每日开行列车将增至32对，并在早晚高峰增开4趟英德至广州的直通列车。

沿线旅游市场明显升温。英德市文旅部门数据显示，开通后首个周末，英西峰林景区接待游客同比增长62%，不少游客专程乘坐高铁前来“打卡”。

不过，也有乘客反映翁源站距县城较远，公交接驳不便。翁源县交通部门表示，已新开两条公交专线，并将根据列车时刻调整发车时间。

铁路部门表示，将持续监测客流变化，适时优化列车开行方案。
"""),
        other_agency_title="高铁连通清远韶关 两地通行时间缩短约一小时",
        other_agency_text=_t("""
26日上午，首趟动车组从清远站驶出，标志着清韶城际铁路投入运营。坐车从清远到韶关，最快只要38分钟，比过去节省了1小时左右。

这条铁路设计时速250公里，在粤北地区尚属首次。线路长约160公里，共有7个车站，包括清远、英德西、英德北、翁源和韶关东等。由于沿途多山，桥隧比超过七成。工程建设耗时五年，投资规模约420亿元。

按照初期运行图，每天开行24对动车组，有8对可直达广州。清远到韶关的二等座全价票为68元。

清远市民陈晓敏搭乘了首趟车。她说，过去自驾回韶关看望父母需要两个小时，如今不到一小时就能到家。

广东省发展改革委相关负责人认为，新线将加强大湾区和粤北的联系，促进沿线文旅和产业发展，英德茶叶、翁源兰花等特色产品的销路有望拓宽。

施工期间，建设者遭遇岩溶地质和汛期洪水等难题；去年汛期英德一带的施工便道曾被冲毁，影响了进度。

乘客可在12306网站或客户端买票。开通第一周会根据客流加开临时车次。
"""),
        same_topic="zh-baoyu-qingyuan",
    ),
)

# --------------------------------------------------------------------------------------
# Spanish: two earthquakes in Oaxaca, and water rationing in the state capital
# --------------------------------------------------------------------------------------

_ES = (
    _Story(
        key="es-sismo-pinotepa",
        language="es",
        title="Sismo de magnitud 6.2 sacude la Costa de Oaxaca; reportan daños en Pinotepa Nacional",
        text=_t("""
OAXACA, México — Un sismo de magnitud 6.2 sacudió la madrugada de este martes la región de la Costa de Oaxaca y causó daños en viviendas, una iglesia y un hospital de Pinotepa Nacional, informaron autoridades estatales. Hasta el momento no se reportan personas fallecidas.

El Servicio Sismológico Nacional (SSN) ubicó el epicentro a 18 kilómetros al sur de Pinotepa Nacional, a una profundidad de 16 kilómetros. El movimiento, registrado a las 3:47 horas, se percibió con fuerza en Puerto Escondido y Acapulco, y de forma moderada en la Ciudad de México, donde sonó la alerta sísmica.

La Coordinación Estatal de Protección Civil de Oaxaca informó que al menos 240 viviendas de adobe sufrieron daños, 35 de ellas con afectaciones graves. También se desprendió parte de la fachada del templo de Santiago Apóstol, en el centro de Pinotepa.

En el hospital general de la ciudad, el personal evacuó a 62 pacientes hacia el estacionamiento tras detectar grietas en muros de la zona de hospitalización. “Sacamos primero a los pacientes de terapia intensiva y a las mamás con sus bebés”, relató la enfermera Rosalba Cruz.

El titular de Protección Civil estatal, Ernesto Villalobos, dijo que brigadas de ingenieros revisarán escuelas y edificios públicos antes de que se reanuden las actividades. Las clases fueron suspendidas en 14 municipios de la región.

El SSN reportó más de 130 réplicas hasta el mediodía, la mayor de magnitud 4.5. Las autoridades pidieron a la población no ingresar a inmuebles dañados y mantenerse informada por canales oficiales.

La Costa de Oaxaca se ubica cerca de la zona de subducción entre las placas de Cocos y Norteamericana, una de las regiones con mayor actividad sísmica del país.
"""),
        other_title="Temblor de 6.2 en Oaxaca deja 240 casas dañadas en la Costa",
        caption="Vecinos observan la fachada dañada del templo de Santiago Apóstol en Pinotepa Nacional este martes. (Foto: EFE)",
        drop=1,
        added_end="Nota del editor: una versión anterior de esta nota indicaba una profundidad de 26 kilómetros. El dato correcto, según el SSN, es de 16 kilómetros.",
        words_changed=(
            ("magnitud 6.2 sacudió", "magnitud 6,2 sacudió"),
            ("informaron autoridades estatales", "informaron a la prensa autoridades estatales"),
            ("se percibió con fuerza", "se sintió con fuerza"),
            ("al menos 240 viviendas", "por lo menos 240 viviendas"),
            ("relató la enfermera", "contó la enfermera"),
            ("dijo que brigadas", "explicó que brigadas"),
            ("fueron suspendidas", "se suspendieron"),
            ("más de 130 réplicas", "más de ciento treinta réplicas"),
        ),
        shared_lead_title="Suman 900 viviendas dañadas por el sismo en la Costa; trasladan pacientes del hospital de Pinotepa",
        shared_lead_more=_t("""
Dos días después del temblor, el recuento de daños se elevó a más de 900 viviendas, de acuerdo con un censo realizado por la Secretaría de Bienestar en Pinotepa Nacional, Santiago Jamiltepec y Santa María Huazolotitlán. Unas 210 familias duermen en albergues o en casas de campaña frente a sus domicilios.

Los ingenieros que revisaron el hospital general determinaron que el área de hospitalización no es segura, por lo que 40 pacientes fueron trasladados en ambulancias a hospitales de Puerto Escondido y Jamiltepec. El resto recibe atención en carpas instaladas por el Ejército.

“Nadie quiere volver a dormir bajo techo, cada réplica nos saca a la calle”, dijo Juana Mendoza, comerciante del mercado municipal, cuyo local quedó con el techo agrietado.

El gobierno federal anunció una declaratoria de emergencia para 14 municipios de la Costa, lo que permitirá liberar recursos para víveres, agua potable y láminas.

Las clases seguirán suspendidas al menos hasta el lunes. Protección Civil informó que de 180 escuelas revisadas, 23 presentan daños y no podrán abrir hasta que sean reparadas.
"""),
        other_agency_title="Fuerte temblor en la Costa oaxaqueña: evacuan hospital y suspenden clases",
        other_agency_text=_t("""
Pinotepa Nacional amaneció este martes entre escombros de adobe luego de que un terremoto de 6.2 grados golpeara la Costa de Oaxaca poco antes de las cuatro de la mañana. No hay muertos confirmados.

Según los datos del Sismológico Nacional, el foco se localizó 16 kilómetros bajo tierra y 18 kilómetros al sur de ese municipio. En Puerto Escondido y en Acapulco la sacudida fue intensa; en la capital del país se activaron los altavoces de alerta y el movimiento se notó de manera moderada.

Protección Civil de Oaxaca contabiliza 240 casas afectadas —35 con daño severo—, casi todas construidas con adobe. En la parroquia de Santiago Apóstol cayó un trozo de la fachada.

El caso más delicado fue el del hospital general: aparecieron fisuras en los muros del área donde se interna a los enfermos y el personal sacó a 62 personas al estacionamiento. La enfermera Rosalba Cruz contó que primero movieron a quienes estaban en cuidados intensivos y a las madres recién paridas.

Ernesto Villalobos, responsable de Protección Civil en la entidad, anunció que ingenieros inspeccionarán planteles y oficinas públicas. Mientras tanto no habrá clases en 14 municipios.

A mediodía se contaban ya más de 130 réplicas; la de mayor tamaño alcanzó 4.5. Se recomendó a los habitantes no entrar a construcciones con daños.

Esta parte del Pacífico mexicano tiembla con frecuencia por el choque de la placa de Cocos con la Norteamericana.
"""),
        same_topic="es-sismo-juchitan",
    ),
    _Story(
        key="es-sismo-juchitan",
        language="es",
        title="Sismo de 5.8 sacude Juchitán; dañados el mercado y siete escuelas",
        text=_t("""
JUCHITÁN DE ZARAGOZA, Oaxaca — Un sismo de magnitud 5.8 con epicentro en el Istmo de Tehuantepec provocó este jueves daños en escuelas, en el mercado municipal de Juchitán y en decenas de viviendas, informaron las autoridades de Protección Civil. No se reportaron víctimas.

De acuerdo con el Servicio Sismológico Nacional, el movimiento ocurrió a las 14:12 horas, con epicentro a 25 kilómetros al noreste de Salina Cruz y una profundidad de 62 kilómetros. Se sintió en Oaxaca, Chiapas, Veracruz y Tabasco.

En Juchitán, uno de los municipios más afectados por el terremoto de septiembre de 2017, cayeron bardas y parte del techo del mercado, que fue desalojado por comerciantes y clientes. Protección Civil contabilizó 87 viviendas con daños, la mayoría menores. En el centro de la ciudad, varios comercios cerraron por precaución.

El coordinador estatal de Protección Civil, Ernesto Villalobos, informó que siete escuelas presentan grietas y que las clases se suspendieron en Juchitán, Ixtepec y El Espinal mientras se realizan revisiones estructurales.

“Todavía tenemos miedo desde lo de 2017; cuando empezó a moverse, todos salimos corriendo a la calle”, dijo Teresa López, vendedora de totopos en el mercado. Varias familias decidieron pasar la noche en patios y banquetas.

El sismo ocurre dos semanas después del de magnitud 6.2 que afectó la Costa de Oaxaca y dañó cientos de viviendas en Pinotepa Nacional. El SSN aclaró que se trata de eventos independientes, originados en zonas distintas.

Hasta la noche se habían registrado 19 réplicas, la mayor de magnitud 3.9. Brigadas de Protección Civil mantienen recorridos en colonias de Juchitán e Ixtepec para evaluar daños.
"""),
        other_title="Temblor de 5.8 en el Istmo: daños en el mercado de Juchitán y en siete escuelas",
        caption="Comerciantes retiran mercancía del mercado de Juchitán tras el sismo de este jueves. (Foto: EFE)",
        drop=2,
        added_end="El sismo del 7 de septiembre de 2017, de magnitud 8.2, dejó decenas de muertos en Juchitán y destruyó miles de viviendas en el Istmo de Tehuantepec.",
        words_changed=(
            ("provocó este jueves daños", "causó este jueves daños"),
            ("No se reportaron víctimas", "No se registraron víctimas"),
            ("Se sintió en Oaxaca", "Se percibió en Oaxaca"),
            ("cayeron bardas", "se derrumbaron bardas"),
            ("la mayoría menores", "en su mayoría menores"),
            ("dijo Teresa López", "comentó a reporteros Teresa López"),
            ("Varias familias", "Numerosas familias"),
            ("dos semanas", "quince días"),
        ),
        shared_lead_title="Juchitán reabre su mercado tras la revisión; cuatro escuelas seguirán cerradas",
        shared_lead_more=_t("""
Una semana después, peritos de la Secretaría de Infraestructuras del estado concluyeron que la estructura principal del mercado no sufrió daños graves, por lo que los comerciantes pudieron volver a sus puestos el miércoles, salvo en la nave donde se desplomó parte del techo.

“Perdimos casi toda la semana de ventas; muchos aquí vivimos al día”, dijo Rosa Martínez, quien vende flores y pan en el mercado desde hace 20 años.

En cambio, cuatro de las siete escuelas con grietas permanecerán cerradas hasta que se refuercen sus muros. Los alumnos tomarán clases en aulas provisionales instaladas en una unidad deportiva, informó la Secretaría de Educación estatal.

El ayuntamiento de Juchitán entregó materiales de construcción a 60 familias cuyas casas presentaron daños, y abrió un módulo para que el resto pueda solicitar apoyo.

El Servicio Sismológico Nacional informó que la secuencia de réplicas prácticamente ha concluido; desde el sábado no se ha registrado ningún movimiento mayor a magnitud 3.
"""),
        other_agency_title="Istmo de Tehuantepec: sismo de 5.8 desata pánico en Juchitán, sin víctimas",
        other_agency_text=_t("""
El Istmo de Tehuantepec volvió a temblar este jueves. Un movimiento de 5.8 a las 14:12 horas hizo que cientos de personas salieran a las calles de Juchitán, donde aún están frescas las heridas del terremoto de 2017. Nadie resultó lesionado.

El Sismológico Nacional situó el origen 62 kilómetros bajo la superficie, unos 25 kilómetros al noreste del puerto de Salina Cruz. También se percibió en Chiapas, Veracruz y Tabasco.

El mercado juchiteco fue evacuado luego de que se viniera abajo una sección de su techo; en varias colonias se cayeron muros perimetrales. El conteo oficial es de 87 casas con afectaciones, casi todas leves.

Siete planteles quedaron con fisuras, detalló Ernesto Villalobos, al frente de Protección Civil en Oaxaca. En Juchitán, Ixtepec y El Espinal no habrá clases hasta que se verifique la seguridad de los edificios.

Teresa López, que vende totopos, relató que el miedo de hace años regresó de golpe. Hubo familias que prefirieron dormir al aire libre.

Hace quince días otro sismo, de 6.2, dañó cientos de casas en Pinotepa Nacional, en la Costa. Según el SSN, no hay relación entre ambos: se originaron en sitios diferentes.

Por la noche el conteo de réplicas llegaba a 19; ninguna superó 3.9.
"""),
        same_topic="es-sismo-pinotepa",
    ),
    _Story(
        key="es-agua-oaxaca",
        language="es",
        title="Oaxaca de Juárez endurece el tandeo de agua por la sequía",
        text=_t("""
OAXACA DE JUÁREZ, Oaxaca — El organismo operador de agua de la capital oaxaqueña anunció este lunes un nuevo esquema de tandeo que reducirá el suministro a una vez cada ocho días en la mayoría de las colonias, debido a la caída en los niveles de los pozos y presas que abastecen a la ciudad.

La medida afectará a cerca de 300 mil habitantes de Oaxaca de Juárez y municipios conurbados, informó el director de los Servicios de Agua Potable y Alcantarillado de Oaxaca (SAPAO), Luis Fernando Ramírez. Hasta ahora, la mayoría de las colonias recibía agua cada cuatro o cinco días.

Según la Comisión Nacional del Agua, los pozos del río Atoyac, principal fuente de abastecimiento, operan al 40 por ciento de su capacidad, y las lluvias del año pasado fueron 35 por ciento inferiores al promedio.

“No es una decisión que queramos tomar, pero si no ajustamos el reparto ahora, en mayo podríamos quedarnos sin agua en amplias zonas de la ciudad”, dijo Ramírez en conferencia de prensa.

El organismo contratará 25 pipas adicionales para abastecer a hospitales, escuelas y colonias de la zona alta, donde el agua de la red llega con menor presión. Los vecinos podrán solicitar el servicio por teléfono, aunque con tiempos de espera de hasta tres días.

Habitantes de colonias como Volcanes y Santa Rosa han denunciado que el precio de las pipas privadas se duplicó en los últimos meses, hasta 1,200 pesos por 10 mil litros. La Procuraduría Federal del Consumidor anunció que vigilará los cobros.

Las autoridades pidieron a la población reparar fugas, reutilizar el agua de lavado y evitar el riego de jardines durante el día.
"""),
        other_title="Sequía obliga a tandeo cada ocho días en la capital de Oaxaca",
        caption="Una pipa reparte agua en la colonia Volcanes, en Oaxaca de Juárez, este lunes. (Foto: EFE)",
        drop=1,
        added_end="La zona metropolitana de Oaxaca padece desde hace décadas un déficit de agua potable. Los proyectos para traer agua desde presas más lejanas se han discutido en varias administraciones sin concretarse.",
        words_changed=(
            ("anunció este lunes", "dio a conocer este lunes"),
            ("cerca de 300 mil habitantes", "cerca de 300,000 habitantes"),
            ("Hasta ahora", "Hasta el momento"),
            ("dijo Ramírez en conferencia", "declaró Ramírez en conferencia"),
            ("25 pipas adicionales", "25 pipas extra"),
            ("se duplicó", "se ha duplicado"),
            ("anunció que vigilará", "informó que vigilará"),
        ),
        shared_lead_title="Vecinos bloquean avenida por falta de agua; Oaxaca amplía el tandeo a 18 colonias",
        shared_lead_more=_t("""
A diez días de la entrada en vigor del nuevo esquema, decenas de vecinos de la colonia Volcanes bloquearon durante cinco horas una de las principales avenidas del norte de la ciudad para exigir que se regularice el servicio. Aseguraron que no han recibido agua de la red en dos semanas.

El SAPAO reconoció retrasos en la distribución, que atribuyó a la falla de dos bombas en una planta de rebombeo, y prometió reponer el suministro antes del fin de semana.

El organismo también informó que 18 colonias del norte, que se habían mantenido fuera del tandeo por contar con pozos propios, se sumarán al esquema a partir del próximo lunes, pues esos pozos redujeron su caudal a la mitad.

El Congreso del estado aprobó un exhorto para que el gobierno estatal declare emergencia hídrica en los Valles Centrales, lo que permitiría acceder a recursos federales para perforar nuevos pozos.

Mientras tanto, la Profeco informó que ha sancionado a seis distribuidores de pipas privadas por cobrar precios superiores a los autorizados.
"""),
        other_agency_title="Tandeo cada ocho días: la capital oaxaqueña recorta el suministro de agua ante la sequía",
        other_agency_text=_t("""
Los habitantes de Oaxaca de Juárez y su zona conurbada tendrán agua de la red solo un día de cada ocho, luego de que el organismo operador endureciera este lunes el tandeo por la escasez en presas y pozos.

Luis Fernando Ramírez, titular del SAPAO, explicó que el recorte alcanzará a unas 300 mil personas que, hasta la fecha, recibían el servicio con intervalos de cuatro a cinco días.

Datos de la Conagua muestran que los pozos del Atoyac, la fuente más importante, rinden apenas el 40 por ciento de lo habitual. En el último temporal llovió un 35 por ciento menos que en un año normal.

El funcionario admitió que se trata de una medida impopular, pero advirtió que sin ella, al llegar mayo, grandes sectores de la capital podrían quedar sin suministro.

Para hospitales, planteles escolares y las colonias altas —donde la presión de la red es baja— el organismo sumará 25 camiones cisterna. Quien necesite una pipa podrá pedirla por teléfono, pero la espera puede llegar a tres días.

En Volcanes, Santa Rosa y otras colonias los vecinos se quejan de que los repartidores privados cobran ya el doble que hace unos meses: hasta 1,200 pesos por cada 10 mil litros. La Profeco dijo que estará atenta a esos precios.

Se exhortó a la ciudadanía a arreglar fugas, aprovechar el agua de lavado y no regar de día.
"""),
        same_topic="es-sismo-pinotepa",
    ),
)

_STORIES: tuple[_Story, ...] = (*_EN, *_DE, *_RU, *_ZH, *_ES)

# --------------------------------------------------------------------------------------
# Building the variants
# --------------------------------------------------------------------------------------


def _insert(paragraphs: list[str], index: int, line: str) -> list[str]:
    return [*paragraphs[:index], line, *paragraphs[index:]]


def _with_read_more(paragraphs: list[str], language: str, headline: str) -> list[str]:
    """A "read more" teaser for another story, between the two middle paragraphs."""
    return _insert(paragraphs, len(paragraphs) // 2, READ_MORE[language].format(headline))


def _replace_words(text: str, replacements: tuple[tuple[str, str], ...]) -> str:
    for old, new in replacements:
        if text.count(old) != 1:
            raise ValueError(f"words_changed: {old!r} occurs {text.count(old)} times, not once")
        text = text.replace(old, new)
    return text


def _cases(story: _Story, by_key: dict[str, Base]) -> tuple[Case, ...]:
    base = by_key[story.key]
    other = by_key[story.same_topic]
    if other.language != base.language or other.key == base.key:
        raise ValueError(f"{story.key}: bad same_topic {story.same_topic!r}")
    paragraphs = base.text.split("\n\n")
    if not 5 <= len(paragraphs) <= 7 or story.drop not in (1, 2):
        raise ValueError(f"{story.key}: needs 5-7 paragraphs and drop 1 or 2")
    shortened = paragraphs[: -story.drop]
    before, after = WRAPPERS[base.language]
    variants: dict[str, tuple[str, list[str]]] = {
        "exact": (base.title, paragraphs),
        "headline": (story.other_title, paragraphs),
        "read_more": (base.title, _with_read_more(paragraphs, base.language, other.title)),
        "image_credit": (base.title, _insert(paragraphs, 1, story.caption)),
        "dropped_end": (base.title, shortened),
        "added_end": (base.title, [*paragraphs, story.added_end]),
        "words_changed": (base.title, [_replace_words(base.text, story.words_changed)]),
        "wrapped": (base.title, [*before, *paragraphs, *after]),
        "combined": (base.title, _with_read_more(shortened, base.language, other.title)),
        "shared_lead": (story.shared_lead_title, [paragraphs[0], story.shared_lead_more]),
        "same_event_other_agency": (story.other_agency_title, [story.other_agency_text]),
        "same_topic": (other.title, [other.text]),
    }
    return tuple(
        Case(
            name=f"{base.key}/{kind}",
            language=base.language,
            kind=kind,
            base=base,
            title=title,
            text="\n\n".join(parts),
            same_story=kind in SAME_STORY_KINDS,
        )
        for kind, (title, parts) in variants.items()
    )


BASES: tuple[Base, ...] = tuple(Base(s.key, s.language, s.title, s.text) for s in _STORIES)
_BY_KEY = {b.key: b for b in BASES}
CASES: tuple[Case, ...] = tuple(c for s in _STORIES for c in _cases(s, _BY_KEY))

if len(_BY_KEY) != len(BASES) or len(CASES) != len(BASES) * 12:
    raise ValueError("duplicate base keys or missing variants")
