"""English content of the demo network: the wire agency's stories and the two sites republishing them.

Syndication map (wire original -> copies):

* ``STORM`` -> NewsBeat (new headline, last paragraph dropped, words changed) and the
  Calderbridge Courier (exact copy of the wire text).
* ``TRAM`` -> NewsBeat (new headline, last paragraph dropped, words changed) and the
  Courier (new headline, words changed).
* ``CAVE_ART`` -> NewsBeat only.
* ``VELORA_SHARES`` is the hard negative: a follow-up reusing ``VELORA_PILL``'s first
  paragraph, otherwise a different story.
"""

from __future__ import annotations

from .model import Author, Story, Topic, at, republish

# --- Meridian Press Agency (the wire) -------------------------------------------------

OKAFOR = Author(
    "Hannah Okafor",
    "hannah-okafor",
    "Hannah Okafor covers weather, climate and the energy industry from Meridian's Edinburgh bureau.",
)
ASHCROFT = Author(
    "Daniel Ashcroft", "daniel-ashcroft", "Daniel Ashcroft is Meridian's transport and local government correspondent."
)
RAMAN = Author(
    "Priya Raman", "priya-raman", "Priya Raman reports on the pharmaceutical industry and health policy from London."
)
BELL = Author("Marcus Bell", "marcus-bell", "Marcus Bell writes about global trade and shipping from Singapore.")
MARCHETTI = Author(
    "Sofia Marchetti",
    "sofia-marchetti",
    "Sofia Marchetti covers science and archaeology from Meridian's Madrid office.",
)

WORLD = Topic("world", "World")
UK = Topic("uk", "UK")
BUSINESS = Topic("business", "Business")
HEALTH = Topic("health", "Health")
SCIENCE = Topic("science", "Science")

STORM = Story(
    "storm-petra-shuts-north-sea-ports",
    "Storm Petra shuts three North Sea ports, leaves thousands without power",
    OKAFOR,
    WORLD,
    at(3, 6, 45),
    (
        "KELSHOLM, Scotland (Meridian) — Three North Sea ports suspended all operations on Tuesday as Storm Petra drove gusts of more than 150 kilometres per hour along the coast, leaving dozens of cargo ships waiting offshore and cutting power to around 40,000 homes.",
        "Harbour masters at Kelsholm, Dunmore and Port Ailsa ordered vessels to remain at anchor from early morning, after waves of up to nine metres were recorded at a monitoring buoy east of the firth. Ferry services to the northern islands were cancelled for a second day.",
        '"We have not seen a swell like this in November for more than a decade," said Fiona Rennie, operations director at the Kelsholm Port Authority. "Nobody goes out until the wind drops, and the forecast tells us that will not be before Wednesday evening."',
        "The national weather service kept a red warning in place for the coast between Kelsholm and Dunmore until midnight, urging residents to avoid the seafront and not to travel unless absolutely necessary. Several schools closed early and a section of the coastal railway was shut after a fallen tree damaged overhead lines.",
        "Network operator Northgrid said engineers had restored supply to about half of the affected properties by the afternoon but warned that some rural customers could remain without electricity overnight. Emergency centres offering heating and hot food were opened in four towns.",
        "Shipping analysts said the closures would add to delays already building at European container hubs. Around 30 vessels, including two fuel tankers, were holding position in sheltered waters, and port operators expected it to take several days to clear the backlog once berths reopen.",
    ),
    caption="Waves break over the harbour wall at Kelsholm on Tuesday morning. (Meridian/Alasdair Grant)",
)

TRAM = Story(
    "calderbridge-approves-tram-extension",
    "Calderbridge approves £1.2 billion tram extension after decade of debate",
    ASHCROFT,
    UK,
    at(5, 11, 20),
    (
        "CALDERBRIDGE, England (Meridian) — Councillors in Calderbridge on Thursday approved a £1.2 billion extension of the city's tram network, ending more than a decade of argument over how to link its eastern housing estates with the centre and the main railway station.",
        "The plan, passed by 41 votes to 17 after a five-hour meeting, adds 14 kilometres of track and 11 stops running from the city centre through Eastfield and Marsh Lane to a new park-and-ride terminal beside the ring road.",
        'Council leader Margaret Doyle called the vote "the most important transport decision this city has taken in fifty years" and said the line would put 60,000 residents within a ten-minute walk of a tram stop.',
        "Opposition councillors argued that the cost estimate was optimistic and that construction would cause years of disruption for traders on Marsh Lane, where the route runs along the high street. An amendment calling for a public referendum was defeated.",
        "About two-thirds of the money is expected to come from a national transport fund, with the remainder borrowed against future fare revenue and a levy on large private car parks. Preparatory work on water and gas mains is due to begin next spring, with the first trams running in 2030.",
        "Business groups welcomed the decision. The Calderbridge Chamber of Commerce said the extension would make it easier for employers in the city centre to recruit from the east of the city, where car ownership is among the lowest in the region.",
    ),
)

VELORA_PILL = Story(
    "velora-wins-approval-weekly-diabetes-pill",
    "Velora wins approval for first once-weekly diabetes pill",
    RAMAN,
    HEALTH,
    at(9, 14, 5),
    (
        "LONDON (Meridian) — Drugmaker Velora Therapeutics won regulatory approval on Monday for a once-weekly tablet to treat type 2 diabetes, the first oral medicine of its kind that patients need to take only once every seven days.",
        "The medicines regulator said it had cleared the drug, to be sold under the name Glyvance, for adults whose blood sugar is not adequately controlled by diet, exercise and metformin. The decision follows two late-stage trials involving more than 6,000 patients in 19 countries.",
        "In those studies, patients taking the weekly pill saw their average blood sugar fall by a similar amount to those on a daily comparator drug, while reporting fewer missed doses. The most common side effects were nausea and mild stomach upset, which usually eased after the first month.",
        '"Many people with diabetes are juggling several tablets a day," said Dr Alan Mercer, Velora\'s chief medical officer. "Reducing that to a single weekly dose is a real change in daily life, and we expect it to help people stay on treatment."',
        "Independent experts were more cautious. Professor Ruth Adebayo, an endocrinologist at a university teaching hospital who was not involved in the trials, said the results were encouraging but that longer follow-up would be needed to show whether the drug reduces heart attacks and strokes.",
        "Velora did not disclose the price of the treatment. The company said it expected the first prescriptions to be issued in the new year and that it was in talks with health authorities in other markets.",
    ),
)

SHIPPING = Story(
    "container-shipping-rates-fall-fourth-week",
    "Container shipping rates fall for fourth straight week",
    BELL,
    BUSINESS,
    at(12, 9, 0),
    (
        "SINGAPORE (Meridian) — The cost of shipping a container from Asia to Europe fell for a fourth consecutive week, an industry index showed on Thursday, as new vessels entering service outpaced demand ahead of the year-end holiday season.",
        "The Harbourline Container Index, which tracks spot rates on the main east-west routes, dropped 6 percent from the previous week to $2,140 per forty-foot container on the Shanghai to Rotterdam lane, its lowest level since February.",
        "Rates on transpacific routes to the west coast of North America slipped 3 percent, while prices on shorter intra-Asian routes were broadly flat.",
        'Analysts said carriers had taken delivery of a record number of large container ships this year, many of them ordered during the surge in freight prices earlier in the decade. "There is simply more capacity on the water than there is cargo to fill it," said Leila Haddad, a freight analyst at a Singapore-based consultancy.',
        "Some lines have begun cancelling scheduled departures in an attempt to support prices, a practice known in the industry as blank sailing. Data from port operators showed at least 14 cancelled departures from Asian ports over the next three weeks.",
        "Lower freight costs could offer some relief to retailers and manufacturers that import goods from Asia, though economists noted that shipping now makes up only a small share of the final price of most consumer products.",
    ),
)

CAVE_ART = Story(
    "drones-map-ancient-cave-paintings",
    "Drones help archaeologists map 40,000-year-old cave paintings",
    MARCHETTI,
    SCIENCE,
    at(16, 16, 30),
    (
        "MADRID (Meridian) — Archaeologists have used small drones fitted with laser scanners to produce the most detailed map yet of a cave in northern Spain whose walls are covered with paintings thought to be about 40,000 years old.",
        "The team, led by researchers from a Spanish university and a museum in Madrid, flew the drones through narrow passages of the Arenal cave that are too fragile or dangerous for people to enter, recording more than two billion measurement points over three weeks.",
        "The resulting three-dimensional model revealed around 120 previously unrecorded images, including hand stencils, rows of red dots and the outline of what appears to be a large deer, in a side chamber that had been blocked by a rock fall.",
        '"We knew there was a chamber behind the collapse, but we had no idea what was on the walls," said Dr Elena Ruiz, the project\'s lead archaeologist. "Seeing those hand stencils appear on the screen for the first time was extraordinary."',
        "The cave has been closed to the public since the 1990s to protect the paintings from changes in humidity and temperature caused by visitors. The researchers said the digital model would allow the site to be studied and shown to the public without putting the art at risk.",
        "Dating of mineral crusts over some of the images is still under way. If an age of around 40,000 years is confirmed, the paintings would be among the oldest known examples of cave art in Europe.",
    ),
    caption="A researcher prepares a scanning drone at the entrance of the Arenal cave. (Meridian/Javier Soto)",
)

VELORA_SHARES = Story(
    "velora-shares-jump-export-approvals",
    "Velora shares jump as diabetes pill heads for export markets",
    RAMAN,
    BUSINESS,
    at(20, 8, 30),
    (
        VELORA_PILL.paragraphs[0],
        "Shares in the company rose as much as 9 percent on Friday after it said regulators in Canada and Australia had accepted its applications for fast-track review, and that it had signed a distribution agreement covering 12 countries in the Middle East and North Africa.",
        "The gains took Velora's stock market value above £18 billion for the first time, making it one of the best-performing healthcare stocks in Europe this year.",
        "Chief executive Isabel Montague told analysts on a call that the company was doubling production capacity at its plant in the north of England and expected the tablet to be available in at least 20 countries by the end of 2027.",
        '"Demand from doctors has been stronger than we planned for," she said. "Our priority now is making sure supply keeps up, so that no patient who starts on the treatment has to stop because a pharmacy has run out."',
        "Some investors questioned whether the company could defend its pricing as rival drugmakers prepare their own weekly treatments, at least two of which are in late-stage trials. Velora said it would publish a list price in each market once reimbursement talks had concluded.",
    ),
)

RAIL_DEAL = Story(
    "rail-union-accepts-pay-offer",
    "Rail union members accept pay offer, calling off December strikes",
    ASHCROFT,
    UK,
    at(24, 13, 10),
    (
        "LONDON (Meridian) — Members of the country's largest rail union have voted to accept a two-year pay offer, calling off a series of strikes that had threatened to disrupt train services in the run-up to Christmas.",
        "The Rail and Transit Workers' Union said 68 percent of members who took part in the ballot backed the deal, which raises pay by 4.5 percent this year and by at least 3 percent next year, with a one-off payment of £750 for lower-paid staff.",
        "Six days of walkouts had been planned between December 4 and December 20, affecting train operators across the country, including most commuter services into the capital.",
        '"This is a fair settlement that our members have earned," general secretary Colin Harte said in a statement. "It shows what can be achieved when employers come to the table with a serious offer instead of a list of demands."',
        "The agreement also includes a commitment not to make compulsory redundancies before 2028 and a joint review of plans to close ticket offices at smaller stations, one of the main sticking points in negotiations that began in the summer.",
        "Passenger groups welcomed the result but said travellers had endured months of uncertainty. Train operators said timetables for December would be published in full by the end of the week.",
    ),
)

MERIDIAN_STORIES = (STORM, TRAM, VELORA_PILL, SHIPPING, CAVE_ART, VELORA_SHARES, RAIL_DEAL)
MERIDIAN_ABOUT = (
    "Meridian Press Agency is an independent news agency supplying text, photo and video reporting to more than 400 newspapers, broadcasters and websites.",
    "Our correspondents work from bureaus in London, Edinburgh, Madrid and Singapore. Every story is checked by a second editor before it is sent to clients.",
    "Media organisations interested in a subscription to the Meridian wire can contact our sales team through the client portal.",
)

# --- NewsBeat Today (aggregator) -------------------------------------------------------

NEWSBEAT_STORIES = (
    republish(
        STORM,
        at(3, 9, 12),
        slug="storm-petra-batters-coast-ports-close",
        headline="Storm Petra batters coast as three ports close and 40,000 lose power",
        drop_last=1,
        edits=(
            ("suspended all operations", "halted all operations"),
            ("urging residents to avoid the seafront", "telling residents to stay away from the seafront"),
            ("Several schools closed early", "Several schools shut early"),
        ),
        caption="Waves crash over the harbour wall as Storm Petra hits the coast (Image: AP)",
    ),
    republish(
        TRAM,
        at(5, 15, 40),
        slug="city-council-backs-tram-line",
        headline="City council backs £1.2bn tram line after ten-year row",
        drop_last=1,
        edits=(
            ("ending more than a decade of argument", "ending over a decade of argument"),
            ("Opposition councillors argued", "Opposition councillors claimed"),
        ),
        caption="A tram waits at a city centre stop in Calderbridge (Image: Getty)",
    ),
    republish(
        CAVE_ART,
        at(17, 7, 5),
        slug="hidden-cave-art-found-with-drones",
        headline="Hidden chamber of 40,000-year-old cave art found with drones",
        drop_last=1,
        edits=(
            ("the most detailed map yet", "the most detailed map ever"),
            ("Seeing those hand stencils appear", "Watching those hand stencils appear"),
        ),
        caption="Hand stencils on the wall of the Arenal cave (Image: AP)",
    ),
)

NEWSBEAT_VIDEOS = (
    Story(
        "storm-petra-harbour-waves",
        "WATCH: Giant waves hit harbour as Storm Petra arrives",
        Author("NewsBeat Video", "newsbeat-video", "Short news clips from the NewsBeat video desk."),
        WORLD,
        at(3, 10, 0),
        (
            "Footage filmed on Tuesday morning shows waves breaking over the harbour wall at Kelsholm as Storm Petra reached the coast.",
        ),
    ),
)

NEWSBEAT_ABOUT = (
    "NewsBeat Today brings together the most important stories of the day from trusted news agencies and partner publishers, updated around the clock.",
    "Stories marked with a source line are republished under licence from our partners. Corrections can be sent to our editorial team.",
)

# --- The Calderbridge Courier (regional) -----------------------------------------------

PIKE = Author(
    "Joanna Pike",
    "joanna-pike",
    "Joanna Pike is the Courier's chief reporter, covering Calderbridge city council and local business.",
)
LOCAL = Topic("local", "Local news")

MARSH_LANE = Story(
    "marsh-lane-traders-fear-tram-disruption",
    "Marsh Lane traders fear years of disruption from tram works",
    PIKE,
    LOCAL,
    at(10, 7, 30),
    (
        "Shopkeepers on Marsh Lane say they are worried about the future of their businesses after councillors last week approved a tram extension that will run along the length of the street.",
        "The route, part of the £1.2 billion project agreed on Thursday, will take up both lanes of the road between the junction with Station Road and the library, and construction is expected to last at least two years.",
        '"We are not against the tram, but nobody has told us how our customers are supposed to reach us while the road is dug up," said Amrit Sandhu, who has run a hardware shop on the street for 22 years. "Some of us will not survive that long without passing trade."',
        "Around 60 independent businesses line the street, many of them family-run. A petition calling for a compensation scheme for traders had collected more than 1,800 signatures by Monday evening.",
        "A council spokesperson said the authority would set up a business liaison team before work begins and was looking at options for rate relief and temporary loading bays. Details are expected to be published in the new year.",
        "The Marsh Lane Traders' Association has invited council officers to a public meeting at St Cuthbert's church hall next Wednesday.",
    ),
)

COURIER_STORIES = (
    republish(STORM, at(3, 8, 0)),
    republish(
        TRAM,
        at(5, 13, 0),
        slug="tram-extension-eastfield-green-light",
        headline="Tram extension to Eastfield gets the green light",
        edits=(
            ("Councillors in Calderbridge on Thursday approved", "City councillors on Thursday approved"),
            ("said the line would put", "said the new line would put"),
            ("Business groups welcomed the decision.", "Business leaders welcomed the decision."),
        ),
    ),
    MARSH_LANE,
)

#: Served under /private/ (disallowed in robots.txt) and linked only from the home page.
COURIER_PRIVATE = (
    Story(
        "draft-council-budget-2027",
        "EMBARGOED DRAFT: Council budget 2027 — not for publication",
        PIKE,
        LOCAL,
        at(27, 17, 0),
        (
            "Calderbridge City Council is expected to propose a council tax rise of 4.9 percent for the next financial year, according to draft budget papers seen by the Courier.",
            "The papers set out savings of £14 million, including the closure of two recycling centres and a reduction in library opening hours on weekday evenings.",
            "Funding for the tram extension is kept separate from the day-to-day budget and is not affected by the proposals, the documents say.",
            "Editor's note: this draft is embargoed until the council publishes its budget report. Do not publish or share outside the newsroom.",
        ),
    ),
)

COURIER_ABOUT = (
    "The Calderbridge Courier has reported on the city and its surrounding villages since 1889. Today our newsroom publishes local news, sport and features online every day.",
    "Alongside our own reporting we carry national and international stories from Meridian Press Agency.",
)
