"""The one way a seller view learns whose shop it serves.

``SellerAccessMixin`` resolves the signed-in user's membership, sets
``self.pesantren`` and ``self.membership``, then calls ``resolve(**kwargs)``
where a view looks up the objects named in its URL through
``marketplace.seller.selectors`` (which filter by that pesantren). All of
this runs before the method handler, so an id of another pesantren gives
404 to GET and POST alike, before anything can change.
"""

from django.contrib import messages
from django.contrib.auth.mixins import AccessMixin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from pesantren.selectors import membership_of


class SellerAccessMixin(AccessMixin):
    """For views of the seller dashboard; sets ``pesantren`` and ``membership``."""

    #: Owner-only pages (members, bank details) refuse staff with 403.
    owner_only = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        membership = membership_of(request.user)
        if membership is None:
            messages.info(
                request, _("Open a shop first: tell us about your pesantren.")
            )
            return redirect("pesantren:apply")
        if self.owner_only and not membership.is_owner:
            raise PermissionDenied
        self.membership = request.seller_membership = membership
        self.pesantren = membership.pesantren
        self.resolve(**kwargs)
        return super().dispatch(request, *args, **kwargs)

    def resolve(self, **kwargs):
        """Look up the URL's objects through ``self.pesantren`` (Http404 if not its)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(pesantren=self.pesantren, membership=self.membership)
        return context
