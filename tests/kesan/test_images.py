"""Uploaded pictures are decoded, bounded, turned upright and cleaned."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import ExifTags, Image

from kesan.images import clean_image

NOT_AN_IMAGE = "This file is not a picture. Upload a JPEG, PNG or WebP photo."


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def encoded(image, format="JPEG", name="foto.jpg", **save):
    buffer = io.BytesIO()
    image.save(buffer, format, **save)
    return SimpleUploadedFile(name, buffer.getvalue())


def decoded(clean):
    clean.file.seek(0)
    return Image.open(io.BytesIO(clean.file.read()))


def near(pixel, expected, tolerance=6):
    """JPEG is lossy: compare colours within a few steps."""
    return all(
        abs(got - want) <= tolerance for got, want in zip(pixel, expected, strict=True)
    )


def refusal(uploaded):
    with pytest.raises(ValidationError) as refused:
        clean_image(uploaded)
    return refused.value.messages


def test_a_phone_photo_comes_out_upright_without_exif_or_gps():
    photo = Image.new("RGB", (300, 100), (200, 30, 30))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "Samsung"
    exif.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitude] = (7.0, 33.0, 0.0)

    clean = clean_image(encoded(photo, exif=exif))

    stored = decoded(clean)
    assert (clean.width, clean.height) == (100, 300)
    assert stored.size == (100, 300)
    assert stored.format == "JPEG"
    assert dict(stored.getexif()) == {}
    assert "exif" not in stored.info
    assert clean.file.name == "foto.jpg"


def test_transparent_parts_become_white():
    picture = Image.new("RGBA", (40, 40), (0, 0, 0, 0))
    picture.paste((19, 105, 76, 255), (10, 10, 30, 30))

    stored = decoded(clean_image(encoded(picture, "PNG", name="logo.png")))

    assert stored.mode == "RGB"
    assert near(stored.getpixel((2, 2)), (255, 255, 255))
    assert near(stored.getpixel((20, 20)), (19, 105, 76))


def test_a_palette_gif_with_transparency_becomes_white_rgb():
    picture = Image.new("P", (20, 20), 0)
    picture.putpalette([0, 0, 0, 250, 0, 0] + [0] * 762)
    picture.paste(1, (5, 5, 15, 15))

    stored = decoded(clean_image(encoded(picture, "GIF", name="a.gif", transparency=0)))

    assert near(stored.getpixel((1, 1)), (255, 255, 255), tolerance=10)
    assert near(stored.getpixel((10, 10)), (250, 0, 0), tolerance=10)


def test_cmyk_is_converted_to_rgb():
    cmyk = Image.new("CMYK", (30, 30), (0, 255, 255, 0))

    stored = decoded(clean_image(encoded(cmyk)))

    assert stored.mode == "RGB"
    assert near(stored.getpixel((15, 15)), (255, 0, 0), tolerance=25)


def test_a_large_photo_is_scaled_to_the_longest_side(settings):
    settings.KESAN_IMAGE_MAX_SIDE = 500

    clean = clean_image(encoded(Image.new("RGB", (2000, 1000), (10, 10, 10))))

    assert (clean.width, clean.height) == (500, 250)


def test_a_text_file_renamed_jpg_is_refused():
    text = SimpleUploadedFile(
        "foto.jpg", b"Assalamu'alaikum, this is not a photo.\n" * 20
    )

    assert refusal(text) == [NOT_AN_IMAGE]


def test_a_truncated_jpeg_is_refused():
    whole = encoded(Image.effect_noise((400, 400), 60).convert("RGB")).read()

    assert refusal(SimpleUploadedFile("foto.jpg", whole[: len(whole) // 2])) == [
        NOT_AN_IMAGE
    ]


def test_an_svg_is_refused():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'

    assert refusal(SimpleUploadedFile("foto.svg", svg)) == [NOT_AN_IMAGE]


def test_a_file_over_the_size_limit_is_refused_before_decoding(settings):
    settings.KESAN_IMAGE_MAX_BYTES = 5 * 1024 * 1024
    heavy = SimpleUploadedFile("foto.jpg", b"\xff" * (6 * 1024 * 1024))

    assert refusal(heavy) == ["The picture is 6.0\xa0MB; the limit is 5.0\xa0MB."]


def test_too_many_pixels_are_refused_from_the_header(settings):
    settings.KESAN_IMAGE_MAX_PIXELS = 40_000_000
    # 50 megapixels of one colour: a few kilobytes on disk.
    bomb = encoded(
        Image.new("1", (10_000, 5_000)), "PNG", name="bom.png", optimize=True
    )

    assert bomb.size < 100_000
    assert refusal(bomb) == ["The picture has too many pixels (at most 40 megapixels)."]


def test_a_decompression_bomb_past_pillows_own_limit_is_refused(settings):
    settings.KESAN_IMAGE_MAX_PIXELS = 10**10
    bomb = encoded(
        Image.new("1", (15_000, 15_000)), "PNG", name="bom.png", optimize=True
    )

    assert refusal(bomb) == [
        "The picture has too many pixels (at most 10000 megapixels)."
    ]
