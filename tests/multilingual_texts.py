"""Multilingual test data: short invented news articles in many languages and scripts.

:data:`ARTICLES` holds one article in each of sixteen languages (en, de, fr, es, ru, uk, el,
ar, he, fa, hi, zh, ja, ko, th, tr). :data:`CLOSE_PAIRS` holds articles in languages that
language detectors tend to confuse, written on shared topics: Russian/Ukrainian/Bulgarian
(start of the heating season), Spanish/Catalan/Portuguese (a market reopening),
Indonesian/Malay (free school buses) and Traditional Chinese as used in Taiwan (holiday
tourism at a lake).

Every text is original and fictional: people, numbers and events are made up (towns are
invented or, in a few stories, real places used only as a setting). langdetect has no Malay
profile, so it reports the Malay text as Indonesian.
``search_word`` is a word that occurs in the body exactly as given, and ``short`` is the
article's first sentence (under 120 characters), also part of the body.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    language: str  # ISO 639-1 ("zh" for both simplified and traditional)
    variant: str  # "" normally; "zh-tw" for Traditional Chinese (Taiwan)
    script: str  # "Latin", "Cyrillic", "Greek", "Arabic", "Hebrew", "Devanagari", "Han", ...
    headline: str
    paragraphs: tuple[str, ...]
    search_word: str  # occurs in the body exactly as written
    short: str  # the first sentence of the body, under 120 characters

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


ARTICLES: tuple[Text, ...] = (
    Text(
        language="en",
        variant="",
        script="Latin",
        headline="Island ferry back in service after three-week repair",
        paragraphs=(
            "Ferry service between Port Alder and Kestrel Island resumed on Monday after a three-week suspension. "
            "The MV Osprey, the only vessel on the route, had been taken out of the water in early March when "
            "inspectors found a cracked engine mount.",
            "About 1,400 people live on Kestrel Island year-round, and many depend on the 40-minute crossing to "
            "reach jobs, schools and the regional hospital. During the shutdown the county chartered two fishing "
            "boats to carry passengers, but they could not take cars or freight.",
            "\u201cPeople were rationing propane and sending their trucks over on a barge once a week,\u201d said "
            "Dana Whitcombe, who runs the island\u2019s only grocery store. \u201cIt has been a very long month.\u201d",
            "The county transportation department said the repair cost $312,000, most of it covered by a state "
            "emergency fund. Officials added that a second, smaller ferry has been ordered and should arrive by "
            "late next year, giving the route a backup vessel for the first time.",
        ),
        search_word="propane",
        short="Ferry service between Port Alder and Kestrel Island resumed on Monday after a three-week suspension.",
    ),
    Text(
        language="de",
        variant="",
        script="Latin",
        headline="Stadtwerke Lindenau senken Fernwärmepreise zum Jahresbeginn",
        paragraphs=(
            "Die Stadtwerke Lindenau senken ab Januar die Preise für Fernwärme um durchschnittlich elf Prozent. "
            "Das teilte Geschäftsführerin Katrin Oberländer am Dienstag bei einer Pressekonferenz im Rathaus mit. "
            "Rund 23.000 Haushalte in der Stadt sind an das Netz angeschlossen.",
            "Als Grund nannte das Unternehmen gesunkene Einkaufspreise für Erdgas sowie die neue Großwärmepumpe am "
            "Klärwerk, die seit dem Sommer etwa ein Fünftel des Bedarfs deckt. Eine Familie in einer "
            "Dreizimmerwohnung spare dadurch im Jahr rund 140 Euro, rechnete Oberländer vor.",
            "Der Mieterverein begrüßte die Entscheidung, mahnte aber mehr Transparenz an. \u201eDie Preise sind in "
            "den vergangenen zwei Jahren deutlich gestiegen, da ist eine Senkung das Mindeste\u201c, sagte die "
            "Vorsitzende Sabine Krüger. Viele Mieter wüssten zudem nicht, dass Vermieter die Ersparnis mit der "
            "nächsten Nebenkostenabrechnung weitergeben müssen.",
            "Bis 2030 wollen die Stadtwerke den Anteil erneuerbarer Energien im Fernwärmenetz auf die Hälfte "
            "steigern. Geplant sind unter anderem eine Solarthermieanlage am Stadtrand und die Nutzung der Abwärme "
            "eines Rechenzentrums im Gewerbegebiet Nord.",
        ),
        search_word="Mieterverein",
        short="Die Stadtwerke Lindenau senken ab Januar die Preise für Fernwärme um durchschnittlich elf Prozent.",
    ),
    Text(
        language="fr",
        variant="",
        script="Latin",
        headline="À Saint-Aubin-sur-Loire, la boulangerie du village rouvre grâce à une coopérative",
        paragraphs=(
            "Fermée depuis près de deux ans, la boulangerie de Saint-Aubin-sur-Loire a rouvert samedi matin. "
            "Une file d'attente s'était formée dès six heures devant la vitrine, rue de l'Église.",
            "Le commerce est désormais géré par une société coopérative d'intérêt collectif, qui réunit la "
            "commune, une quarantaine d'habitants et deux artisans. Chaque sociétaire a apporté au moins cent "
            "euros, ce qui a permis de rassembler 68 000 euros pour remplacer le four et remettre le fournil aux "
            "normes.",
            "« Quand le dernier boulanger est parti à la retraite, on a vraiment senti le village se vider », "
            "raconte le maire, Jean-Michel Perrault. « Les anciens n'avaient plus de raison de sortir le matin, "
            "et les jeunes familles hésitaient à s'installer chez nous. »",
            "Aux commandes du fournil, Léa Marchand, 29 ans, a quitté une grande enseigne de Tours pour tenter "
            "l'aventure. Elle proposera des pains au levain et des viennoiseries, mais aussi un dépôt de journaux "
            "et un point relais colis. La boutique sera ouverte six jours sur sept.",
        ),
        search_word="sociétaire",
        short="Fermée depuis près de deux ans, la boulangerie de Saint-Aubin-sur-Loire a rouvert samedi matin.",
    ),
    Text(
        language="es",
        variant="",
        script="Latin",
        headline="Un pueblo de la sierra recupera su escuela tras doce años cerrada",
        paragraphs=(
            "La escuela de Castelnovo de la Sierra volverá a abrir sus aulas en septiembre, doce años después de "
            "cerrar. El Gobierno autonómico confirmó el lunes la reapertura, después de que el municipio "
            "alcanzara los seis niños en edad escolar que exige la normativa.",
            "La llegada de tres familias en el último año ha sido decisiva. Dos de ellas se instalaron atraídas "
            "por un programa municipal que ofrece viviendas rehabilitadas por 150 euros al mes; la tercera abrió "
            "una quesería en el edificio de la antigua cooperativa.",
            "«Cuando nos dijeron que habría escuela, ya no tuvimos dudas», explica Marta Lozano, que se mudó "
            "desde Valencia con su marido y sus dos hijas. «Aquí los niños pueden ir andando a clase y jugar en "
            "la calle sin que tengamos que estar pendientes todo el rato».",
            "El alcalde, Joaquín Benedí, reconoce que el reto ahora es mantener la matrícula. El Ayuntamiento de "
            "este municipio de 97 habitantes ya negocia con la Diputación la rehabilitación de otras cuatro casas "
            "y la mejora de la conexión a internet, una de las principales demandas de quienes teletrabajan.",
        ),
        search_word="quesería",
        short="La escuela de Castelnovo de la Sierra volverá a abrir sus aulas en septiembre, doce años después de cerrar.",
    ),
    Text(
        language="ru",
        variant="",
        script="Cyrillic",
        headline="В Заречинске после ремонта открылась детская библиотека",
        paragraphs=(
            "В Заречинске после двухлетнего ремонта снова открылась центральная детская библиотека. Первыми "
            "читателями стали ученики школы № 4, которые пришли на открытие вместе с учителями.",
            "Здание постройки 1960-х годов закрыли в 2024 году из-за аварийного состояния кровли. Помимо кровли, "
            "строители заменили окна, проводку и систему отопления, а у входа появился пандус для посетителей на "
            "колясках. Работы обошлись городскому бюджету примерно в 48 миллионов рублей.",
            "«Мы хотели, чтобы сюда было интересно приходить не только за книгами», — рассказала директор "
            "библиотеки Ольга Сафронова. По её словам, в обновлённом здании оборудовали зал для настольных игр, "
            "небольшую студию звукозаписи и читальный зал с видом на реку.",
            "Фонд библиотеки пополнился почти тремя тысячами новых изданий, часть которых жители города передали "
            "в дар. В ближайшие месяцы здесь планируют запустить кружок робототехники и летние чтения для "
            "младших школьников.",
        ),
        search_word="кровли",
        short="В Заречинске после двухлетнего ремонта снова открылась центральная детская библиотека.",
    ),
    Text(
        language="uk",
        variant="",
        script="Cyrillic",
        headline="У Ковилівці відкрили сучасну амбулаторію сімейної медицини",
        paragraphs=(
            "У Ковилівці в понеділок відкрили нову амбулаторію сімейної медицини. Раніше мешканцям громади "
            "доводилося їздити до лікаря в районний центр, за тридцять кілометрів.",
            "Одноповерхову будівлю звели на місці старого фельдшерського пункту всього за вісім місяців. Тут "
            "працюватимуть двоє сімейних лікарів і три медсестри, є також кабінет для забору аналізів і невелика "
            "аптека. Будівництво коштувало майже 19 мільйонів гривень, більшу частину яких виділила держава.",
            "«Для наших людей це справжня подія, адже більшість пацієнтів — літні люди, яким важко добиратися "
            "автобусом», — зазначила староста села Галина Мельничук. За її словами, до амбулаторії вже "
            "записалися понад півтори тисячі жителів довколишніх сіл.",
            "Наступного року громада планує придбати для закладу власний автомобіль, щоб лікарі могли вчасно "
            "виїжджати на виклики. Крім того, у приміщенні облаштують окрему кімнату для телемедичних "
            "консультацій із фахівцями обласної лікарні.",
        ),
        search_word="фельдшерського",
        short="У Ковилівці в понеділок відкрили нову амбулаторію сімейної медицини.",
    ),
    Text(
        language="el",
        variant="",
        script="Greek",
        headline="Νέα γραμμή λεωφορείου συνδέει τα ορεινά χωριά με την πόλη",
        paragraphs=(
            "Από τη Δευτέρα λειτουργεί νέα γραμμή λεωφορείου που συνδέει πέντε ορεινά χωριά με το κέντρο της "
            "Καλαμιάς. Τα δρομολόγια πραγματοποιούνται τέσσερις φορές την ημέρα, από τις έξι το πρωί έως τις "
            "εννέα το βράδυ.",
            "Μέχρι σήμερα οι περίπου 2.300 κάτοικοι της περιοχής δεν είχαν καμία σύνδεση με τη δημόσια "
            "συγκοινωνία. Οι ηλικιωμένοι, που αποτελούν την πλειονότητα, αναγκάζονταν να πληρώνουν ταξί ή να "
            "ζητούν τη βοήθεια συγγενών για να πάνε στο νοσοκομείο ή στην τράπεζα.",
            "«Επιτέλους δεν θα εξαρτόμαστε από κανέναν», λέει η 74χρονη Ελένη Παπαδάκη, κάτοικος της Άνω Ροδιάς. "
            "«Μπορώ να κατέβω στην αγορά και να γυρίσω σπίτι πριν από το μεσημέρι».",
            "Το κόστος λειτουργίας της γραμμής ανέρχεται σε 180.000 ευρώ τον χρόνο και καλύπτεται από τον "
            "δημοτικό προϋπολογισμό. Το εισιτήριο κοστίζει ένα ευρώ, ενώ για συνταξιούχους και μαθητές η "
            "μετακίνηση είναι δωρεάν. Ο δήμαρχος Νίκος Σταθόπουλος ανέφερε ότι, αν η ζήτηση είναι ικανοποιητική, "
            "τα δρομολόγια θα αυξηθούν το καλοκαίρι.",
        ),
        search_word="συγκοινωνία",
        short="Από τη Δευτέρα λειτουργεί νέα γραμμή λεωφορείου που συνδέει πέντε ορεινά χωριά με το κέντρο της Καλαμιάς.",
    ),
    Text(
        language="ar",
        variant="",
        script="Arabic",
        headline="افتتاح محطة لتحلية مياه البحر تعمل بالطاقة الشمسية",
        paragraphs=(
            "افتتحت السلطات المحلية في مدينة الساحل الجديد، صباح الأحد، محطة لتحلية مياه البحر تعمل بالطاقة "
            "الشمسية. وتبلغ الطاقة الإنتاجية للمحطة نحو عشرين ألف متر مكعب يوميا، وهو ما يكفي لتلبية احتياجات "
            "قرابة ثمانين ألف نسمة.",
            "وقال مدير المشروع، المهندس سامر الحداد، إن المحطة تعتمد على أكثر من ستة آلاف لوح شمسي جرى تركيبها "
            "على أرض مجاورة، مما يخفض تكاليف التشغيل بنسبة تصل إلى أربعين في المئة مقارنة بالمحطات التقليدية. "
            "وأضاف أن بطاريات التخزين تسمح باستمرار العمل عدة ساعات بعد غروب الشمس.",
            "وعانت المدينة خلال السنوات الماضية من انقطاعات متكررة في إمدادات المياه، خصوصا في أشهر الصيف، حين "
            "كانت الأسر تضطر إلى شراء المياه من الصهاريج بأسعار مرتفعة. وقالت ليلى منصور، وهي أم لثلاثة أطفال، "
            "إنها كانت تنفق ما يقارب ربع دخل الأسرة على المياه.",
            "وبلغت كلفة المشروع نحو خمسة وأربعين مليون دولار، بتمويل مشترك من الحكومة وصندوق تنموي إقليمي. ومن "
            "المقرر أن تبدأ المرحلة الثانية العام المقبل، بهدف مضاعفة الإنتاج وربط القرى المجاورة بالشبكة.",
        ),
        search_word="الصهاريج",
        short="افتتحت السلطات المحلية في مدينة الساحل الجديد، صباح الأحد، محطة لتحلية مياه البحر تعمل بالطاقة الشمسية.",
    ),
    Text(
        language="he",
        variant="",
        script="Hebrew",
        headline="פארק חדש לאורך הנחל נפתח לציבור אחרי שלוש שנות עבודה",
        paragraphs=(
            "פארק נחל חדש נפתח ביום שלישי לציבור ברמת הדקלים, אחרי שלוש שנים של עבודות שיקום. לאורך הנחל נסללו "
            "כשישה קילומטרים של שבילי הליכה ורכיבה, ונשתלו יותר מארבעת אלפים עצים ושיחים.",
            "עד לפני כמה שנים זרמו בנחל ביוב ושפכים, והגדות שימשו בעיקר להשלכת פסולת בניין. במסגרת הפרויקט הוקם "
            "מתקן טיהור, וכיום הנחל מוזן בקולחין מטוהרים באיכות גבוהה. לדברי רשות הניקוז, כבר נצפו באזור צבים, "
            "אנפות ולפחות שלושה מיני דגים.",
            '"זה היה מקום שאף אחד לא רצה להתקרב אליו, והיום אני רואה כאן משפחות עם עגלות", אמרה מיכל אברהמי, '
            'תושבת השכונה הסמוכה. "בשבת בבוקר כבר קשה למצוא ספסל פנוי."',
            "עלות הפרויקט הסתכמה בכ-85 מיליון שקל, שמומנו על ידי העירייה ומשרד הגנת הסביבה. בעירייה מתכננים "
            "להוסיף בשנה הבאה מרכז מבקרים וגשר להולכי רגל שיחבר בין שתי גדות הנחל.",
        ),
        search_word="בקולחין",
        short="פארק נחל חדש נפתח ביום שלישי לציבור ברמת הדקלים, אחרי שלוש שנים של עבודות שיקום.",
    ),
    Text(
        language="fa",
        variant="",
        script="Arabic",
        headline="کتابخانه سیار به روستاهای دورافتاده می‌رود",
        paragraphs=(
            "نخستین کتابخانه سیار شهرستان دشت‌آباد از روز شنبه کار خود را آغاز کرد. این کتابخانه در یک اتوبوس "
            "بازسازی‌شده راه‌اندازی شده و هر هفته به دوازده روستای دورافتاده سر می‌زند.",
            "در این اتوبوس حدود سه هزار جلد کتاب برای کودکان و بزرگسالان قرار دارد و دو کتابدار، علاوه بر امانت "
            "دادن کتاب، برای بچه‌ها جلسه‌های قصه‌خوانی برگزار می‌کنند. بیشتر این روستاها تاکنون هیچ کتابخانه‌ای "
            "نداشته‌اند و نزدیک‌ترین کتابخانه عمومی بیش از چهل کیلومتر با آن‌ها فاصله دارد.",
            "مریم رضایی، معلم دبستان روستای چشمه‌سفید، می‌گوید: «شاگردانم از صبح منتظر آمدن اتوبوس بودند. برای "
            "خیلی از آن‌ها این اولین بار است که می‌توانند خودشان کتاب انتخاب کنند.»",
            "به گفته مسئولان، هزینه خرید و تجهیز اتوبوس با کمک خیّران محلی تأمین شده است. اداره کتابخانه‌های "
            "عمومی شهرستان قصد دارد در صورت استقبال مردم، تا پایان سال دومین کتابخانه سیار را نیز راه‌اندازی کند.",
        ),
        search_word="کتابدار",
        short="نخستین کتابخانه سیار شهرستان دشت‌آباد از روز شنبه کار خود را آغاز کرد.",
    ),
    Text(
        language="hi",
        variant="",
        script="Devanagari",
        headline="गाँव की महिलाओं ने शुरू की सौर ऊर्जा से चलने वाली आटा चक्की",
        paragraphs=(
            "राजस्थान के केसरपुरा गाँव की महिलाओं ने सौर ऊर्जा से चलने वाली आटा चक्की शुरू की है। इससे गाँव के "
            "लोगों को अब गेहूँ और बाजरा पिसवाने के लिए पंद्रह किलोमीटर दूर कस्बे तक नहीं जाना पड़ता।",
            "यह चक्की बारह महिलाओं के एक स्वयं सहायता समूह ने मिलकर लगाई है। इसकी कुल लागत करीब ढाई लाख रुपये "
            "आई, जिसमें से आधी रकम बैंक से कर्ज़ के रूप में ली गई। समूह की अध्यक्ष कमला देवी ने बताया कि बिजली "
            "का बिल न आने की वजह से वे पिसाई का शुल्क बाज़ार से कम रख पा रही हैं।",
            "कमला देवी ने कहा, \u201cपहले हमें दिन भर इंतज़ार करना पड़ता था कि कब बिजली आएगी। अब धूप निकलते ही "
            "चक्की चालू हो जाती है और शाम तक काम चलता रहता है।\u201d उनके मुताबिक, समूह हर महीने औसतन आठ से दस "
            "हज़ार रुपये कमा रहा है।",
            "ज़िला प्रशासन ने इस पहल की सराहना की है। अधिकारियों का कहना है कि आसपास के छह और गाँवों में इसी तरह "
            "की चक्कियाँ लगाने की योजना बनाई जा रही है, ताकि ग्रामीण महिलाओं को रोज़गार के नए अवसर मिल सकें।",
        ),
        search_word="बाजरा",
        short="राजस्थान के केसरपुरा गाँव की महिलाओं ने सौर ऊर्जा से चलने वाली आटा चक्की शुरू की है।",
    ),
    Text(
        language="zh",
        variant="",
        script="Han",
        headline="山区小学用上“空中课堂” 孩子们与城里同学同上一节课",
        paragraphs=(
            "本周一，云岭县青石村小学的二十三名学生第一次通过远程直播系统，与两百公里外的市实验小学同步上了一节英语课。",
            "青石村小学地处深山，全校只有四名教师，长期开不齐音乐、美术和英语课程。今年春天，县教育局投入约六十万元，"
            "为全县十一所村小安装了高清摄像头、大屏幕和专用网络，让乡村学生可以实时参与城区学校的课堂。",
            "“以前孩子们只能听录音学英语，现在可以直接举手向城里的老师提问。”青石村小学校长李秀兰说。她表示，"
            "学生们刚开始有些害羞，但几节课下来，已经能主动和屏幕另一端的同学打招呼了。",
            "县教育局相关负责人介绍，下学期还将增加科学实验和书法课程，并组织城乡教师定期交流备课。该负责人同时坦言，"
            "山区网络信号不够稳定，遇到雨雪天气时偶尔会出现卡顿，相关部门正在协调运营商加快基站建设。",
        ),
        search_word="书法",
        short="本周一，云岭县青石村小学的二十三名学生第一次通过远程直播系统，与两百公里外的市实验小学同步上了一节英语课。",
    ),
    Text(
        language="ja",
        variant="",
        script="Japanese",
        headline="廃校を活用した宿泊施設がオープン　地域の交流拠点に",
        paragraphs=(
            "長野県の山あいにある旧大沢小学校が宿泊施設として生まれ変わり、今月10日にオープンした。"
            "木造の校舎をそのまま生かした造りが評判を呼び、週末の予約はすでに埋まりつつあるという。",
            "同校は児童数の減少により2019年に閉校した。地元の住民らが設立した会社が町から校舎を借り受け、"
            "約1億2千万円をかけて改修。教室を客室に改装したほか、理科室はカフェに、体育館は地元の食材を使った"
            "レストランとして生まれ変わった。",
            "運営会社の代表を務める佐藤由美子さん（52）は「卒業生が家族を連れて泊まりに来てくれるのがうれしい。"
            "思い出の場所を残せてよかった」と話す。オープン初日には卒業生ら約80人が集まり、懐かしい校舎を見て回った。",
            "施設では、そば打ちや農業体験などのプログラムも用意している。町は都市部からの観光客を呼び込み、"
            "地域の活性化につなげたい考えだ。",
        ),
        search_word="体育館",
        short="長野県の山あいにある旧大沢小学校が宿泊施設として生まれ変わり、今月10日にオープンした。",
    ),
    Text(
        language="ko",
        variant="",
        script="Hangul",
        headline="전통시장에 청년 상인 몰려…빈 점포 절반 새 주인 찾아",
        paragraphs=(
            "한때 빈 점포가 즐비했던 강원도 솔내시장이 청년 상인들 덕분에 다시 활기를 되찾고 있다. "
            "주말이면 골목마다 젊은 손님들로 붐빈다.",
            "시에 따르면 2년 전만 해도 이 시장 점포 60여 곳 가운데 절반 가까이가 비어 있었다. 시는 지난해부터 "
            "만 39세 이하 창업자에게 임대료의 80%를 최대 2년간 지원하는 사업을 벌였고, 지금까지 청년 상인 "
            "17명이 입점했다.",
            "새로 문을 연 가게는 수제 맥줏집, 떡 카페, 반찬 가게 등 다양하다. 서울에서 직장을 그만두고 고향으로 "
            "돌아와 빵집을 차린 김지현(31) 씨는 \u201c처음에는 걱정이 많았지만 오래 장사해 온 상인분들이 요령을 "
            "알려주셔서 큰 힘이 됐다\u201d고 말했다.",
            "상인회는 올해 방문객 수가 지난해보다 40%가량 늘어난 것으로 추산했다. 다만 일부 상인들은 지원 기간이 "
            "끝난 뒤에도 청년들이 자리를 지킬 수 있도록 장기적인 대책이 필요하다고 지적했다.",
        ),
        search_word="창업자에게",
        short="한때 빈 점포가 즐비했던 강원도 솔내시장이 청년 상인들 덕분에 다시 활기를 되찾고 있다.",
    ),
    Text(
        language="th",
        variant="",
        script="Thai",
        headline="เกษตรกรเชียงรายส่งออกกาแฟอินทรีย์ล็อตแรกไปญี่ปุ่น",
        paragraphs=(
            "กลุ่มเกษตรกรบ้านห้วยน้ำใส จังหวัดเชียงราย ส่งออกเมล็ดกาแฟอินทรีย์ล็อตแรกไปยังญี่ปุ่นแล้ว ปริมาณรวม 3 ตัน มูลค่ากว่า 1.2 ล้านบาท",
            "นายสมชาย แก้วมณี ประธานกลุ่ม เปิดเผยว่า สมาชิก 42 ครัวเรือนหันมาปลูกกาแฟใต้ร่มไม้แทนข้าวโพดเมื่อ 6 ปีก่อน "
            "เพื่อลดการเผาและการใช้สารเคมี ปัจจุบันรายได้ของแต่ละครอบครัวเพิ่มขึ้นเกือบเท่าตัว",
            "ด้านสำนักงานเกษตรจังหวัดเชียงรายระบุว่า เตรียมสนับสนุนเครื่องคั่วและโรงตากเมล็ด เพื่อให้กลุ่มแปรรูปสินค้าได้เองในอนาคต",
        ),
        search_word="กาแฟ",
        short="กลุ่มเกษตรกรบ้านห้วยน้ำใส จังหวัดเชียงราย ส่งออกเมล็ดกาแฟอินทรีย์ล็อตแรกไปยังญี่ปุ่นแล้ว",
    ),
    Text(
        language="tr",
        variant="",
        script="Latin",
        headline="Fatsa'da fındık hasadı erken başladı, üreticinin gözü fiyatta",
        paragraphs=(
            "Ordu'nun Fatsa ilçesinde fındık hasadı bu yıl her zamankinden yaklaşık iki hafta erken başladı. "
            "Sıcak ve kurak geçen yaz nedeniyle fındıkların erken olgunlaştığını belirten üreticiler, sabahın "
            "ilk saatlerinde bahçelere çıkıyor.",
            "Ziraat Odası Başkanı Mehmet Yılmazer, ilçede bu sezon yaklaşık 18 bin ton rekolte beklendiğini "
            "söyledi. Yılmazer, \u201cGeçen yıl zirai don yüzünden ciddi kayıplar yaşamıştık. Bu yıl verim daha "
            "iyi görünüyor, ancak bazı bahçelerde kuraklık nedeniyle randıman düşük\u201d dedi.",
            "Hasatta çalışmak için Doğu ve Güneydoğu Anadolu'dan gelen mevsimlik tarım işçileri de bölgeye "
            "ulaşmaya başladı. Kaymakamlık, işçilerin barınma ve sağlık ihtiyaçları için çadır kentte gerekli "
            "düzenlemelerin yapıldığını açıkladı.",
            "Üreticilerin gözü ise açıklanacak alım fiyatında. Fatsalı üretici Ayşe Karaca, gübre ve mazot "
            "fiyatlarının arttığını hatırlatarak, \u201cFiyat masrafları karşılamazsa gençler bu işten tamamen "
            "kopar\u201d diye konuştu.",
        ),
        search_word="rekolte",
        short="Ordu'nun Fatsa ilçesinde fındık hasadı bu yıl her zamankinden yaklaşık iki hafta erken başladı.",
    ),
)


CLOSE_PAIRS: tuple[Text, ...] = (
    Text(
        language="ru",
        variant="",
        script="Cyrillic",
        headline="В Северогорске начался отопительный сезон",
        paragraphs=(
            "В Северогорске с понедельника начали подавать тепло в жилые дома. Первыми батареи потеплели в "
            "больницах, школах и детских садах, сообщили в городской администрации.",
            "Решение приняли досрочно: среднесуточная температура воздуха уже пять дней подряд держится ниже "
            "восьми градусов. По данным теплоснабжающей компании, подключение всех многоквартирных домов займёт "
            "около недели.",
            "Жителей просят не перекрывать краны на радиаторах и сообщать об утечках в единую диспетчерскую "
            "службу. «Если через семь дней в квартире всё ещё холодно, обязательно оставьте заявку», — пояснил "
            "главный инженер предприятия Андрей Ковалёв. Он также напомнил, что тариф на тепло в этом году не "
            "изменится.",
        ),
        search_word="радиаторах",
        short="В Северогорске с понедельника начали подавать тепло в жилые дома.",
    ),
    Text(
        language="uk",
        variant="",
        script="Cyrillic",
        headline="У Новоберезові стартував опалювальний сезон",
        paragraphs=(
            "У Новоберезові з понеділка почали подавати тепло до житлових будинків. Першими опалення отримали "
            "лікарні, школи та дитячі садочки, повідомили в міській раді.",
            "Рішення ухвалили раніше, ніж планувалося: середньодобова температура повітря вже п\u2019ятий день "
            "поспіль тримається нижче восьми градусів. За даними комунального підприємства «Міськтеплоенерго», "
            "підключення всіх багатоквартирних будинків триватиме приблизно тиждень.",
            "Мешканців просять не перекривати крани на батареях і повідомляти про витоки до диспетчерської "
            "служби. «Якщо за сім днів у квартирі й далі холодно, обов\u2019язково залиште заявку», — пояснив "
            "головний інженер підприємства Олег Гнатюк. Він також нагадав, що цьогоріч тариф на тепло "
            "залишиться незмінним.",
        ),
        search_word="середньодобова",
        short="У Новоберезові з понеділка почали подавати тепло до житлових будинків.",
    ),
    Text(
        language="bg",
        variant="",
        script="Cyrillic",
        headline="В Белоречие започна отоплителният сезон",
        paragraphs=(
            "В Белоречие от понеделник започна подаването на топлоенергия към жилищните сгради. Първи бяха "
            "включени болниците, училищата и детските градини, съобщиха от общината.",
            "Решението е взето по-рано от обичайното, тъй като вече пети пореден ден средноденонощната "
            "температура се задържа под осем градуса. По данни на топлофикационното дружество включването на "
            "всички абонати ще отнеме около седмица.",
            "От дружеството призовават гражданите да не затварят кранчетата на радиаторите и да съобщават за "
            "течове на денонощния телефон. \u201eАко след седмица в жилището все още е студено, непременно "
            "подайте сигнал\u201c, обясни главният инженер Стоян Петков. Той уточни, че цената на топлоенергията "
            "остава без промяна до края на годината.",
        ),
        search_word="топлофикационното",
        short="В Белоречие от понеделник започна подаването на топлоенергия към жилищните сгради.",
    ),
    Text(
        language="es",
        variant="",
        script="Latin",
        headline="El mercado municipal reabre tras casi dos años de obras",
        paragraphs=(
            "El mercado municipal de Villaseca reabrió este sábado tras casi dos años de obras de reforma. "
            "Decenas de vecinos acudieron desde primera hora para recorrer los nuevos puestos y comprobar los "
            "cambios.",
            "La rehabilitación, que ha costado 3,4 millones de euros, ha permitido sustituir la cubierta, "
            "instalar placas solares y crear una zona de restauración con mesas compartidas. De los 32 puestos, "
            "27 ya están ocupados, la mayoría por comerciantes que trabajaban en el antiguo edificio.",
            "«Hemos pasado dos años vendiendo en una carpa provisional, con frío en invierno y un calor "
            "insoportable en verano», explicó Rosario Giménez, que regenta una frutería desde hace tres décadas. "
            "El Ayuntamiento prevé ampliar el horario los viernes por la tarde a partir del próximo mes.",
        ),
        search_word="frutería",
        short="El mercado municipal de Villaseca reabrió este sábado tras casi dos años de obras de reforma.",
    ),
    Text(
        language="ca",
        variant="",
        script="Latin",
        headline="El mercat municipal torna a obrir després de gairebé dos anys d'obres",
        paragraphs=(
            "El mercat municipal de Santa Coloma del Riu ha reobert aquest dissabte després de gairebé dos anys "
            "d'obres. Desenes de veïns s'hi han acostat des de primera hora per recórrer les noves parades i "
            "veure'n els canvis.",
            "La rehabilitació, que ha costat 3,1 milions d'euros, ha permès substituir la coberta, instal·lar "
            "plaques solars i habilitar un espai de restauració amb taules compartides. De les 28 parades, 24 ja "
            "estan ocupades, la majoria per paradistes que treballaven a l'antic edifici.",
            "«Hem passat dos anys venent en una carpa provisional, amb fred a l'hivern i una calor insuportable "
            "a l'estiu», ha explicat la Montserrat Puig, que porta una parada de fruita i verdura des de fa "
            "trenta anys. L'Ajuntament preveu allargar l'horari els divendres a la tarda a partir del mes que ve.",
        ),
        search_word="paradistes",
        short="El mercat municipal de Santa Coloma del Riu ha reobert aquest dissabte després de gairebé dos anys d'obres.",
    ),
    Text(
        language="pt",
        variant="",
        script="Latin",
        headline="Mercado municipal reabre depois de quase dois anos de obras",
        paragraphs=(
            "O mercado municipal de Vila Nova do Sabor reabriu no sábado, depois de quase dois anos de obras. "
            "Dezenas de moradores acorreram logo de manhã para ver as novas bancas e as mudanças no edifício.",
            "A requalificação, que custou 2,8 milhões de euros, permitiu substituir a cobertura, instalar painéis "
            "solares e criar uma zona de restauração com mesas partilhadas. Das 30 bancas, 25 já estão ocupadas, "
            "a maioria por comerciantes que trabalhavam no antigo mercado.",
            "«Passámos dois anos a vender numa tenda provisória, com frio no inverno e um calor insuportável no "
            "verão», contou Fernanda Lopes, que tem uma banca de fruta há três décadas. A câmara municipal prevê "
            "alargar o horário às sextas-feiras à tarde a partir do próximo mês.",
        ),
        search_word="partilhadas",
        short="O mercado municipal de Vila Nova do Sabor reabriu no sábado, depois de quase dois anos de obras.",
    ),
    Text(
        language="id",
        variant="",
        script="Latin",
        headline="Pemkot Sukamaju Luncurkan Bus Listrik Gratis untuk Pelajar",
        paragraphs=(
            "Pemerintah Kota Sukamaju meluncurkan layanan bus listrik gratis bagi pelajar pada Senin pagi. "
            "Sebanyak 12 unit bus akan melayani empat rute yang menghubungkan permukiman padat penduduk dengan "
            "sekolah-sekolah di pusat kota.",
            "Wali Kota Sukamaju, Hendra Wijaya, mengatakan program ini bertujuan mengurangi kemacetan pada jam "
            "berangkat sekolah sekaligus meringankan beban orang tua. \u201cBanyak orang tua yang harus "
            "mengeluarkan uang hingga Rp300.000 per bulan untuk ojek. Sekarang biaya itu bisa dihemat,\u201d "
            "ujarnya.",
            "Siswa cukup menunjukkan kartu pelajar untuk naik bus. Dinas Perhubungan setempat mencatat, pada "
            "hari pertama lebih dari 1.500 pelajar memanfaatkan layanan tersebut. Pemkot berencana menambah dua "
            "rute baru tahun depan jika anggaran daerah mencukupi.",
        ),
        search_word="kemacetan",
        short="Pemerintah Kota Sukamaju meluncurkan layanan bus listrik gratis bagi pelajar pada Senin pagi.",
    ),
    Text(
        language="ms",
        variant="",
        script="Latin",
        headline="Majlis Bandaraya Lancar Bas Elektrik Percuma untuk Pelajar",
        paragraphs=(
            "Majlis Bandaraya Seri Kenanga melancarkan perkhidmatan bas elektrik percuma untuk pelajar pada pagi "
            "Isnin. Sebanyak 12 buah bas akan beroperasi di empat laluan yang menghubungkan kawasan perumahan "
            "padat dengan sekolah-sekolah di pusat bandar.",
            "Datuk Bandar Seri Kenanga, Datuk Azman Ismail, berkata program itu bertujuan mengurangkan kesesakan "
            "lalu lintas pada waktu puncak selain meringankan beban ibu bapa. \u201cRamai ibu bapa terpaksa "
            "berbelanja sehingga RM150 sebulan untuk van sekolah. Kini wang itu boleh dijimatkan,\u201d katanya "
            "ketika ditemui pemberita.",
            "Pelajar hanya perlu menunjukkan kad pelajar untuk menaiki bas tersebut. Menurut majlis bandaraya, "
            "lebih daripada 1,500 pelajar menggunakan perkhidmatan itu pada hari pertama. Pihak berkuasa "
            "tempatan bercadang menambah dua lagi laluan pada tahun hadapan sekiranya peruntukan mencukupi.",
        ),
        search_word="kesesakan",
        short="Majlis Bandaraya Seri Kenanga melancarkan perkhidmatan bas elektrik percuma untuk pelajar pada pagi Isnin.",
    ),
    Text(
        language="zh",
        variant="zh-tw",
        script="Han",
        headline="日月潭中秋連假遊客創新高 民宿訂房早早客滿",
        paragraphs=(
            "南投縣政府今（5）日公布統計，今年中秋連假期間，日月潭共湧入約二十萬人次的遊客，是近十年來的新高。",
            "觀光處表示，今年國內旅遊的需求明顯增加，加上環潭自行車道在年初完成整修，吸引不少年輕人與親子家庭前來。"
            "連假第一天，水社碼頭一早就大排長龍，遊艇班次也一度加開到每十分鐘一班。",
            "在日月潭經營民宿十多年的陳先生說，今年的訂房率是他記憶中最好的一次，「中秋節前一個月，房間就已經全部訂滿了」。"
            "不過也有遊客抱怨，假日的停車位一位難求，塞車的情況相當嚴重。",
            "縣府指出，明年將在向山遊客中心增設大型停車場，並研議在連假期間實施總量管制，讓遊客能有更好的旅遊品質。",
        ),
        search_word="民宿",
        short="南投縣政府今（5）日公布統計，今年中秋連假期間，日月潭共湧入約二十萬人次的遊客，是近十年來的新高。",
    ),
)
