"""The demo marketplace: invented pesantren in real provinces and kabupaten,
Indonesian categories and the products they sell. Plain data, no Django."""

# (name, slug, children as (name, slug)). Slugs are unique site-wide.
CATEGORIES = [
    ("Makanan & Minuman", "makanan-minuman", [
        ("Kopi & Teh", "kopi-teh"),
        ("Camilan & Kue", "camilan-kue"),
        ("Bumbu & Sambal", "bumbu-sambal"),
        ("Madu & Gula Aren", "madu-gula-aren"),
    ]),
    ("Herbal", "herbal", [
        ("Jamu & Minuman Herbal", "jamu"),
        ("Minyak & Balsem", "minyak-balsem"),
    ]),
    ("Fashion Muslim", "fashion-muslim", [
        ("Sarung & Batik", "sarung-batik"),
        ("Peci & Songkok", "peci-songkok"),
        ("Gamis & Koko", "gamis-koko"),
        ("Hijab & Mukena", "hijab-mukena"),
    ]),
    ("Kitab & Buku", "kitab-buku", [
        ("Kitab Kuning", "kitab-kuning"),
        ("Buku Islami", "buku-islami"),
    ]),
    ("Kerajinan", "kerajinan", [
        ("Anyaman & Kayu", "anyaman-kayu"),
        ("Kaligrafi", "kaligrafi"),
    ]),
    ("Pertanian", "pertanian", [
        ("Beras & Palawija", "beras-palawija"),
        ("Bibit & Pupuk Organik", "bibit-pupuk"),
    ]),
    ("Perawatan Diri", "perawatan-diri", [
        ("Sabun & Sampo", "sabun-sampo"),
        ("Parfum Non-Alkohol", "parfum"),
    ]),
    ("Perlengkapan Ibadah", "perlengkapan-ibadah", [
        ("Sajadah", "sajadah"),
        ("Tasbih & Rehal", "tasbih-rehal"),
    ]),
]

# A category KESAN does not sell: it stays hidden from navigation and the
# seller form, and no demo product is in it.
PROHIBITED_CATEGORY = (
    "Minuman Beralkohol",
    "minuman-beralkohol",
    "Khamr (minuman memabukkan) haram diperjualbelikan.",
)

# The category rules admins would set: which legality numbers products of a
# category need (marketplace.compliance.models.CategoryRule fields).
# The demo's platform fee (ujrah) is 2,5% on food and 1% on books; food may
# be returned within 2 days of receipt, the rest within the default window.
CATEGORY_RULES = {
    "makanan-minuman": {
        "needs_halal_certificate": True,
        "needs_food_registration": True,
        "platform_fee_percent": "2.5",
        "khiyar_days": 2,
        "khiyar_covers": "Rusak, basi, bocor, atau tidak sesuai deskripsi saat diterima",
    },
    "kitab-buku": {"platform_fee_percent": "1"},
    "beras-palawija": {"needs_halal_certificate": True, "needs_food_registration": True},
    "herbal": {"needs_halal_certificate": True, "needs_bpom_traditional": True},
    "perawatan-diri": {"needs_bpom_cosmetic": True},
}

# Which legality numbers a leaf category's products carry.
FOOD = {"kopi-teh", "camilan-kue", "bumbu-sambal", "madu-gula-aren", "beras-palawija"}
HERBAL = {"jamu", "minyak-balsem"}
COSMETIC = {"sabun-sampo", "parfum"}

# Products by leaf category: (title, base price in rupiah, weight in grams).
PRODUCTS = {
    "kopi-teh": [
        ("Kopi Robusta Lereng Kelud 250 g", 45000, 260),
        ("Kopi Arabika Gayo Santri 200 g", 72000, 210),
        ("Teh Sereh Jahe Celup isi 20", 18000, 80),
        ("Kopi Rempah Pondok 150 g", 35000, 160),
    ],
    "camilan-kue": [
        ("Keripik Tempe Renyah 200 g", 15000, 210),
        ("Rengginang Ketan Bawang 250 g", 22000, 260),
        ("Kue Kering Nastar Santri 500 g", 85000, 550),
        ("Emping Melinjo Manis 250 g", 38000, 260),
    ],
    "bumbu-sambal": [
        ("Sambal Bawang Pedas Botol 200 ml", 27000, 320),
        ("Bumbu Pecel Kacang 500 g", 30000, 510),
        ("Sambal Teri Medan 150 g", 35000, 230),
    ],
    "madu-gula-aren": [
        ("Madu Hutan Murni 500 ml", 120000, 720),
        ("Gula Aren Cair 350 ml", 32000, 450),
        ("Madu Kelulut Sumenep 250 ml", 95000, 380),
    ],
    "jamu": [
        ("Jamu Kunyit Asam Instan 250 g", 28000, 260),
        ("Jahe Merah Bubuk 200 g", 33000, 210),
        ("Temulawak Instan 250 g", 30000, 260),
    ],
    "minyak-balsem": [
        ("Minyak Kayu Putih Pondok 60 ml", 26000, 110),
        ("Minyak Zaitun Herbal 100 ml", 55000, 180),
    ],
    "sarung-batik": [
        ("Sarung Tenun Goyor Motif Kawung", 185000, 450),
        ("Sarung Batik Cap Santri", 125000, 400),
        ("Kain Batik Tulis Pesisiran 2 m", 350000, 350),
    ],
    "peci-songkok": [
        ("Peci Hitam Beludru No. 7", 45000, 120),
        ("Songkok Rajut Putih", 25000, 60),
        ("Peci Anyaman Bambu", 65000, 90),
    ],
    "gamis-koko": [
        ("Baju Koko Bordir Lengan Panjang", 160000, 300),
        ("Gamis Katun Toyobo Polos", 210000, 420),
    ],
    "hijab-mukena": [
        ("Mukena Katun Jepang Bordir", 245000, 600),
        ("Hijab Segi Empat Voal", 55000, 120),
    ],
    "kitab-kuning": [
        ("Kitab Safinatun Najah Makna Pegon", 25000, 180),
        ("Kitab Ta'lim Muta'allim Terjemah", 35000, 240),
        ("Kitab Jurumiyah Syarah Sederhana", 30000, 200),
    ],
    "buku-islami": [
        ("Buku Kisah Teladan Para Nabi", 75000, 420),
        ("Buku Panduan Sholat Lengkap", 40000, 250),
    ],
    "anyaman-kayu": [
        ("Tas Anyaman Pandan Santri", 95000, 350),
        ("Rak Kayu Jati Lipat", 275000, 2400),
        ("Nampan Rotan Bundar", 70000, 600),
    ],
    "kaligrafi": [
        ("Kaligrafi Ayat Kursi Ukir Kayu", 450000, 2200),
        ("Kaligrafi Kanvas Basmalah 40x60", 220000, 900),
    ],
    "beras-palawija": [
        ("Beras Organik Pandan Wangi 5 kg", 95000, 5100),
        ("Kacang Hijau Kupas 1 kg", 32000, 1050),
        ("Jagung Pipil Kering 2 kg", 28000, 2050),
    ],
    "bibit-pupuk": [
        ("Pupuk Kompos Organik 5 kg", 25000, 5100),
        ("Bibit Cabai Rawit isi 10", 20000, 400),
    ],
    "sabun-sampo": [
        ("Sabun Sereh Wangi Alami 100 g", 18000, 120),
        ("Sampo Lidah Buaya 250 ml", 35000, 300),
    ],
    "parfum": [
        ("Parfum Non-Alkohol Kasturi 10 ml", 45000, 60),
        ("Minyak Wangi Misik Roll-on 6 ml", 30000, 40),
    ],
    "sajadah": [
        ("Sajadah Tebal Motif Masjid", 85000, 700),
        ("Sajadah Travel Saku", 40000, 200),
    ],
    "tasbih-rehal": [
        ("Tasbih Kayu Kokka 99 Butir", 60000, 80),
        ("Rehal Al-Qur'an Kayu Mahoni", 90000, 900),
    ],
}

# (name, slug, regency code, leader, founded, status, OPOP, featured, leaves).
PESANTREN = [
    ("Pondok Pesantren Al-Hikmah Darussalam", "al-hikmah-darussalam", "35.17",
     "KH. Ahmad Mubarok", 1962, "verified", True, True,
     ["kopi-teh", "camilan-kue", "kitab-kuning", "sarung-batik"]),
    ("Pesantren Al-Barokah Sumenep", "al-barokah-sumenep", "35.29",
     "KH. Moh. Zainal Abidin", 1978, "verified", True, True,
     ["madu-gula-aren", "jamu", "minyak-balsem", "parfum"]),
    ("Pesantren Nurul Huda Tegalrejo", "nurul-huda-tegalrejo", "33.08",
     "KH. Abdul Basith", 1944, "verified", False, True,
     ["beras-palawija", "bibit-pupuk", "bumbu-sambal", "buku-islami"]),
    ("Pesantren Miftahul Ulum Cibeber", "miftahul-ulum-cibeber", "32.03",
     "KH. Endang Saepudin", 1985, "verified", True, False,
     ["peci-songkok", "gamis-koko", "hijab-mukena", "sajadah"]),
    ("Pesantren Darul Falah Bantul", "darul-falah-bantul", "34.02",
     "KH. Muhammad Fauzan", 1991, "verified", False, False,
     ["anyaman-kayu", "kaligrafi", "tasbih-rehal", "camilan-kue"]),
    ("Pesantren Roudlotul Jannah Kudus", "roudlotul-jannah-kudus", "33.19",
     "KH. Nur Kholis", 1970, "verified", True, True,
     ["sarung-batik", "gamis-koko", "kopi-teh", "sabun-sampo"]),
    ("Pesantren Baitul Qur'an Tasikmalaya", "baitul-quran-tasikmalaya", "32.06",
     "KH. Asep Saefullah", 2003, "verified", False, False,
     ["kaligrafi", "hijab-mukena", "kitab-kuning", "bumbu-sambal"]),
    ("Pesantren Sabilul Muttaqin Sleman", "sabilul-muttaqin-sleman", "34.04",
     "KH. Ali Mahfudz", 1998, "verified", True, False,
     ["buku-islami", "kitab-kuning", "madu-gula-aren", "jamu"]),
    ("Pesantren Bustanul Ulum Lamongan", "bustanul-ulum-lamongan", "35.24",
     "KH. Syamsul Arifin", 2010, "pending", False, False,
     ["camilan-kue", "beras-palawija"]),
    ("Pesantren Hidayatul Mubtadiin Pati", "hidayatul-mubtadiin-pati", "33.18",
     "KH. Ahmad Sahal", 1967, "suspended", False, False,
     ["kopi-teh", "sarung-batik"]),
]

SHORT_DESCRIPTIONS = [
    "Pesantren salaf dengan unit usaha Kopontren yang dikelola para santri.",
    "Santri belajar kitab sekaligus mengelola usaha produktif pesantren.",
    "Produk halal buatan santri, dari kebun dan dapur pesantren sendiri.",
    "Pesantren yang menghidupkan kewirausahaan santri dan masyarakat sekitar.",
]

DESCRIPTION = (
    "{title} dibuat oleh santri {pesantren} di unit usaha Kopontren. "
    "Bahan dipilih dari petani dan perajin sekitar pondok, diproses dengan bersih "
    "dan dikemas rapi. Setiap pembelian ikut membiayai pendidikan santri."
)

# Sales of the first demo pesantren for its Saldo page: (months ago, day of
# the month, [(product index, quantity)]). An even day is received by the
# buyer; an odd one is released automatically after shipping.
DEMO_SALES = [
    (5, 6, [(0, 2)]),
    (5, 19, [(1, 1), (2, 1)]),
    (4, 8, [(0, 1)]),
    (4, 21, [(3, 3)]),
    (3, 4, [(1, 2), (0, 1)]),
    (3, 17, [(2, 2)]),
    (2, 10, [(0, 3), (3, 1)]),
    (2, 14, [(1, 1)]),
    (1, 5, [(2, 1), (3, 2)]),
    (1, 22, [(0, 2), (1, 2)]),
]

# Products made after they are ordered (pre-order, akad salam): title ->
# production days.
PREORDER_DAYS = {
    "Kain Batik Tulis Pesisiran 2 m": 14,
    "Kaligrafi Ayat Kursi Ukir Kayu": 21,
}
