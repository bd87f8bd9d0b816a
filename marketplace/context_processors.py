from django.utils.functional import SimpleLazyObject

from marketplace import selectors
from pesantren.selectors import membership_of


def navigation(request):
    """The category menu (cached) and, for sellers, their membership.

    The membership is looked up only if a template asks for it, and never
    for visitors who are not signed in.
    """

    def seller_membership():
        # Seller views have already looked it up (marketplace.seller.access).
        if hasattr(request, "seller_membership"):
            return request.seller_membership
        user = getattr(request, "user", None)
        return membership_of(user) if user else None

    return {
        "category_tree": selectors.category_tree(),
        "seller_membership": SimpleLazyObject(seller_membership),
    }
