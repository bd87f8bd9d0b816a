"""Forms of the seller dashboard: product, stock, pictures, import file."""

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.forms.models import fields_for_model
from django.utils.translation import gettext_lazy as _

from forks.catalogue.models import MAX_PRODUCTION_DAYS, Product
from forks.partner.models import StockRecord
from kesan.images import MultipleImageUploadField
from marketplace.fields import RupiahField
from marketplace.seller import selectors
from marketplace.seller.services import PRODUCT_FIELDS, ProductData

# Set in the product form only (imports leave them as they are).
PREORDER_FIELDS = ["is_preorder", "production_days"]
MIN_PRICE = Decimal("100")
MAX_PRICE = Decimal("1000000000")
MAX_STOCK = 1_000_000
_BPOM = re.compile(r"^(BPOMRI)?(MD|ML|NA|TR|TI|SD|SI|QD|QL|FF)\d{9,15}$")


def clean_pirt_number(text):
    """A P-IRT number as typed, if it has the 15 or more digits SPP-IRT gives."""
    text = (text or "").strip()
    if text and len(re.sub(r"\D", "", text)) < 15:
        raise ValidationError(
            _("A P-IRT number has at least 15 digits."), code="invalid_pirt"
        )
    return text


def clean_bpom_number(text):
    """A BPOM number in capitals without spaces, e.g. MD224510001234."""
    compact = re.sub(r"[\s.\-]", "", (text or "").upper())
    if compact and not _BPOM.match(compact):
        raise ValidationError(
            _(
                "A BPOM number starts with MD, ML, NA, TR, SD or SI followed by "
                "digits, "
                "e.g. MD 224510001234."
            ),
            code="invalid_bpom",
        )
    return compact


class CategoryChoiceField(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        self.labels = {}
        super().__init__(queryset=selectors.leaf_categories(), **kwargs)

    def label_from_instance(self, obj):
        return self.labels.get(obj.pk, obj.name)


class ProductForm(forms.Form):
    """Create or edit a product: Oscar's Product fields, plus the price, stock
    and SKU of its stockrecord, its category, new pictures and publishing."""

    title = forms.CharField(label=_("Product name"), max_length=255)
    category = CategoryChoiceField(
        label=_("Category"), required=False, empty_label=_("Choose a category")
    )
    price = RupiahField(
        label=_("Price (Rp)"),
        required=False,
        min_value=MIN_PRICE,
        max_value=MAX_PRICE,
        help_text=_("Type it as you say it: 150.000"),
    )
    stock = forms.IntegerField(
        label=_("Stock"),
        min_value=0,
        max_value=MAX_STOCK,
        initial=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    sku = forms.CharField(
        label=_("SKU"),
        max_length=64,
        required=False,
        help_text=_("Your own code for the product; left empty, one is made for you."),
    )
    photos = MultipleImageUploadField(
        label=_("Photos"),
        required=False,
        help_text=_(
            "JPEG, PNG or WebP, at most 5 MB each. Add more and order them later."
        ),
    )
    publish = forms.BooleanField(
        label=_("Publish: show it in the shop"), required=False
    )

    field_order = [
        "title",
        "category",
        "price",
        "stock",
        "photos",
        "description",
        "weight_grams",
        "length_cm",
        "width_cm",
        "height_cm",
        "condition",
        "halal_certificate_number",
        "pirt_number",
        "bpom_number",
        "is_preorder",
        "production_days",
        "sku",
        "publish",
    ]

    def __init__(self, *args, pesantren, product=None, **kwargs):
        self.pesantren, self.product = pesantren, product
        super().__init__(*args, **kwargs)
        model_fields = fields_for_model(
            Product,
            fields=[name for name in PRODUCT_FIELDS if name != "title"],
            widgets={"description": forms.Textarea(attrs={"rows": 5})},
        )
        for name, field in model_fields.items():
            if isinstance(field, forms.IntegerField):
                field.widget.attrs["inputmode"] = "numeric"
            self.fields[name] = field
        for name in ("price", "category", "weight_grams"):
            self.fields[name].needed_to_publish = True
        weight = self.fields["weight_grams"]
        weight.validators.append(MinValueValidator(1))
        weight.widget.attrs["min"] = 1
        self.fields["description"].help_text = _(
            "Plain text, or simple formatting: bold, italics and lists."
        )
        self.fields["category"].labels = {
            category.pk: label for category, label in selectors.category_choices()
        }
        self.fields.update(fields_for_model(Product, fields=PREORDER_FIELDS))
        production_days = self.fields["production_days"]
        # Model validators are not run by a plain form: bound the field here.
        production_days.validators += [
            MinValueValidator(1),
            MaxValueValidator(MAX_PRODUCTION_DAYS),
        ]
        production_days.widget.attrs.update(
            inputmode="numeric", min=1, max=MAX_PRODUCTION_DAYS
        )
        self.order_fields(self.field_order)

    # Where each reason to refuse publishing (rules.GAPS) is shown.
    gap_fields = {
        "price": "price",
        "weight": "weight_grams",
        "category": "category",
        "halal": "halal_certificate_number",
        "pirt_or_bpom": "pirt_number",
        "bpom": "bpom_number",
    }

    def add_publish_refusal(self, error):
        """Show each reason publishing was refused next to its field."""
        for item in error.error_list:
            self.add_error(self.gap_fields.get(item.code), item)

    def clean(self):
        cleaned = super().clean()
        # A pre-order is sold under akad salam: its production time is part
        # of the contract, so it must be known before anyone pays.
        if cleaned.get("is_preorder") and not cleaned.get("production_days"):
            if "production_days" not in self.errors:
                self.add_error(
                    "production_days",
                    ValidationError(
                        _("Enter how many days it takes to make, from 1 to 90."),
                        code="production_days_required",
                    ),
                )
        elif not cleaned.get("is_preorder"):
            cleaned["production_days"] = None
        return cleaned

    def clean_pirt_number(self):
        return clean_pirt_number(self.cleaned_data["pirt_number"])

    def clean_bpom_number(self):
        return clean_bpom_number(self.cleaned_data["bpom_number"])

    def clean_halal_certificate_number(self):
        return self.cleaned_data["halal_certificate_number"].strip().upper()

    def clean_sku(self):
        sku = self.cleaned_data["sku"].strip()
        taken = StockRecord.objects.filter(
            partner_id=self.pesantren.partner_id, partner_sku=sku
        )
        if self.product is not None:
            taken = taken.exclude(product=self.product)
        if sku and taken.exists():
            raise ValidationError(
                _("Another of your products has the SKU %(sku)s."),
                code="sku_taken",
                params={"sku": sku},
            )
        return sku

    def product_data(self):
        data = self.cleaned_data
        return ProductData(
            fields={name: data[name] for name in [*PRODUCT_FIELDS, *PREORDER_FIELDS]},
            price=data["price"],
            stock=data["stock"],
            sku=data["sku"],
            category=data["category"],
            # The box is not shown while the pesantren may not publish: leave
            # each product as it is rather than unpublish it on every save.
            publish=data["publish"] if self.pesantren.can_publish else None,
            images=data["photos"],
        )

    @classmethod
    def initial_for(cls, product):
        """Initial values for editing an annotated product (selectors.product_of)."""
        initial = {
            name: getattr(product, name) for name in [*PRODUCT_FIELDS, *PREORDER_FIELDS]
        }
        initial.update(
            price=product.stock_price,
            stock=product.stock_level,
            sku=product.sku,
            category=product.categories.first(),
            publish=product.is_public,
        )
        return initial


class StockForm(forms.Form):
    stock = forms.IntegerField(
        label=_("Stock"),
        min_value=0,
        max_value=MAX_STOCK,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


class PhotosForm(forms.Form):
    photos = MultipleImageUploadField(
        label=_("Add photos"), help_text=_("JPEG, PNG or WebP, at most 5 MB each.")
    )


class ImageMoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])

    @property
    def step(self):
        return -1 if self.cleaned_data["direction"] == "up" else 1


# Orders --------------------------------------------------------------------

# Suggested in the courier box (brand names, the same in every language); any
# other courier may be typed.
COURIERS = [
    "JNE",
    "J&T Express",
    "SiCepat",
    "AnterAja",
    "Pos Indonesia",
    "Ninja Xpress",
    "ID Express",
    "Lion Parcel",
    "TIKI",
    "Wahana",
]
_TRACKING_NUMBER = re.compile(r"^[A-Z0-9-]{6,64}$")


class ShipForm(forms.Form):
    """Courier and tracking number of a part sent by courier.

    A part collected at the pondok needs neither: the form is then empty.
    """

    courier = forms.CharField(
        label=_("Courier"),
        max_length=64,
        error_messages={"required": _("Enter the courier, for example JNE.")},
        widget=forms.TextInput(attrs={"list": "couriers", "autocomplete": "off"}),
    )
    tracking_number = forms.CharField(
        label=_("Tracking number (resi)"),
        max_length=64,
        error_messages={
            "required": _("Enter the tracking number printed on the courier's receipt.")
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters"}
        ),
    )

    def __init__(self, *args, pickup=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.pickup = pickup
        if pickup:
            for field in self.fields.values():
                field.required = False

    def clean_tracking_number(self):
        # Receipts print the number in groups; couriers look it up without spaces.
        number = re.sub(r"\s", "", self.cleaned_data["tracking_number"]).upper()
        if number and not _TRACKING_NUMBER.match(number):
            raise ValidationError(
                _(
                    "A tracking number has 6 to 64 letters, digits or dashes, "
                    "as on the courier's receipt."
                ),
                code="invalid_tracking_number",
            )
        return number


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, for the buyer"),
        max_length=255,
        error_messages={
            "required": _("Write why you cancel: the buyer sees it on their order.")
        },
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: the stock ran out, or the product was damaged."),
    )
