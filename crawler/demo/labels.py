"""Localized page furniture of the demo network: navigation, bylines, cookie and newsletter text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Labels:
    """Interface text of one language. Fields containing ``{}`` are format strings."""

    home: str
    about: str
    latest: str
    most_read: str
    related: str
    by: str
    published: str
    topic: str
    author_page: str
    share: tuple[str, ...]
    cookie: str
    cookie_accept: str
    cookie_settings: str
    newsletter: str
    subscribe: str
    email: str
    newsroom: str
    next_page: str
    previous_page: str
    rights: str
    privacy: str
    months: tuple[str, ...]
    date: str

    def when(self, moment: datetime) -> str:
        """``moment`` as readers of this language see it printed."""
        return self.date.format(
            d=moment.day,
            m=moment.month,
            y=moment.year,
            h=moment.hour,
            mi=moment.minute,
            month=self.months[moment.month - 1] if self.months else "",
        )


EN = Labels(
    home="Home",
    about="About us",
    latest="Latest news",
    most_read="Most read",
    related="More stories",
    by="By {}",
    published="Published {}",
    topic="{}",
    author_page="Articles by {}",
    share=("Share on Facebook", "Share on X", "Share on LinkedIn", "Email this article"),
    cookie="We use cookies to personalise content and ads, to provide social media features and to analyse our traffic. By continuing to use this site you agree to our cookie policy.",
    cookie_accept="Accept all cookies",
    cookie_settings="Manage preferences",
    newsletter="Sign up to our newsletter and get the day's top stories in your inbox every morning.",
    subscribe="Subscribe",
    email="Your email address",
    newsroom="Our journalists:",
    next_page="Next page",
    previous_page="Previous page",
    rights="All rights reserved.",
    privacy="Privacy policy",
    months=(
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
    ),
    date="{d} {month} {y}, {h:02d}:{mi:02d}",
)

DE = Labels(
    home="Startseite",
    about="Über uns",
    latest="Neueste Nachrichten",
    most_read="Meistgelesen",
    related="Weitere Artikel",
    by="Von {}",
    published="Veröffentlicht am {}",
    topic="Thema: {}",
    author_page="Artikel von {}",
    share=("Auf Facebook teilen", "Auf X teilen", "Per WhatsApp teilen", "Per E-Mail senden"),
    cookie="Wir verwenden Cookies, um Inhalte und Anzeigen zu personalisieren und die Zugriffe auf unsere Website zu analysieren. Mit der Nutzung dieser Website stimmen Sie unserer Cookie-Richtlinie zu.",
    cookie_accept="Alle akzeptieren",
    cookie_settings="Einstellungen",
    newsletter="Abonnieren Sie unseren Newsletter und erhalten Sie jeden Morgen die wichtigsten Nachrichten aus der Region.",
    subscribe="Abonnieren",
    email="Ihre E-Mail-Adresse",
    newsroom="Redaktion:",
    next_page="Nächste Seite",
    previous_page="Vorherige Seite",
    rights="Alle Rechte vorbehalten.",
    privacy="Datenschutz",
    months=(
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ),
    date="{d}. {month} {y}, {h:02d}:{mi:02d} Uhr",
)

FR = Labels(
    home="Accueil",
    about="À propos",
    latest="Dernières actualités",
    most_read="Les plus lus",
    related="À lire aussi",
    by="Par {}",
    published="Publié le {}",
    topic="Thème : {}",
    author_page="Articles de {}",
    share=("Partager sur Facebook", "Partager sur X", "Partager par e-mail"),
    cookie="Nous utilisons des cookies pour personnaliser les contenus et les publicités et pour analyser notre trafic. En poursuivant votre navigation, vous acceptez notre politique de cookies.",
    cookie_accept="Tout accepter",
    cookie_settings="Paramétrer",
    newsletter="Inscrivez-vous à notre lettre d'information pour recevoir chaque matin l'essentiel de l'actualité locale.",
    subscribe="S'inscrire",
    email="Votre adresse e-mail",
    newsroom="La rédaction :",
    next_page="Page suivante",
    previous_page="Page précédente",
    rights="Tous droits réservés.",
    privacy="Politique de confidentialité",
    months=(
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    date="{d} {month} {y} à {h:02d}h{mi:02d}",
)

RU = Labels(
    home="Главная",
    about="О редакции",
    latest="Последние новости",
    most_read="Самое читаемое",
    related="Читайте также",
    by="Автор: {}",
    published="Опубликовано {}",
    topic="Тема: {}",
    author_page="Материалы автора: {}",
    share=("Поделиться ВКонтакте", "Поделиться в Telegram", "Поделиться в Одноклассниках"),
    cookie="Мы используем файлы cookie, чтобы сделать сайт удобнее. Продолжая пользоваться сайтом, вы соглашаетесь с политикой обработки персональных данных.",
    cookie_accept="Принять",
    cookie_settings="Настроить",
    newsletter="Подпишитесь на нашу рассылку и получайте главные новости города каждое утро.",
    subscribe="Подписаться",
    email="Ваш e-mail",
    newsroom="Редакция:",
    next_page="Следующая страница",
    previous_page="Предыдущая страница",
    rights="Все права защищены.",
    privacy="Политика конфиденциальности",
    months=(
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ),
    date="{d} {month} {y}, {h:02d}:{mi:02d}",
)

ZH = Labels(
    home="首页",
    about="关于我们",
    latest="最新新闻",
    most_read="热门文章",
    related="相关阅读",
    by="作者：{}",
    published="发布时间：{}",
    topic="专题：{}",
    author_page="{}的文章",
    share=("分享到微信", "分享到微博", "分享到Facebook", "复制链接"),
    cookie="本网站使用Cookie以改善您的浏览体验并分析网站流量。继续浏览即表示您同意我们的Cookie政策。",
    cookie_accept="接受全部",
    cookie_settings="设置",
    newsletter="订阅我们的新闻简报，每天早上获取临江最新资讯。",
    subscribe="立即订阅",
    email="请输入电子邮箱",
    newsroom="本报记者：",
    next_page="下一页",
    previous_page="上一页",
    rights="版权所有",
    privacy="隐私政策",
    months=(),
    date="{y}年{m}月{d}日 {h:02d}:{mi:02d}",
)

AR = Labels(
    home="الرئيسية",
    about="من نحن",
    latest="آخر الأخبار",
    most_read="الأكثر قراءة",
    related="اقرأ أيضاً",
    by="بقلم {}",
    published="نُشر في {}",
    topic="{}",
    author_page="مقالات {}",
    share=("شارك على فيسبوك", "شارك على إكس", "أرسل عبر البريد الإلكتروني"),
    cookie="نستخدم ملفات تعريف الارتباط لتحسين تجربتك وتحليل حركة الزيارات على موقعنا. باستمرارك في التصفح فإنك توافق على سياسة ملفات تعريف الارتباط.",
    cookie_accept="قبول الكل",
    cookie_settings="الإعدادات",
    newsletter="اشترك في نشرتنا البريدية لتصلك أهم الأخبار كل صباح.",
    subscribe="اشترك",
    email="بريدك الإلكتروني",
    newsroom="فريق التحرير:",
    next_page="الصفحة التالية",
    previous_page="الصفحة السابقة",
    rights="جميع الحقوق محفوظة.",
    privacy="سياسة الخصوصية",
    months=(
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ),
    date="{d} {month} {y}، {h:02d}:{mi:02d}",
)

LABELS = {"en": EN, "de": DE, "fr": FR, "ru": RU, "zh": ZH, "ar": AR}
