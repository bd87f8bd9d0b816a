"""Forms of the seller dashboard: product, stock, pictures, import file."""

import json
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
from marketplace.compliance.documents import check_document
from marketplace.compliance.numbers import (  # noqa: F401 (imports use them)
    clean_bpom_number,
    clean_halal_number,
    clean_pirt_number,
)
from marketplace import money
from marketplace.fields import RupiahField
from marketplace.seller import rules, selectors
from marketplace.seller.services import PRODUCT_FIELDS, ProductData

# Set in the product form only (imports leave them as they are).
PREORDER_FIELDS = ["is_preorder", "production_days"]
MIN_PRICE = Decimal("100")
MAX_PRICE = Decimal("1000000000")
MAX_STOCK = 1_000_000


def format_percent(value):
    """5.00 -> "5%", 2.50 -> "2,5%" in Indonesian ("2.5%" in English)."""
    return money.format_percent(value if value is not None else 0)


def prohibited_message(category, rule):
    message = _("Products of %(category)s may not be sold on KESAN.") % {
        "category": category.name
    }
    if rule.prohibited_reason:
        message = f"{message} {rule.prohibited_reason}"
    return message


class CategoryChoiceField(forms.ModelChoiceField):
    """Any leaf category validates (the form then refuses hidden and
    prohibited ones with its own message); the choices shown are set by the
    form from selectors.category_choices."""

    def __init__(self, **kwargs):
        super().__init__(queryset=selectors.leaf_categories(), **kwargs)


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
        self.rule_paths = rules.legality_rule_paths()
        choices = selectors.category_choices(self.rule_paths)
        category = self.fields["category"]
        category.choices = [("", category.empty_label)] + [
            (item.pk, label) for item, label in choices
        ]
        # The ujrah of each category, for the line under the select (JS).
        self.category_fees = {
            str(item.pk): format_percent(
                self.rule_paths[item.path].platform_fee_percent
            )
            for item, _label in choices
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

        # The legality fields each category needs, marked on the form (JS).
        self.category_needs = {
            str(item.pk): sorted(
                {self.gap_fields[need] for need in self.rule_paths[item.path].needs}
            )
            for item, _label in choices
        }
        for name in self.category_needs.get(self._chosen_category_pk(), []):
            self.fields[name].needed_to_publish = True
        self.order_fields(self.field_order)

    def _chosen_category_pk(self):
        value = self["category"].value()
        return str(getattr(value, "pk", value) or "")

    def category_fees_json(self):
        return json.dumps(self.category_fees)

    def category_needs_json(self):
        return json.dumps(self.category_needs)

    def category_fee(self):
        """The ujrah of the category chosen (typed, or saved), as "5%"."""
        return self.category_fees.get(self._chosen_category_pk(), "")

    def clean_category(self):
        category = self.cleaned_data["category"]
        if category is None:
            return None
        rule = self.rule_paths.get(category.path)
        if rule is not None and rule.prohibited:
            raise ValidationError(
                prohibited_message(category, rule), code="prohibited_category"
            )
        if not category.is_public:
            raise ValidationError(
                _("This category cannot be chosen."), code="invalid_choice"
            )
        return category

    # Where each reason to refuse publishing (rules.GAPS) is shown.
    gap_fields = {
        "price": "price",
        "weight": "weight_grams",
        "category": "category",
        "prohibited": "category",
        "halal": "halal_certificate_number",
        "food_registration": "pirt_number",
        "bpom_cosmetic": "bpom_number",
        "bpom_traditional": "bpom_number",
        "certificate_expired": "halal_certificate_number",
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
        return clean_halal_number(self.cleaned_data["halal_certificate_number"])

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


class CertificateForm(forms.Form):
    """The halal certificate document of a product, for the admins to verify."""

    document = forms.FileField(
        label=_("Certificate document"),
        help_text=_("PDF, JPEG or PNG of the certificate, at most 5 MB."),
        widget=forms.ClearableFileInput(
            attrs={"accept": "application/pdf,image/jpeg,image/png"}
        ),
    )
    expires_on = forms.DateField(
        label=_("Valid until"),
        required=False,
        help_text=_("Leave empty if the certificate has no end date."),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def clean_document(self):
        return check_document(self.cleaned_data["document"])


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
