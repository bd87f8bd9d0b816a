"""Demo dakwah content for the demo pesantren (run by ``seed_demo``).

Goes through the real services: an editor of each pesantren writes and
submits, its owner publishes. Idempotent: content is found by slug and only
what is missing is created.
"""

import hashlib
import io
import textwrap
from datetime import date, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from dakwah import schedule, services
from dakwah.models import Article, Category, Kajian, Ustadz
from dakwah.permissions import EDITOR_ROLE
from forks.catalogue.models import Product
from pesantren.models import Membership

USTADZ = [
    # (pesantren slug, slug, name, short biography)
    ("al-hikmah-darussalam", "ustadz-ahmad-fauzi", "Ustadz Ahmad Fauzi, Lc.",
     "Pengajar kitab akhlak dan tafsir di Pondok Pesantren Al-Hikmah Darussalam. "
     "Menempuh studi di Universitas Al-Azhar, Kairo."),
    ("al-hikmah-darussalam", "ustadzah-siti-maryam", "Ustadzah Siti Maryam",
     "Pembina santri putri dan pengasuh kajian muslimah Al-Hikmah Darussalam."),
    ("al-barokah-sumenep", "ustadz-hasan-basri", "Ustadz Hasan Basri",
     "Mengajar fiqih muamalah dan membina Kopontren Al-Barokah Sumenep."),
    ("nurul-huda-tegalrejo", "ustadz-abdul-karim", "Ustadz Abdul Karim",
     "Pengampu ngaji pasaran dan kitab fiqih dasar di Pesantren Nurul Huda."),
]  # fmt: skip

ADAB_BODY = """
<p>Para ulama pesantren mengajarkan bahwa ilmu tidak hanya dicari dengan
kecerdasan, tetapi juga dengan adab. Kitab <em>Ta'limul Muta'allim</em> karya
Syaikh Az-Zarnuji menjadi pegangan santri tentang bagaimana niat, guru, teman
dan waktu belajar dipilih.</p>
<h2>Ilmu mengangkat derajat</h2>
<blockquote class="quran" lang="ar" dir="rtl">
<p>يَرْفَعِ اللَّهُ الَّذِينَ آمَنُوا مِنكُمْ وَالَّذِينَ أُوتُوا الْعِلْمَ دَرَجَاتٍ</p>
<p class="translation" lang="id" dir="ltr">"Allah akan mengangkat orang-orang yang
beriman di antaramu dan orang-orang yang diberi ilmu beberapa derajat."</p>
<p class="source" lang="id" dir="ltr">QS. Al-Mujadilah: 11</p>
</blockquote>
<h2>Tiga adab yang sering dilupakan</h2>
<ol>
<li><strong>Meluruskan niat</strong>: belajar untuk mencari rida Allah dan
menghilangkan kebodohan, bukan untuk berbangga.</li>
<li><strong>Memuliakan guru</strong>: tidak mendahului guru berbicara dan
menjaga kitab dengan baik.</li>
<li><strong>Istiqamah</strong>: sedikit tetapi terus-menerus lebih baik
daripada banyak tetapi terputus.</li>
</ol>
<p>Kajian kitab ini diadakan setiap Kamis ba'da Maghrib di masjid pondok dan
terbuka untuk umum.</p>
"""

MUAMALAH_BODY = """
<p>Pesantren tidak hanya mengajarkan ibadah, tetapi juga cara berdagang yang
berkah. Kejujuran dalam timbangan, kejelasan akad dan harga adalah pokoknya.</p>
<blockquote class="hadits" lang="ar" dir="rtl">
<p>التَّاجِرُ الصَّدُوقُ الأَمِينُ مَعَ النَّبِيِّينَ وَالصِّدِّيقِينَ وَالشُّهَدَاءِ</p>
<p class="translation" lang="id" dir="ltr">"Pedagang yang jujur lagi terpercaya
akan bersama para nabi, orang-orang yang jujur dan para syuhada."</p>
<p class="source" lang="id" dir="ltr">HR. At-Tirmidzi</p>
</blockquote>
<h2>Yang dijaga Kopontren</h2>
<ul>
<li>Menyebutkan cacat barang sebelum akad.</li>
<li>Tidak menaikkan harga coret untuk menipu pembeli.</li>
<li>Menyerahkan barang sesuai yang dijanjikan.</li>
</ul>
"""

PUASA_BODY = """
<p>Puasa Ayyamul Bidh dikerjakan pada tanggal 13, 14 dan 15 setiap bulan
Hijriah. Rasulullah shallallahu 'alaihi wasallam menganjurkannya kepada para
sahabat.</p>
<h2>Niat dan waktunya</h2>
<p>Niat puasa sunnah boleh dilakukan pada pagi hari selama belum makan dan
minum sejak Subuh. Lihat kalender Hijriah untuk mengetahui tanggalnya.</p>
"""

RAMADAN_BODY = """
<p>Persiapan menyambut Ramadan di pondok: jadwal tadarus, ngaji pasaran dan
buka bersama santri.</p>
"""

ARTICLES = [
    # (pesantren, slug, ustadz, category, title, summary, body, tags, product, publish)
    ("al-hikmah-darussalam", "adab-menuntut-ilmu-talimul-mutaallim",
     "ustadz-ahmad-fauzi", "akhlak",
     "Adab Menuntut Ilmu menurut Kitab Ta'limul Muta'allim",
     "Mengapa santri belajar adab sebelum ilmu, dan tiga adab yang sering dilupakan.",
     ADAB_BODY, ["adab", "ilmu", "santri"], "Kitab Ta'lim Muta'allim Terjemah",
     True),
    ("al-barokah-sumenep", "jual-beli-yang-berkah", "ustadz-hasan-basri", "muamalah",
     "Jual Beli yang Berkah: Jujur dalam Timbangan",
     "Hadits tentang pedagang yang jujur, dan yang dijaga Kopontren saat berjualan.",
     MUAMALAH_BODY, ["muamalah", "jual beli"], None, True),
    ("nurul-huda-tegalrejo", "keutamaan-puasa-ayyamul-bidh", "ustadz-abdul-karim",
     "fiqh", "Keutamaan Puasa Ayyamul Bidh",
     "Puasa sunnah tiga hari di pertengahan bulan Hijriah: waktu dan niatnya.",
     PUASA_BODY, ["puasa", "sunnah"], None, True),
    ("al-hikmah-darussalam", "persiapan-ramadan-di-pondok", "ustadzah-siti-maryam",
     "hikmah", "Persiapan Ramadan di Pondok",
     "Jadwal tadarus, ngaji pasaran dan buka bersama santri.",
     RAMADAN_BODY, ["ramadan"], None, False),
]  # fmt: skip


def _kajian_rows(today):
    """The demo kajian; the one-off dates are set from the day of seeding."""
    next_saturday = today + timedelta(days=(5 - today.weekday()) % 7 or 7)
    return [
        {
            "pesantren": "al-hikmah-darussalam",
            "slug": "kajian-kitab-talimul-mutaallim",
            "ustadz": "ustadz-ahmad-fauzi",
            "title": "Kajian Kitab Ta'limul Muta'allim",
            "theme": "Kitab Ta'limul Muta'allim (Syaikh Az-Zarnuji)",
            "description": "Kajian rutin ba'da Maghrib setiap Kamis. Terbuka untuk "
            "umum; santri membawa kitab masing-masing.",
            # Thursday 8 January 2026, after Maghrib in Jombang.
            "day": date(2026, 1, 8),
            "time": time(18, 15),
            "zone": schedule.IndonesianTimeZone.WIB,
            "recurrence": "weekly",
            "venue_name": "Masjid Pondok Pesantren Al-Hikmah Darussalam",
            "venue_address": "Jl. Pondok Pesantren No. 1, Kabupaten Jombang",
            "audience": "umum",
        },
        {
            "pesantren": "al-hikmah-darussalam",
            "slug": "kajian-muslimah-fiqih-wanita",
            "ustadz": "ustadzah-siti-maryam",
            "title": "Kajian Muslimah: Fiqih Wanita",
            "theme": "Risalah Al-Mahidh",
            "description": "Kajian muslimah tiap Sabtu pagi, juga disiarkan langsung.",
            "day": date(2026, 1, 10),
            "time": time(9, 0),
            "zone": schedule.IndonesianTimeZone.WIB,
            "recurrence": "weekly",
            "venue_name": "Aula Putri Al-Hikmah Darussalam",
            "online_url": "https://www.youtube.com/@kesan-demo/live",
            "audience": "akhwat",
        },
        {
            "pesantren": "al-barokah-sumenep",
            "slug": "safari-dakwah-muamalah-makassar",
            "ustadz": "ustadz-hasan-basri",
            "title": "Safari Dakwah: Muamalah Syariah untuk Pedagang",
            "theme": "Fiqih jual beli dan akad",
            "description": "Ustadz Hasan Basri berkunjung ke Makassar.",
            "day": next_saturday + timedelta(days=14),
            "time": time(19, 30),
            "zone": schedule.IndonesianTimeZone.WITA,
            "recurrence": "once",
            "venue_name": "Masjid Raya Makassar",
            "venue_address": "Jl. Masjid Raya, Kota Makassar",
            "audience": "umum",
        },
        {
            "pesantren": "nurul-huda-tegalrejo",
            "slug": "ngaji-pasaran-safinatun-najah",
            "ustadz": "ustadz-abdul-karim",
            "title": "Ngaji Pasaran Kitab Safinatun Najah",
            "theme": "Kitab Safinatun Najah",
            "description": "Ngaji pasaran Ramadan 1447 H, setiap Senin sore.",
            "day": date(2026, 2, 23),
            "time": time(16, 0),
            "zone": schedule.IndonesianTimeZone.WIB,
            "recurrence": "weekly",
            "repeat_until": date(2026, 3, 16),
            "venue_name": "Pesantren Nurul Huda Tegalrejo",
            "audience": "umum",
        },
    ]


def seed_dakwah_demo(pesantren_by_slug):
    """Ustadz, articles and kajian of the demo pesantren; returns account rows."""
    accounts = []
    ustadz_by_slug = {}
    for pesantren_slug, slug, name, bio in USTADZ:
        pesantren = pesantren_by_slug.get(pesantren_slug)
        if pesantren is None:
            continue
        editor = _editor_of(pesantren)
        accounts.append((editor.email, f"dakwah editor of {pesantren.name}"))
        ustadz = Ustadz.objects.filter(slug=slug).first()
        if ustadz is None:
            ustadz = services.create_ustadz(
                user=editor, pesantren=pesantren, name=name, short_bio=bio
            )
            ustadz.slug = slug  # fixed, so that a second run finds it
            ustadz.photo.save(f"{slug}.jpg", ContentFile(_picture(name, 256, 256)))
        ustadz_by_slug[slug] = ustadz

    for row in ARTICLES:
        _seed_article(pesantren_by_slug, ustadz_by_slug, *row)
    for row in _kajian_rows(timezone.localdate()):
        _seed_kajian(pesantren_by_slug, ustadz_by_slug, row)
    return list(dict.fromkeys(accounts))


def _seed_article(
    pesantren_by_slug,
    ustadz_by_slug,
    pesantren_slug,
    slug,
    ustadz_slug,
    category_slug,
    title,
    summary,
    body,
    tags,
    product_title,
    publish,
):
    pesantren = pesantren_by_slug.get(pesantren_slug)
    if pesantren is None or Article.objects.filter(slug=slug).exists():
        return
    editor, owner = _editor_of(pesantren), _owner_of(pesantren)
    products = Product.objects.filter(
        title=product_title, stockrecords__partner_id=pesantren.partner_id
    )
    article = services.create_article(
        user=editor,
        pesantren=pesantren,
        title=title,
        summary=summary,
        body=body,
        # Made by migration 0002; created here too for a database without it.
        category=Category.objects.get_or_create(
            slug=category_slug, defaults={"name": category_slug.title()}
        )[0],
        author=ustadz_by_slug[ustadz_slug],
        tags=tags,
        linked_products=list(products) if product_title else [],
    )
    article.slug = slug
    article.cover_image.save(f"{slug}.jpg", ContentFile(_picture(title, 1200, 675)))
    services.submit_for_review(article, user=editor)
    if publish:
        services.publish(article, user=owner)


def _seed_kajian(pesantren_by_slug, ustadz_by_slug, row):
    pesantren = pesantren_by_slug.get(row["pesantren"])
    if pesantren is None or Kajian.objects.filter(slug=row["slug"]).exists():
        return
    editor, owner = _editor_of(pesantren), _owner_of(pesantren)
    kajian = services.create_kajian(
        user=editor,
        pesantren=pesantren,
        title=row["title"],
        theme=row["theme"],
        description=row["description"],
        ustadz=ustadz_by_slug[row["ustadz"]],
        starts_at=schedule.local_datetime(row["day"], row["time"], row["zone"]),
        time_zone=row["zone"],
        recurrence=row["recurrence"],
        repeat_until=row.get("repeat_until"),
        venue_name=row.get("venue_name", ""),
        venue_address=row.get("venue_address", ""),
        online_url=row.get("online_url", ""),
        audience=row["audience"],
    )
    kajian.slug = row["slug"]
    kajian.poster.save(
        f"{row['slug']}.jpg", ContentFile(_picture(row["title"], 800, 800))
    )
    services.submit_for_review(kajian, user=editor)
    services.publish(kajian, user=owner)


def _owner_of(pesantren):
    return Membership.objects.get(pesantren=pesantren, role=Membership.Role.OWNER).user


def _editor_of(pesantren):
    """The demo dakwah editor of ``pesantren``, created on first use."""
    User = get_user_model()
    email = f"editor@{pesantren.slug}.kesan.test"
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(
            email=email, username=f"editor-{pesantren.slug}"[:150], first_name="Editor"
        )
        if settings.DEBUG:
            user.set_password(settings.MARKETPLACE_DEMO_PASSWORD)
        else:
            user.set_unusable_password()
        user.save()
    Membership.objects.get_or_create(
        pesantren=pesantren, user=user, defaults={"role": EDITOR_ROLE}
    )
    return user


def _picture(title, width, height):
    """A calm, deterministic cover: two greens or blues and the title."""
    digest = hashlib.sha256(title.encode()).digest()
    palettes = [
        ((11, 61, 46), (201, 154, 46)),
        ((28, 60, 92), (227, 242, 235)),
        ((19, 105, 76), (251, 243, 224)),
        ((72, 40, 90), (240, 230, 248)),
    ]
    dark, light = palettes[digest[0] % len(palettes)]
    image = Image.new("RGB", (width, height), dark)
    draw = ImageDraw.Draw(image)
    # An eight-pointed star pattern, as on pesantren gates and mosque windows.
    step = max(width, height) // 6
    for x in range(-step, width + step, step):
        for y in range(-step, height + step, step):
            radius = step // 3
            box = (x - radius, y - radius, x + radius, y + radius)
            draw.rectangle(box, outline=light, width=2)
            draw.regular_polygon(
                (x, y, radius * 1.2), 4, rotation=45, outline=light, width=2
            )
    margin = width // 12
    draw.rounded_rectangle(
        (margin, height * 0.55, width - margin, height - margin),
        radius=width // 40,
        fill=dark,
    )
    font = ImageFont.load_default(size=max(width // 22, 18))
    y = height * 0.6
    for line in textwrap.wrap(title, width=28)[:3]:
        draw.text((margin * 1.4, y), line, fill=(255, 255, 255), font=font)
        y += width // 18
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()
