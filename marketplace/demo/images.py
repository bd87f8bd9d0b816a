"""Pictures for the demo data, drawn with Pillow: product photos stand-ins,
pesantren logos and banners. Deterministic: the same input, the same bytes."""

import hashlib
import io
import textwrap

from PIL import Image, ImageDraw, ImageFont

PALETTE = [
    ((19, 105, 76), (201, 154, 46)),
    ((11, 61, 46), (227, 242, 235)),
    ((122, 62, 28), (251, 243, 224)),
    ((40, 70, 120), (230, 236, 248)),
    ((110, 40, 80), (248, 230, 240)),
    ((70, 95, 30), (240, 246, 222)),
]


def _colours(key):
    digest = hashlib.sha256(key.encode()).digest()
    return PALETTE[digest[0] % len(PALETTE)], digest


def _font(size):
    return ImageFont.load_default(size=size)


def _jpeg(image, quality=82):
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, optimize=True)
    return buffer.getvalue()


def product_photo(title, category_name, size=600):
    """A square 'photo' of a product: its category colours and its name."""
    (dark, light), digest = _colours(category_name)
    image = Image.new("RGB", (size, size), light)
    draw = ImageDraw.Draw(image)
    # A few soft circles so cards do not all look the same.
    for index in range(3):
        radius = size // 5 + digest[index + 1] % (size // 4)
        x = digest[index + 4] * size // 256
        y = digest[index + 7] * size // 256
        tint = tuple((c * 3 + d) // 4 for c, d in zip(light, dark))
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=tint)
    margin = size // 12
    draw.rounded_rectangle(
        (margin, size * 0.58, size - margin, size - margin), radius=size // 20, fill=dark
    )
    lines = textwrap.wrap(title, width=20)[:3]
    font = _font(size // 16)
    y = size * 0.62
    for line in lines:
        draw.text((margin * 1.6, y), line, fill=(255, 255, 255), font=font)
        y += size // 13
    draw.text((margin, margin), category_name.upper(), fill=dark, font=_font(size // 26))
    return _jpeg(image)


def initials(name):
    words = [w for w in name.replace("Pondok", "").replace("Pesantren", "").split() if w[0].isalpha()]
    return "".join(w[0] for w in words[:2]).upper() or "P"


def pesantren_logo(name, size=256):
    (dark, light), _digest = _colours(name)
    image = Image.new("RGB", (size, size), light)
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, size - 8, size - 8), fill=dark)
    draw.text((size / 2, size / 2), initials(name), fill=light, font=_font(size // 3), anchor="mm")
    return _jpeg(image, quality=88)


def pesantren_banner(name, width=1200, height=300):
    (dark, light), digest = _colours(name)
    image = Image.new("RGB", (width, height), dark)
    draw = ImageDraw.Draw(image)
    for step in range(0, width, 60):
        shade = tuple((c * (width - step) + l * step // 3) // width for c, l in zip(dark, light))
        draw.rectangle((step, 0, step + 60, height), fill=shade)
    # An arch, the shape of a pesantren gate.
    centre = width * (0.6 + digest[2] / 1280)
    draw.pieslice((centre - 140, 40, centre + 140, 320), 180, 360, fill=light)
    draw.rectangle((centre - 140, 180, centre + 140, height), fill=light)
    draw.text((40, height - 70), name, fill=(255, 255, 255), font=_font(34))
    return _jpeg(image)
