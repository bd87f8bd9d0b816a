"""Load the demo marketplace, or a large catalogue for benchmarks, into the
database. Every step is idempotent: rows are found by a natural key (slug,
UPC, e-mail) and only what is missing is created, so a second run changes
nothing."""

import hashlib
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.text import slugify

from forks.catalogue.models import (
    Category,
    Product,
    ProductCategory,
    ProductClass,
    ProductImage,
)
from forks.partner.models import StockRecord
from marketplace import roles
from marketplace.demo import data, images
from marketplace.demo import reviews as demo_reviews
from marketplace.shipping.models import ShippingProfile, ShippingRate
from pesantren import regions
from pesantren.models import Membership, Pesantren
from pesantren.services import add_member, create_pesantren

BATCH = 1000
PRODUCT_CLASS = {"slug": "produk-pesantren", "name": "Produk Pesantren"}


def _number(key, low, high):
    """A deterministic number in [low, high] for ``key``."""
    digest = hashlib.sha256(key.encode()).digest()
    return low + int.from_bytes(digest[:4], "big") % (high - low + 1)


def seed_product_class():
    product_class, _created = ProductClass.objects.get_or_create(
        slug=PRODUCT_CLASS["slug"],
        defaults={
            "name": PRODUCT_CLASS["name"],
            "requires_shipping": True,
            "track_stock": True,
        },
    )
    return product_class


def seed_categories(tree):
    """Create the category tree; ``tree`` is [(name, slug, [(name, slug)])]."""
    by_slug = {category.slug: category for category in Category.objects.all()}
    for name, slug, children in tree:
        root = by_slug.get(slug)
        if root is None:
            root = by_slug[slug] = Category.objects.add_root({"name": name, "slug": slug})
        for child_name, child_slug in children:
            if child_slug not in by_slug:
                root.refresh_from_db()
                by_slug[child_slug] = Category.objects.add_child(
                    root, {"name": child_name, "slug": child_slug}
                )
    return by_slug


def _save_file(name, content):
    """Write ``content`` under ``name`` once; return the stored name."""
    if default_storage.exists(name):
        return name
    return default_storage.save(name, ContentFile(content))


def seed_pesantren(number, row):
    name, slug, regency, leader, founded, status, opop, featured, _leaves = row
    existing = Pesantren.objects.filter(slug=slug).first()
    if existing:
        return existing
    short_name = name.replace("Pondok Pesantren ", "").replace("Pesantren ", "")
    district = regions.children_of(regency)[0][0]
    pesantren = create_pesantren(
        name=name,
        slug=slug,
        short_description=data.SHORT_DESCRIPTIONS[number % len(data.SHORT_DESCRIPTIONS)],
        description=(
            f"{name} berdiri sejak {founded} di {regions.name_of(regency)}. "
            "Selain mengaji kitab, santri mengelola usaha pesantren melalui "
            f"Kopontren {short_name}: produksi, pengemasan, hingga pengiriman."
        ),
        province_code=regency[:2],
        regency_code=regency,
        district_code=district,
        postcode=regions.postcodes_of(district)[0],
        address=f"Jl. Pondok Pesantren No. {number + 1}, {regions.name_of(regency)}",
        founded_year=founded,
        leader_name=leader,
        whatsapp_number=f"628120000{number + 1:04d}",
        legal_entity_name=f"Kopontren {short_name}",
        nib=f"{_number(slug + 'nib', 10**12, 10**13 - 1)}",
        tax_number=f"0{_number(slug + 'npwp', 10**14, 10**15 - 1)}",
        bank_name="BSI",
        bank_account_number=f"7{_number(slug + 'bank', 10**8, 10**9 - 1)}",
        bank_account_holder=f"Kopontren {short_name}",
        status=status,
        is_opop_member=opop,
        is_featured=featured,
    )
    pesantren.logo.name = _save_file(f"pesantren/logos/{slug}.jpg", images.pesantren_logo(name))
    pesantren.banner.name = _save_file(
        f"pesantren/banners/{slug}.jpg", images.pesantren_banner(name)
    )
    pesantren.save(update_fields=["logo", "banner"])
    return pesantren


def legality_numbers(leaf, key):
    """Halal, P-IRT and BPOM numbers a product of ``leaf`` carries in the demo."""
    serial = _number(key, 10_000_000, 99_999_999)
    numbers = {"halal_certificate_number": "", "pirt_number": "", "bpom_number": ""}
    if leaf in data.FOOD:
        numbers["halal_certificate_number"] = f"ID3511000{serial:08d}"
        numbers["pirt_number"] = f"2063517{serial:08d}-29"
    elif leaf in data.HERBAL:
        numbers["halal_certificate_number"] = f"ID3511000{serial:08d}"
        numbers["bpom_number"] = f"TR2{serial:08d}"
    elif leaf in data.COSMETIC:
        numbers["halal_certificate_number"] = f"ID3511000{serial:08d}"
        numbers["bpom_number"] = f"NA18{serial:09d}"
    return numbers


def demo_product_rows():
    """Every demo product as a dict, in a fixed order."""
    leaf_names = {slug: name for _n, _s, children in data.CATEGORIES for name, slug in children}
    for number, row in enumerate(data.PESANTREN):
        slug, leaves = row[1], row[8]
        for leaf in leaves:
            for index, (title, price, weight) in enumerate(data.PRODUCTS[leaf]):
                upc = f"KSN{number + 1:02d}{leaf[:6].upper()}{index + 1}"
                # Prices differ a little between pesantren, in steps of 500.
                price = Decimal(price + 500 * _number(upc, -6, 10))
                stock = _number(upc + "stock", 0, 60)
                production_days = data.PREORDER_DAYS.get(title)
                if production_days:
                    # Made to order: capacity rather than goods on the shelf.
                    stock = max(stock, 5)
                yield {
                    "pesantren_slug": slug,
                    "upc": upc,
                    "title": title,
                    "leaf": leaf,
                    "category_name": leaf_names[leaf],
                    "price": price,
                    "weight_grams": weight,
                    "num_in_stock": stock if stock > 3 else 0,
                    "production_days": production_days,
                    "description": data.DESCRIPTION.format(title=title, pesantren=row[0]),
                    **legality_numbers(leaf, upc),
                }


def create_products(rows, pesantren_by_slug, categories, product_class, image_for):
    """Bulk-create the products in ``rows`` whose UPC is not in the database."""
    existing = set(Product.objects.filter(upc__in=[r["upc"] for r in rows]).values_list("upc", flat=True))
    missing = [row for row in rows if row["upc"] not in existing]
    for start in range(0, len(missing), BATCH):
        chunk = missing[start : start + BATCH]
        products = Product.objects.bulk_create(
            [
                Product(
                    structure=Product.STANDALONE,
                    is_public=True,
                    upc=row["upc"],
                    title=row["title"],
                    slug=row.get("slug") or _slug(row["title"]),
                    description=row["description"],
                    product_class=product_class,
                    weight_grams=row.get("weight_grams"),
                    halal_certificate_number=row.get("halal_certificate_number", ""),
                    pirt_number=row.get("pirt_number", ""),
                    bpom_number=row.get("bpom_number", ""),
                    is_preorder=bool(row.get("production_days")),
                    production_days=row.get("production_days"),
                )
                for row in chunk
            ]
        )
        ProductCategory.objects.bulk_create(
            [
                ProductCategory(product=product, category=categories[row["leaf"]])
                for product, row in zip(products, chunk)
            ]
        )
        StockRecord.objects.bulk_create(
            [
                StockRecord(
                    product=product,
                    partner_id=pesantren_by_slug[row["pesantren_slug"]].partner_id,
                    partner_sku=row.get("partner_sku") or row["upc"],
                    price=row["price"],
                    num_in_stock=row["num_in_stock"],
                )
                for product, row in zip(products, chunk)
            ]
        )
        pictures = []
        for product, row in zip(products, chunk):
            image_name = image_for(row)
            if image_name:
                pictures.append(
                    ProductImage(product=product, original=image_name, caption=row["title"])
                )
        ProductImage.objects.bulk_create(pictures)
    return len(missing)


def mark_preorders(rows):
    """Make the demo's pre-order products so, also in a database seeded before."""
    for row in rows:
        if row.get("production_days"):
            Product.objects.filter(upc=row["upc"], is_preorder=False).update(
                is_preorder=True, production_days=row["production_days"]
            )


def _slug(title):
    return slugify(title)[:128]


def seed_demo_catalogue():
    product_class = seed_product_class()
    categories = seed_categories(data.CATEGORIES)
    pesantren_by_slug = {
        row[1]: seed_pesantren(number, row) for number, row in enumerate(data.PESANTREN)
    }
    rows = list(demo_product_rows())

    def photo(row):
        return _save_file(
            f"images/products/demo/{row['upc'].lower()}.jpg",
            images.product_photo(row["title"], row["category_name"]),
        )

    created = create_products(rows, pesantren_by_slug, categories, product_class, photo)
    mark_preorders(rows)
    seed_shipping(pesantren_by_slug)
    return pesantren_by_slug, created


def seed_shipping(pesantren_by_slug):
    """Give every pesantren a nationwide flat rate, a cheaper one inside its
    own province, and (for some) pickup at the pondok."""
    for pesantren in pesantren_by_slug.values():
        fee = Decimal(15000 + 2500 * _number(pesantren.slug + "ship", 0, 6))
        ShippingRate.objects.get_or_create(
            pesantren=pesantren,
            destination_province_code="",
            is_active=True,
            defaults={"name": "JNE REG", "kind": ShippingRate.Kind.FLAT, "flat_fee": fee,
                      "days_min": 2, "days_max": 5},
        )
        ShippingRate.objects.get_or_create(
            pesantren=pesantren,
            destination_province_code=pesantren.province_code,
            is_active=True,
            defaults={"name": "Kurir pondok", "kind": ShippingRate.Kind.FLAT,
                      "flat_fee": Decimal(9000), "days_min": 1, "days_max": 2},
        )
        if _number(pesantren.slug + "pickup", 0, 1):
            ShippingProfile.objects.get_or_create(
                pesantren=pesantren,
                defaults={"offers_pickup": True,
                          "pickup_instructions": "Kantor Kopontren, Senin-Sabtu 08.00-15.00"},
            )


def seed_accounts(pesantren_by_slug):
    """The admins, one owner per pesantren, a santri seller and a buyer.

    Returns (email, role) rows. The superuser and a curator in the Admin
    KESAN group (synced here) run Django admin; sellers are never staff.
    Passwords are the known demo password only when DEBUG is on; otherwise
    the accounts get unusable passwords.
    """
    admin_group = roles.sync_admin_group()
    User = get_user_model()
    password = settings.MARKETPLACE_DEMO_PASSWORD if settings.DEBUG else None
    accounts = []

    def account(email, username, first_name, **flags):
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(email=email, username=username, first_name=first_name, **flags)
            if password:
                user.set_password(password)
            else:
                user.set_unusable_password()
            user.save()
        return user

    account("admin@kesan.test", "admin", "Admin KESAN", is_staff=True, is_superuser=True)
    accounts.append(("admin@kesan.test", "superuser"))
    curator = account("kurator@kesan.test", "kurator", "Kurator", is_staff=True)
    curator.groups.add(admin_group)
    accounts.append(("kurator@kesan.test", f"staff in the {admin_group.name} group"))
    for slug, pesantren in pesantren_by_slug.items():
        email = f"penjual@{slug}.kesan.test"
        user = account(email, f"penjual-{slug}"[:150], "Pengurus")
        add_member(pesantren, user, Membership.Role.OWNER)
        accounts.append((email, f"owner of {pesantren.name} ({pesantren.status})"))
    first = next(iter(pesantren_by_slug.values()), None)
    if first is not None:
        email = f"santri@{first.slug}.kesan.test"
        add_member(first, account(email, f"santri-{first.slug}"[:150], "Santri"))
        accounts.append((email, f"staff (santri seller) of {first.name}"))
    account("pembeli@kesan.test", "pembeli", "Pembeli")
    accounts.append(("pembeli@kesan.test", "buyer"))
    for email, username, first_name in demo_reviews.BUYERS:
        account(email, username, first_name)
        accounts.append((email, "buyer who wrote demo reviews"))
    return accounts, password


def seed_money_history(pesantren_by_slug):
    """Sales, releases and payouts of the first demo pesantren (its Saldo page).

    Returns the number of orders placed (0 on a second run).
    """
    from marketplace.demo.ledger import seed_ledger_history

    # The category rules (and their fees) come first: seed_compliance.
    slug = data.PESANTREN[0][1]
    if slug not in pesantren_by_slug:
        return 0
    owner = get_user_model().objects.get(email=f"penjual@{slug}.kesan.test")
    return seed_ledger_history(pesantren_by_slug[slug], owner)


def seed_bulk_catalogue(n_pesantren, n_products):
    """A large synthetic catalogue (bulk inserts), for benchmarks."""
    product_class = seed_product_class()
    categories = seed_categories(data.CATEGORIES)
    regencies = [row[2] for row in data.PESANTREN]
    pesantren_by_slug = {}
    for number in range(n_pesantren):
        slug = f"pesantren-contoh-{number + 1:03d}"
        row = (f"Pesantren Contoh {number + 1:03d}", slug, regencies[number % len(regencies)],
               "KH. Contoh", 1990, "verified", number % 3 == 0, False, [])
        pesantren_by_slug[slug] = seed_pesantren(100 + number, row)
    leaf_products = [(leaf, item) for leaf, items in data.PRODUCTS.items() for item in items]
    leaf_names = {slug: name for _n, _s, children in data.CATEGORIES for name, slug in children}
    shared_photo = {
        leaf: _save_file(f"images/products/bulk/{leaf}.jpg", images.product_photo(leaf_names[leaf], leaf_names[leaf]))
        for leaf in data.PRODUCTS
    }
    rows = []
    for index in range(1, n_products + 1):
        leaf, (title, price, weight) = leaf_products[(index - 1) % len(leaf_products)]
        upc = f"KSNB{index:08d}"
        rows.append({
            "pesantren_slug": f"pesantren-contoh-{(index - 1) % n_pesantren + 1:03d}",
            "upc": upc,
            "title": f"{title} #{index:05d}",
            "leaf": leaf,
            "price": Decimal(price + 500 * _number(upc, 0, 20)),
            "weight_grams": weight,
            "num_in_stock": 10 + index % 91,
            "description": data.DESCRIPTION.format(title=title, pesantren="pesantren"),
            **legality_numbers(leaf, upc),
        })
    seed_shipping(pesantren_by_slug)
    return create_products(rows, pesantren_by_slug, categories, product_class,
                           lambda row: shared_photo[row["leaf"]])


def seed_benchmark_dataset(dataset):
    """Load the oscar-baseline catalogue (``dataset.py`` JSON): same products,
    categories, prices and stock; each partner becomes a verified pesantren."""
    product_class = seed_product_class()
    tree = []
    for row in dataset["categories"]:
        if row["parent"] is None:
            tree.append((row["name"], row["slug"], []))
        else:
            next(entry for entry in tree if entry[1] == row["parent"])[2].append((row["name"], row["slug"]))
    categories = seed_categories(tree)
    regencies = [row[2] for row in data.PESANTREN]
    pesantren_by_code = {}
    for partner in dataset["partners"]:
        row = (partner["name"], partner["code"], regencies[partner["index"] % len(regencies)],
               "KH. Contoh", 1990, "verified", False, False, [])
        pesantren_by_code[partner["code"]] = seed_pesantren(1000 + partner["index"], row)
    codes = {partner["index"]: partner["code"] for partner in dataset["partners"]}
    rows = [
        {
            "pesantren_slug": codes[product["partner"]],
            "upc": product["upc"],
            "title": product["title"],
            "slug": product["slug"],
            "leaf": product["category"],
            "price": Decimal(str(product["price"])),
            "num_in_stock": product["num_in_stock"],
            "partner_sku": product["partner_sku"],
            "description": product["description"],
        }
        for product in dataset["products"]
    ]
    seed_shipping(pesantren_by_code)
    return create_products(rows, pesantren_by_code, categories, product_class, lambda row: None)
