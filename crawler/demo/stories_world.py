"""Non-English content of the demo network: German, French, Russian, Chinese and Arabic sites."""

from __future__ import annotations

from .model import Author, Story, Topic, at

# --- Neckartaler Rundschau (de) --------------------------------------------------------

VOGEL = Author(
    "Katrin Vogel",
    "katrin-vogel",
    "Katrin Vogel leitet die Lokalredaktion Lindenau und schreibt über Stadtentwicklung und Verkehr.",
)
ALBRECHT = Author(
    "Jonas Albrecht",
    "jonas-albrecht",
    "Jonas Albrecht ist Wirtschaftsredakteur und berichtet über Handwerk, Weinbau und Mittelstand in der Region.",
)
LOKALES = Topic("lokales", "Lokales")
WIRTSCHAFT = Topic("wirtschaft", "Wirtschaft")

RUNDSCHAU_STORIES = (
    Story(
        "stadtwerke-planen-waermenetz",
        "Stadtwerke planen Wärmenetz für 12.000 Haushalte",
        VOGEL,
        LOKALES,
        at(4, 7, 15, 1),
        (
            "Die Stadtwerke Lindenau wollen in den kommenden zehn Jahren ein Fernwärmenetz aufbauen, das rund 12.000 Haushalte in der Kernstadt und im Stadtteil Oberau mit Wärme versorgen soll. Das geht aus dem kommunalen Wärmeplan hervor, den Geschäftsführer Martin Seibold am Dienstagabend im Gemeinderat vorgestellt hat.",
            "Herzstück des Vorhabens ist eine Großwärmepumpe am Neckarufer, die dem Flusswasser Energie entziehen soll. Ergänzt wird sie durch die Abwärme eines Rechenzentrums im Gewerbegebiet Süd sowie durch einen Spitzenlastkessel, der an besonders kalten Tagen zugeschaltet wird.",
            "Die Kosten beziffern die Stadtwerke auf rund 180 Millionen Euro. Etwa ein Drittel soll über Förderprogramme von Bund und Land finanziert werden, den Rest will das Unternehmen über Kredite und die Wärmepreise der kommenden Jahrzehnte decken.",
            "„Wir wollen den Menschen eine verlässliche und bezahlbare Alternative zur Gasheizung anbieten“, sagte Seibold. Wer sich früh für einen Anschluss entscheide, solle einen Zuschuss zu den Baukosten erhalten.",
            "Im Gemeinderat stieß der Plan überwiegend auf Zustimmung. Kritik kam von Eigentümern aus den Randlagen, die nach den bisherigen Plänen nicht an das Netz angeschlossen werden sollen. Für diese Gebiete empfiehlt der Wärmeplan einzelne Wärmepumpen oder kleinere Nahwärmeinseln.",
            "Die ersten Leitungen sollen 2028 in der Bahnhofstraße verlegt werden. Eine Informationsveranstaltung für Bürgerinnen und Bürger ist für Januar geplant.",
        ),
    ),
    Story(
        "weinlese-kleine-menge-hohe-qualitaet",
        "Weinlese 2026: Winzer melden kleine Menge, aber hohe Qualität",
        ALBRECHT,
        WIRTSCHAFT,
        at(11, 16, 40, 1),
        (
            "Die Winzer im Neckartal haben die Lese des Jahrgangs 2026 abgeschlossen und ziehen eine gemischte Bilanz. Die Erntemenge liegt nach ersten Schätzungen des regionalen Weinbauverbands rund 15 Prozent unter dem Durchschnitt der vergangenen zehn Jahre, die Qualität der Trauben sei dagegen ausgezeichnet.",
            "Verantwortlich für die geringere Menge ist vor allem ein Spätfrost Ende April, der in tiefer gelegenen Lagen einen Teil der jungen Triebe vernichtete. Im Sommer sorgten dann mehrere Hitzewellen dafür, dass die Beeren klein blieben.",
            "„Die Mostgewichte sind hoch, die Säure ist trotzdem schön frisch“, sagte Weinbaumeisterin Sabine Kröll vom Weingut Kröll in Oberau. Besonders beim Riesling und beim Lemberger erwarte sie kräftige, lagerfähige Weine.",
            "Für viele Betriebe bedeutet die kleine Ernte allerdings finanzielle Einbußen. Der Verband rechnet damit, dass einzelne Weine im kommenden Jahr teurer werden. Gleichzeitig kämpfen die Betriebe mit gestiegenen Kosten für Energie, Flaschen und Personal.",
            "Um die Steillagen zu erhalten, fordern die Winzer mehr Unterstützung vom Land. Die Bewirtschaftung der terrassierten Weinberge sei bis zu viermal so aufwendig wie in flachen Lagen, heißt es beim Verband.",
            "Die ersten Weine des neuen Jahrgangs sollen traditionell beim Jungweinfest im März in der Lindenauer Kelter vorgestellt werden.",
        ),
    ),
    Story(
        "radbruecke-ueber-den-neckar-eroeffnet",
        "Neue Radbrücke über den Neckar nach zwei Jahren Bauzeit eröffnet",
        VOGEL,
        LOKALES,
        at(18, 10, 5, 1),
        (
            "Nach gut zwei Jahren Bauzeit ist die neue Fuß- und Radwegbrücke zwischen Lindenau und Oberau am Mittwoch für den Verkehr freigegeben worden. Hunderte Radfahrerinnen und Radfahrer nutzten die Gelegenheit, die 220 Meter lange Stahlkonstruktion noch am Eröffnungstag zu überqueren.",
            "Die Brücke verkürzt den Weg zwischen den beiden Stadtteilen für Radfahrer um fast drei Kilometer. Bisher mussten sie den Umweg über die stark befahrene Bundesstraßenbrücke nehmen, auf der es nur einen schmalen Schutzstreifen gibt.",
            "Oberbürgermeisterin Claudia Henning sprach bei der Eröffnung von einem „Meilenstein für die Verkehrswende in unserer Stadt“. Sie dankte den Anwohnern für ihre Geduld während der Bauarbeiten, die wegen Lieferengpässen beim Stahl mehrfach unterbrochen werden mussten.",
            "Die Kosten stiegen im Laufe des Projekts von ursprünglich 14 auf knapp 19 Millionen Euro. Rund 70 Prozent davon übernimmt das Land über ein Förderprogramm für den Radverkehr.",
            "Der Fahrradclub begrüßte die Eröffnung, mahnte aber Nachbesserungen an den Zufahrten an. Auf der Oberauer Seite ende der neue Radweg bislang abrupt an einer Kreuzung ohne Ampel, kritisierte ein Sprecher.",
            "Die Stadt kündigte an, die Kreuzung im kommenden Frühjahr umzubauen. Bis dahin soll eine provisorische Markierung für mehr Sicherheit sorgen.",
        ),
    ),
)

RUNDSCHAU_ABOUT = (
    "Die Neckartaler Rundschau ist die Tageszeitung für Lindenau und das mittlere Neckartal. Seit 1948 berichtet unsere Redaktion unabhängig über Politik, Wirtschaft, Kultur und Sport aus der Region.",
    "Unsere Lokalredaktion erreichen Sie werktags von 9 bis 18 Uhr in der Marktstraße 12 in Lindenau.",
)

# --- Le Courrier du Littoral (fr) ------------------------------------------------------

DUMONT = Author(
    "Claire Dumont",
    "claire-dumont",
    "Claire Dumont suit l'environnement, la culture et la vie du littoral pour le Courrier.",
)
LE_GOFF = Author(
    "Yannick Le Goff",
    "yannick-le-goff",
    "Yannick Le Goff couvre la vie municipale et l'économie maritime de Saint-Malmont-sur-Mer.",
)
VILLE = Topic("ville", "Ville")
ECONOMIE = Topic("economie", "Économie")
CULTURE = Topic("culture", "Culture")

LITTORAL_STORIES = (
    Story(
        "nouveau-quai-de-peche-inaugure",
        "Saint-Malmont inaugure son nouveau quai de pêche",
        LE_GOFF,
        ECONOMIE,
        at(2, 8, 0, 1),
        (
            "Après dix-huit mois de travaux, le nouveau quai de pêche du port de Saint-Malmont-sur-Mer a été inauguré samedi matin en présence des élus, des pêcheurs et de nombreux habitants venus assister à l'arrivée des premiers chalutiers.",
            "Long de 140 mètres, l'ouvrage permet désormais d'accueillir simultanément une vingtaine de bateaux, contre une douzaine auparavant. Il est équipé d'une nouvelle criée réfrigérée et de bornes de recharge électrique destinées aux navires de petite pêche.",
            "Le chantier, d'un coût de 11,5 millions d'euros, a été financé par la région, le département et l'Union européenne. « Ce quai, les professionnels l'attendaient depuis vingt ans », a souligné le président du comité local des pêches, Gaël Morvan.",
            "Les pêcheurs espèrent que ces installations permettront d'attirer de jeunes marins dans un secteur qui peine à recruter. Une formation aux métiers de la mer doit ouvrir au lycée professionnel de la ville à la rentrée prochaine.",
            "La municipalité prévoit également d'aménager une promenade le long du bassin afin que les visiteurs puissent observer le débarquement du poisson sans gêner l'activité des professionnels.",
        ),
    ),
    Story(
        "ostreiculteurs-inquiets-apres-un-ete-chaud",
        "Les ostréiculteurs inquiets après un été trop chaud",
        DUMONT,
        ECONOMIE,
        at(7, 17, 30, 1),
        (
            "À quelques semaines des fêtes de fin d'année, période cruciale pour la vente des huîtres, les ostréiculteurs de la baie de Saint-Malmont font leurs comptes. La mortalité des jeunes huîtres a atteint cette année près de 40 % dans certains parcs, selon la section régionale conchylicole.",
            "En cause, selon les professionnels, une eau anormalement chaude pendant plusieurs semaines en juillet et en août, qui a favorisé le développement d'un virus touchant le naissain.",
            "« On a connu des années difficiles, mais là, certains collègues ont perdu la moitié de leur production », raconte Hélène Barbier, installée depuis vingt-cinq ans sur la commune. Elle estime que ses huîtres seront en quantité suffisante pour Noël, mais à un prix en légère hausse.",
            "Les ostréiculteurs demandent à l'État de reconnaître l'état de calamité agricole, ce qui permettrait de débloquer des indemnisations. Une délégation doit être reçue à la préfecture la semaine prochaine.",
            "Des chercheurs travaillent par ailleurs sur des souches d'huîtres plus résistantes aux fortes chaleurs. Les premiers résultats, encourageants, ne devraient toutefois pas être disponibles avant plusieurs années.",
        ),
    ),
    Story(
        "festival-du-film-maritime-record",
        "Le Festival du film maritime bat son record de fréquentation",
        DUMONT,
        CULTURE,
        at(13, 12, 15, 1),
        (
            "La douzième édition du Festival du film maritime de Saint-Malmont-sur-Mer s'est achevée mercredi soir sur un record : plus de 15 000 spectateurs ont assisté aux projections organisées pendant cinq jours au cinéma Le Phare et sous le chapiteau installé sur le port.",
            "Le grand prix du jury a été attribué à « Marée basse », un documentaire consacré aux dernières goémonières de la côte bretonne. Le public a quant à lui récompensé une fiction islandaise racontant le quotidien d'un équipage de chalutier pris dans une tempête.",
            "« Nous avons voulu ouvrir le festival à un public plus jeune, avec des séances scolaires et des ateliers de réalisation, et le pari est réussi », se félicite la directrice artistique, Nadia Ferrand. Près de 3 000 élèves de la région ont assisté aux projections du matin.",
            "Le festival, dont le budget avoisine 400 000 euros, est financé à parts égales par des fonds publics et par le mécénat d'entreprises locales. Les organisateurs souhaitent désormais prolonger la manifestation d'une journée.",
            "La prochaine édition aura lieu du 4 au 9 novembre 2027. L'appel à films sera lancé dès le mois de février.",
        ),
    ),
    Story(
        "budget-participatif-500-000-euros",
        "La mairie lance un budget participatif de 500 000 euros",
        LE_GOFF,
        VILLE,
        at(19, 9, 40, 1),
        (
            "Les habitants de Saint-Malmont-sur-Mer vont pouvoir décider eux-mêmes de l'utilisation d'une partie du budget municipal. Le conseil municipal a approuvé mardi soir la création d'un budget participatif doté de 500 000 euros par an.",
            "Tout résident âgé d'au moins seize ans pourra déposer un projet entre le 1er décembre et le 31 janvier, à condition qu'il relève des compétences de la commune et que son coût ne dépasse pas 100 000 euros. Aires de jeux, pistes cyclables, jardins partagés ou rénovation de petits équipements sportifs sont notamment concernés.",
            "Les propositions seront ensuite étudiées par les services techniques, qui vérifieront leur faisabilité, avant d'être soumises au vote des habitants au printemps. Le vote pourra se faire en ligne ou dans les trois mairies annexes.",
            "« C'est une façon de redonner la parole aux citoyens entre deux élections », a expliqué le maire, Philippe Garnier. L'opposition a voté pour le dispositif tout en regrettant que l'enveloppe ne représente qu'une faible part de l'investissement total de la ville.",
            "Plusieurs communes voisines ont déjà adopté un système similaire. À Saint-Malmont, les premiers projets retenus devraient être réalisés dès l'été 2027.",
        ),
    ),
    Story(
        "digue-de-la-plage-nord-renforcee",
        "Érosion : la digue de la plage Nord sera renforcée cet hiver",
        DUMONT,
        VILLE,
        at(26, 18, 5, 1),
        (
            "Fragilisée par les tempêtes successives, la digue qui protège le quartier de la plage Nord va faire l'objet d'importants travaux de renforcement à partir du mois de janvier. Le chantier, estimé à 4,2 millions d'euros, doit durer environ six mois.",
            "Lors des grandes marées de l'hiver dernier, plusieurs blocs de l'enrochement avaient été emportés et l'eau avait atteint à deux reprises les jardins des maisons les plus proches du rivage.",
            "Les travaux consisteront à rehausser l'ouvrage d'environ 80 centimètres sur une longueur de 600 mètres et à installer de nouveaux blocs de granit au pied de la digue. L'accès à la plage sera interdit pendant toute la durée du chantier.",
            "« Nous ne pourrons pas lutter indéfiniment contre la mer, mais ces travaux nous donnent au moins vingt ans de répit », estime l'adjoint chargé de l'urbanisme, Thomas Riou. La commune a engagé en parallèle une réflexion sur le déplacement, à long terme, de certains équipements situés en bord de mer.",
            "Une réunion publique d'information est prévue le 10 décembre à la salle des fêtes. Les riverains pourront y consulter les plans et poser leurs questions aux ingénieurs.",
        ),
    ),
)

LITTORAL_ABOUT = (
    "Le Courrier du Littoral est un site d'information locale consacré à Saint-Malmont-sur-Mer et aux communes de la baie. Notre rédaction de six journalistes publie chaque jour l'actualité de la ville, du port et de la vie culturelle.",
    "Le Courrier est indépendant et financé par ses abonnés. Pour nous signaler une information, écrivez à la rédaction, 4 quai des Terre-Neuvas.",
)

# --- Волжский вестник (ru, windows-1251) -----------------------------------------------

SOKOLOVA = Author(
    "Анна Соколова", "anna-sokolova", "Анна Соколова пишет о здравоохранении, образовании и городском хозяйстве."
)
BELOV = Author(
    "Игорь Белов", "igor-belov", "Игорь Белов освещает строительство, транспорт и работу городской администрации."
)
GOROD = Topic("gorod", "Город")
OBSHCHESTVO = Topic("obshchestvo", "Общество")

VESTNIK_STORIES = (
    Story(
        "novaya-detskaya-poliklinika",
        "В Новоречинске открылась новая детская поликлиника",
        SOKOLOVA,
        OBSHCHESTVO,
        at(6, 10, 20, 3),
        (
            "В микрорайоне Заречье в пятницу открылась новая детская поликлиника, рассчитанная на 600 посещений в смену. Строительство здания продолжалось почти два года и обошлось областному бюджету в 940 миллионов рублей.",
            "В поликлинике работают кабинеты педиатров, офтальмолога, невролога, детского хирурга и стоматолога, а также отделение реабилитации с бассейном. Для маленьких пациентов оборудована игровая зона, а записаться на приём можно через портал госуслуг или по телефону единого колл-центра.",
            "«Раньше родителям из Заречья приходилось ездить с детьми через весь город, иногда с двумя пересадками. Теперь поликлиника будет в десяти минутах ходьбы от большинства домов», — отметила главный врач учреждения Марина Кузнецова.",
            "К новой поликлинике прикреплено около 18 тысяч детей. По словам главврача, укомплектовать штат удалось почти полностью: не хватает только двух участковых педиатров, вакансии уже открыты.",
            "Жители микрорайона давно добивались открытия медицинского учреждения: за последние десять лет здесь построили более тридцати многоквартирных домов, а ближайшая детская поликлиника находилась в шести километрах.",
            "В городской администрации сообщили, что к лету рядом с поликлиникой откроют остановку общественного транспорта и благоустроят сквер.",
        ),
    ),
    Story(
        "rechnoy-vokzal-zakroyut-na-rekonstrukciyu",
        "Речной вокзал закроют на реконструкцию до 2028 года",
        BELOV,
        GOROD,
        at(14, 12, 0, 3),
        (
            "Здание речного вокзала Новоречинска с 1 декабря закроется на капитальную реконструкцию. Работы продлятся около двух лет, сообщили в пресс-службе городской администрации.",
            "Вокзал был построен в 1962 году и с тех пор ни разу не ремонтировался полностью. При обследовании специалисты обнаружили трещины в несущих конструкциях и повреждения кровли, из-за чего часть помещений уже несколько лет закрыта для посетителей.",
            "Проект предусматривает восстановление исторического фасада со шпилем, замену инженерных сетей и обустройство новой пассажирской зоны. На втором этаже разместятся кафе, выставочный зал и смотровая площадка с видом на Волгу.",
            "«Мы хотим, чтобы речной вокзал снова стал местом, куда приходят не только пассажиры, но и горожане с детьми, туристы», — заявил заместитель главы города по строительству Андрей Воронин.",
            "Стоимость работ оценивается в 1,3 миллиарда рублей. На время реконструкции пассажирские причалы продолжат работать: кассы и зал ожидания перенесут во временный павильон на набережной.",
            "Первые теплоходы навигации 2027 года будут отправляться от временного причала, а расписание рейсов опубликуют на сайте администрации в апреле.",
        ),
    ),
    Story(
        "pervyy-sneg-uborochnaya-tekhnika",
        "Первый снег: на улицы вышли 80 единиц уборочной техники",
        SOKOLOVA,
        GOROD,
        at(23, 7, 50, 3),
        (
            "Ночью на Новоречинск обрушился первый в этом сезоне сильный снегопад. За несколько часов выпало около 15 сантиметров снега, и к утру понедельника в городе образовались многокилометровые пробки.",
            "Для расчистки дорог на улицы вывели 80 единиц уборочной техники и более двухсот дворников. В первую очередь снег убирают с магистралей, мостов и маршрутов общественного транспорта, затем — с внутриквартальных проездов.",
            "«Коммунальные службы работают в круглосуточном режиме. Все подрядчики были заранее предупреждены о снегопаде», — сообщил руководитель городского департамента благоустройства Сергей Лапин.",
            "Тем не менее жители жаловались в социальных сетях на неубранные тротуары и остановки. Несколько автобусов не смогли подняться по обледеневшему склону на улице Гагарина, из-за чего движение на двух маршрутах было временно изменено.",
            "Госавтоинспекция призывает водителей без необходимости не выезжать на личном транспорте и соблюдать дистанцию. С начала суток зарегистрировано более 40 мелких аварий, пострадавших нет.",
            "По прогнозу синоптиков, снегопад прекратится к вечеру, а к середине недели ожидается похолодание до минус 12 градусов. Синоптики также предупреждают о гололедице на дорогах в ночные и утренние часы.",
        ),
    ),
)

VESTNIK_ABOUT = (
    "«Волжский вестник» — городская газета Новоречинска, выходящая с 1991 года. Сайт издания ежедневно публикует новости города и области, репортажи и интервью.",
    "Редакция находится по адресу: ул. Советская, 18. Сообщить новость можно по телефону редакции или через форму обратной связи.",
)

# --- 东岸商报 (zh) ----------------------------------------------------------------------

CHEN = Author("陈晓岚", "chen-xiaolan", "陈晓岚，东岸商报城市新闻部记者，长期关注城市更新与生态环境。")
WANG = Author("王俊", "wang-jun", "王俊，东岸商报财经记者，主要报道新能源与消费市场。")
CHENGSHI = Topic("chengshi", "城市")
CAIJING = Topic("caijing", "财经")
SHENGHUO = Topic("shenghuo", "生活")

DONGAN_STORIES = (
    Story(
        "charging-piles-exceed-50000",
        "临江市新能源汽车充电桩突破五万个",
        WANG,
        CAIJING,
        at(8, 9, 30, 8),
        (
            "记者从临江市发展和改革委员会获悉，截至10月底，全市已建成各类新能源汽车充电桩50312个，比去年同期增长近四成，中心城区基本实现“一公里充电圈”的目标。",
            "在新增的充电设施中，公共快充桩约占三分之一，主要分布在商业综合体、交通枢纽和高速公路服务区。与此同时，老旧小区的充电难题也有所缓解，今年共有120个小区完成了充电设施改造。",
            "“过去下班回家最头疼的就是找不到充电的地方，现在小区里就能充，晚上充电的电价也更便宜。”家住河西区的市民李先生告诉记者。",
            "市发改委相关负责人表示，随着新能源汽车保有量快速增长，部分热门区域在节假日仍会出现排队充电的情况。明年，临江将重点在城郊和农村地区布局充电站，并推广有序充电和车网互动技术，缓解电网高峰负荷压力。",
            "数据显示，临江市新能源汽车保有量目前已超过28万辆，占全市汽车总量的比例接近两成。",
            "业内人士认为，充电网络的完善将进一步提振消费者购买新能源汽车的信心。今年前十个月，全市新能源汽车销量同比增长约三成，已连续五年保持两位数增长。",
        ),
    ),
    Story(
        "old-town-renewal-first-residents-sign",
        "老城区改造项目启动 首批三百户居民签约",
        CHEN,
        CHENGSHI,
        at(15, 15, 0, 8),
        (
            "备受关注的临江老城区更新改造项目日前正式启动。在项目启动仪式上，首批300户居民与街道办事处签订了改造协议，标志着这片有着百年历史的街区即将迎来新的变化。",
            "据介绍，此次改造范围约42公顷，涉及居民近2000户。与以往大拆大建不同，项目坚持“留改拆”并举，将保留传统街巷格局和40余栋历史建筑，同时对供水、排水、燃气等老旧管网进行全面更新。",
            "“我们家在这里住了三代人，舍不得搬走。”今年68岁的张阿姨说，“听说改造以后可以原地回迁，房子还能加装电梯，我们都很支持。”",
            "项目负责人表示，改造将分三期进行，预计2029年全部完成。届时，老城区将新增公共绿地约3公顷，并建设社区食堂、养老服务中心和停车场等配套设施。",
            "有专家指出，老城区改造既要改善居民生活条件，也要注意保护城市记忆，避免“千城一面”。相关部门表示，将邀请居民代表全程参与方案设计和施工监督。",
        ),
    ),
    Story(
        "migratory-birds-arrive-wetland-park",
        "冬季候鸟飞抵湿地公园 观鸟爱好者纷至沓来",
        CHEN,
        SHENGHUO,
        at(22, 8, 10, 8),
        (
            "随着气温逐渐下降，大批冬候鸟近日陆续飞抵临江湿地公园越冬。据公园管理处监测，目前已记录到候鸟40余种、数量超过一万只，其中包括国家一级保护动物东方白鹳和黑鹳。",
            "清晨时分，湿地上空不时有成群的白琵鹭、灰鹤掠过，水面上野鸭成群结队地觅食嬉戏。不少观鸟爱好者早早架起“长枪短炮”，记录下这一难得的美景。",
            "“今年来的鸟比去年明显多了，特别是灰鹤，以前很少能看到这么大的群。”从事观鸟活动十余年的摄影爱好者周先生说。",
            "公园管理处负责人介绍，近年来，临江持续推进湿地生态修复，退养还湿面积累计达到1200亩，水质明显改善，为候鸟提供了充足的食物和安全的栖息环境。",
            "管理处提醒市民，观鸟时应保持安全距离，不要投喂、惊扰鸟类，严禁使用无人机近距离拍摄。候鸟越冬期间，湿地核心区将实行封闭管理。",
        ),
    ),
)

DONGAN_ABOUT = (
    "东岸商报创刊于2003年，是临江市主要的综合性都市媒体，报道范围涵盖城市发展、财经、民生和文化生活。",
    "东岸商报网站及客户端每日更新本地新闻，欢迎读者通过新闻热线提供新闻线索。",
)

# --- صحيفة الواحة (ar) -----------------------------------------------------------------

MANSOURI = Author(
    "سارة المنصوري", "sara-al-mansouri", "سارة المنصوري محررة في القسم الثقافي، تكتب عن الكتب والفنون والتراث."
)
OMARI = Author("خالد العمري", "khaled-al-omari", "خالد العمري صحفي اقتصادي متخصص في شؤون الطاقة والتجارة.")
IQTISAD = Topic("iqtisad", "اقتصاد")
THAQAFA = Topic("thaqafa", "ثقافة")

ALWAHA_STORIES = (
    Story(
        "solar-desalination-plant-opens",
        "افتتاح أكبر محطة لتحلية المياه بالطاقة الشمسية في المنطقة",
        OMARI,
        IQTISAD,
        at(10, 11, 0, 4),
        (
            "افتُتحت يوم الثلاثاء محطة جديدة لتحلية مياه البحر تعمل بالطاقة الشمسية على الساحل الشرقي، بطاقة إنتاجية تبلغ 300 ألف متر مكعب يومياً، لتصبح بذلك أكبر محطة من نوعها في المنطقة.",
            "وتعتمد المحطة على تقنية التناضح العكسي، وتُزوَّد بالكهرباء من حقل للألواح الشمسية تبلغ مساحته نحو خمسة كيلومترات مربعة، إضافة إلى بطاريات لتخزين الطاقة تتيح تشغيلها على مدار الساعة.",
            "وقال المدير التنفيذي لهيئة المياه، المهندس فيصل الحارثي، إن المشروع سيلبي احتياجات نحو مليون نسمة من مياه الشرب، وسيخفض انبعاثات الكربون بما يقارب 400 ألف طن سنوياً مقارنة بالمحطات التقليدية التي تعمل بالغاز.",
            "وبلغت تكلفة المشروع نحو 850 مليون دولار، ونُفذ بالشراكة بين القطاعين العام والخاص، على أن تتولى الشركة المشغلة إدارة المحطة لمدة خمسة وعشرين عاماً.",
            "ويرى خبراء أن المشروع يمثل خطوة مهمة نحو تقليل الاعتماد على الوقود الأحفوري في قطاع المياه، الذي يستهلك جزءاً كبيراً من الطاقة المنتجة في دول الخليج.",
            "ومن المقرر أن تبدأ المرحلة الثانية من المشروع مطلع عام 2028، لترتفع الطاقة الإنتاجية الإجمالية إلى 500 ألف متر مكعب يومياً.",
        ),
    ),
    Story(
        "book-fair-300000-visitors",
        "معرض الكتاب الدولي يستقبل 300 ألف زائر في أسبوعه الأول",
        MANSOURI,
        THAQAFA,
        at(17, 19, 30, 4),
        (
            "استقبل معرض الكتاب الدولي في دورته الخامسة عشرة أكثر من 300 ألف زائر خلال أسبوعه الأول، وفق ما أعلنته اللجنة المنظمة، في رقم قياسي يتجاوز ما سجلته الدورة السابقة بأكثر من عشرين في المئة.",
            "ويشارك في المعرض هذا العام نحو 1200 دار نشر من 45 دولة، تعرض أكثر من مئتي ألف عنوان في مجالات الأدب والفكر والعلوم وكتب الأطفال.",
            "وقالت مديرة المعرض، الدكتورة ليلى الزعابي، إن الإقبال الكبير من فئة الشباب كان لافتاً، مشيرة إلى أن جناح الروايات المترجمة وجناح القصص المصورة شهدا ازدحاماً يومياً منذ الافتتاح.",
            "ويتضمن البرنامج الثقافي المصاحب أكثر من 400 فعالية، بينها ندوات فكرية وأمسيات شعرية وورش للكتابة الإبداعية، إضافة إلى جلسات توقيع لعدد من الكتّاب العرب والأجانب.",
            "وأبدى عدد من الناشرين ارتياحهم لحركة البيع رغم ارتفاع تكاليف الطباعة والشحن، فيما لجأت دور نشر صغيرة إلى تقديم تخفيضات لجذب القراء.",
            "ويستمر المعرض حتى نهاية الشهر الجاري، ويفتح أبوابه يومياً من العاشرة صباحاً حتى العاشرة مساءً، مع تخصيص الفترة الصباحية لزيارات طلاب المدارس.",
        ),
    ),
    Story(
        "date-exports-rise-12-percent",
        "ارتفاع صادرات التمور بنسبة 12 في المئة خلال الربع الثالث",
        OMARI,
        IQTISAD,
        at(25, 9, 15, 4),
        (
            "ارتفعت صادرات التمور بنسبة 12 في المئة خلال الربع الثالث من العام الجاري مقارنة بالفترة نفسها من العام الماضي، لتصل قيمتها إلى نحو 410 ملايين دولار، بحسب بيانات صادرة عن المركز الوطني للإحصاء.",
            "وعزا المركز هذا النمو إلى زيادة الطلب في الأسواق الآسيوية والأوروبية، إلى جانب توسع المصانع المحلية في إنتاج مشتقات التمور مثل الدبس وعجينة التمر والحلويات المغلفة.",
            "وقال رئيس جمعية منتجي التمور، عبد الله الكعبي، إن المزارعين استفادوا من برامج الدعم الحكومي لتحديث أنظمة الري والتخزين المبرد، ما ساعد على تحسين جودة المحصول وإطالة مدة صلاحيته.",
            "وأضاف أن شحنات التمور باتت تصل إلى أكثر من ستين دولة، مشيراً إلى أن الأسواق الجديدة في شرق آسيا تمثل فرصة كبيرة للنمو خلال السنوات المقبلة.",
            "في المقابل، حذر مختصون من تأثير ارتفاع درجات الحرارة وشح المياه على إنتاجية النخيل على المدى الطويل، داعين إلى التوسع في زراعة الأصناف الأكثر تحملاً للجفاف.",
            "ويتجاوز عدد أشجار النخيل في البلاد 40 مليون نخلة، تنتج سنوياً ما يزيد على مليون طن من التمور من أكثر من 300 صنف.",
        ),
    ),
)

ALWAHA_ABOUT = (
    "صحيفة الواحة صحيفة يومية مستقلة تأسست عام 1998، وتقدم لقرائها الأخبار المحلية والاقتصادية والثقافية على مدار الساعة.",
    "يعمل في الصحيفة فريق من المحررين والمراسلين في مختلف مدن البلاد، ويمكن التواصل مع التحرير عبر البريد الإلكتروني أو الهاتف.",
)
