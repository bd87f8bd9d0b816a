"""The subjects every dakwah site has; admins add more in Django admin."""

from django.db import migrations

CATEGORIES = [
    ("aqidah", "Aqidah", "Pokok-pokok keimanan."),
    ("fiqh", "Fiqih", "Hukum ibadah dan keseharian."),
    ("akhlak", "Akhlak & Tasawuf", "Adab, akhlak dan penyucian jiwa."),
    ("tafsir", "Tafsir", "Kajian ayat-ayat Al-Qur'an."),
    ("hadits", "Hadits", "Kajian hadits Nabi."),
    ("sirah", "Sirah", "Sejarah Nabi dan para sahabat."),
    ("muamalah", "Muamalah", "Jual beli, akad dan ekonomi syariah."),
    ("keluarga", "Keluarga", "Pernikahan, parenting dan rumah tangga."),
    ("khutbah", "Khutbah", "Naskah khutbah Jumat dan hari raya."),
    ("hikmah", "Hikmah", "Renungan dan kisah penuh hikmah."),
]


def add_categories(apps, schema_editor):
    Category = apps.get_model("dakwah", "Category")
    for position, (slug, name, description) in enumerate(CATEGORIES):
        Category.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "description": description, "position": position},
        )


class Migration(migrations.Migration):
    dependencies = [("dakwah", "0001_initial")]

    operations = [migrations.RunPython(add_categories, migrations.RunPython.noop)]
