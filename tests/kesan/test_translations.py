from pathlib import Path

from babel.messages.pofile import read_po
from django.conf import settings

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "id" / "LC_MESSAGES" / "django.po"


def test_indonesian_catalogue_translates_every_message():
    with CATALOGUE.open("rb") as handle:
        catalogue = read_po(handle)

    untranslated = [
        message.id
        for message in catalogue
        if message.id
        and (
            "fuzzy" in message.flags
            or not all(message.string if isinstance(message.string, tuple) else [message.string])
        )
    ]

    assert untranslated == []


def test_pages_speak_indonesian_by_default_even_to_english_browsers(client, db):
    response = client.get("/basket/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert response.status_code == 200
    assert response["Content-Language"] == "id"
    assert "Keranjang Anda masih kosong." in response.content.decode()


def test_chosen_english_is_kept_in_the_language_cookie(client, db):
    client.post("/i18n/setlang/", {"language": "en", "next": "/basket/"})

    response = client.get("/basket/")

    assert response["Content-Language"] == "en"
    assert "Your basket is empty." in response.content.decode()
