from oscar.core.loading import get_model

from marketplace.address_forms import FIELDS, IndonesianAddressForm

UserAddress = get_model("address", "UserAddress")


class UserAddressForm(IndonesianAddressForm):
    """A saved address of the buyer, in the Indonesian form."""

    class Meta:
        model = UserAddress
        fields = FIELDS

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.user = user
