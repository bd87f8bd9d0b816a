"""``{% basket_groups formset as groups %}``: basket lines grouped by the
pesantren that sells them, each group with its subtotal."""

from decimal import Decimal

from django import template

from pesantren.models import Pesantren

register = template.Library()


@register.simple_tag
def basket_groups(formset):
    forms = list(formset)
    partner_ids = {form.instance.stockrecord.partner_id for form in forms if form.instance.stockrecord_id}
    pesantren_by_partner = {
        pesantren.partner_id: pesantren
        for pesantren in Pesantren.objects.filter(partner_id__in=partner_ids)
    }
    groups = {}
    for form in forms:
        line = form.instance
        partner_id = line.stockrecord.partner_id if line.stockrecord_id else None
        group = groups.setdefault(
            partner_id,
            {"pesantren": pesantren_by_partner.get(partner_id), "forms": [], "subtotal": Decimal(0)},
        )
        group["forms"].append(form)
        if line.line_price_incl_tax_incl_discounts is not None:
            group["subtotal"] += line.line_price_incl_tax_incl_discounts
    return list(groups.values())
