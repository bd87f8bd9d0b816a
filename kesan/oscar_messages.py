"""Oscar's and Django's own messages that show on KESAN's pages.

Their Indonesian catalogues translate some of these wrongly ("Account" as
"Menghitung", "Checkout" as "cekout") or not at all. The project's catalogue
comes first (``LOCALE_PATHS``), so locale/id/LC_MESSAGES/django.po holds the
Indonesian KESAN shows for them, and locale/en keeps their English. Listing
the msgids here keeps ``makemessages`` from dropping those entries as obsolete.
Nothing imports this module. Each msgid must match Oscar's or Django's own
exactly, whitespace included: a msgid that drifts after an upgrade only stops
overriding, and Oscar's translation shows again.
"""

from django.utils.translation import gettext_noop, ngettext_lazy, pgettext_lazy

# Account, sign-in, registration, address book, basket and checkout messages
# of django-oscar 4.2.
OSCAR_MESSAGES = [
    gettext_noop("Addresses in %(country)s require a valid postcode"),
    gettext_noop("Phone number"),
    gettext_noop("Tell us anything we should know when delivering your order."),
    gettext_noop("Product"),
    gettext_noop("Date registered"),
    gettext_noop("Date created"),
    gettext_noop("Date submitted"),
    gettext_noop("Save for Later"),
    gettext_noop("Move to Basket"),
    gettext_noop("Code"),
    gettext_noop("Variant"),
    gettext_noop("Please select a valid product"),
    gettext_noop(
        "Due to technical limitations we are not able to ship more than "
        "%(threshold)d items in one order. Your basket currently has "
        "%(basket)d items.",
    ),
    gettext_noop(
        "This product cannot be added to the basket because a price could not "
        "be determined for it.",
    ),
    gettext_noop(
        "This product cannot be added to the basket as its currency isn't the "
        "same as other products in your basket",
    ),
    gettext_noop(
        "We have merged a basket from a previous session. Its contents might "
        "have changed.",
    ),
    gettext_noop("Email"),
    gettext_noop("Num items"),
    gettext_noop("You can't save an item for later if you're not logged in!"),
    gettext_noop(
        "Your basket has got some issues. Please correct any validation errors below.",
    ),
    gettext_noop("The '%(code)s' voucher has expired"),
    gettext_noop("The '%(code)s' voucher is not active"),
    gettext_noop("Your basket does not qualify for a voucher discount"),
    gettext_noop("Voucher '%(code)s' added to basket"),
    gettext_noop("You have already added the '%(code)s' voucher to your basket"),
    gettext_noop("No voucher found with code '%(code)s'"),
    gettext_noop("Please enter a voucher code"),
    gettext_noop("No voucher found with id '%s'"),
    gettext_noop("Voucher '%s' removed from basket"),
    gettext_noop("My email address is"),
    gettext_noop("I am a new customer and want to checkout as a guest"),
    gettext_noop(
        "I am a new customer and want to create an account before checking out",
    ),
    gettext_noop("I am a returning customer, and my password is"),
    gettext_noop("A user with that email address already exists"),
    gettext_noop("You need to add some items to your basket to checkout"),
    gettext_noop(
        "'%(title)s' is no longer available to buy (%(reason)s). Please adjust "
        "your basket to continue",
    ),
    gettext_noop("Please either sign in or enter your email address"),
    gettext_noop("Please choose a shipping address"),
    gettext_noop(
        "Your previously chosen shipping address is no longer valid.  Please "
        "choose another one",
    ),
    gettext_noop("Please choose a shipping method"),
    gettext_noop(
        "Your previously chosen shipping method is no longer valid.  Please "
        "choose another one",
    ),
    gettext_noop(
        "Create your account and then you will be redirected back to the "
        "checkout process",
    ),
    gettext_noop("Address saved"),
    gettext_noop("Address deleted"),
    gettext_noop(
        "Shipping is unavailable for your chosen address - please choose another",
    ),
    gettext_noop("Your submitted shipping method is not permitted"),
    gettext_noop(
        "A problem occurred while processing payment for this order - no "
        "payment has been taken.  Please contact customer services if this "
        "problem persists",
    ),
    gettext_noop(
        "A problem occurred while placing this order. Please contact customer "
        "services.",
    ),
    gettext_noop("Subject"),
    gettext_noop("Inbox"),
    gettext_noop("Notifications"),
    ngettext_lazy(
        "%(count)d notification archived",
        "%(count)d notifications archived",
    ),
    ngettext_lazy("%(count)d notification deleted", "%(count)d notifications deleted"),
    gettext_noop("Product Alerts"),
    gettext_noop("An alert has been created"),
    gettext_noop("A confirmation email has been sent to %s"),
    gettext_noop("Your stock alert is now active"),
    gettext_noop("Your stock alert cannot be confirmed"),
    gettext_noop("Your stock alert has been cancelled"),
    gettext_noop("Your stock alert cannot be cancelled"),
    gettext_noop("Email address"),
    gettext_noop("Password"),
    gettext_noop("The entered password is not valid!"),
    gettext_noop("Confirm password"),
    gettext_noop("The two password fields didn't match."),
    gettext_noop("Order number"),
    gettext_noop("At least one field is required."),
    gettext_noop("All orders"),
    gettext_noop(
        "Orders placed between %(date_from)s and %(date_to)s and order number "
        "containing %(order_number)s",
    ),
    gettext_noop("Orders placed between %(date_from)s and %(date_to)s"),
    gettext_noop(
        "Orders placed since %(date_from)s and order number containing "
        "%(order_number)s",
    ),
    gettext_noop("Orders placed since %(date_from)s"),
    gettext_noop(
        "Orders placed until %(date_to)s and order number containing %(order_number)s",
    ),
    gettext_noop("Orders placed until %(date_to)s"),
    gettext_noop("Orders with order number containing %(order_number)s"),
    gettext_noop("A user with this email address already exists"),
    gettext_noop("Send notification to"),
    gettext_noop("Enter your email"),
    gettext_noop("There is already an active stock alert for %s"),
    gettext_noop(
        "%s has been sent a confirmation email for another product alert on "
        "this site. Please confirm or cancel that request before signing up "
        "for more alerts.",
    ),
    gettext_noop("You already have an active alert for this product"),
    gettext_noop("Welcome back"),
    gettext_noop("Thanks for registering!"),
    gettext_noop("Edit Profile"),
    gettext_noop("Profile updated"),
    gettext_noop("Delete profile"),
    gettext_noop("Your profile has now been deleted. Thanks for using the site."),
    gettext_noop("Change Password"),
    gettext_noop("Password updated"),
    gettext_noop("Email History"),
    gettext_noop("Order History"),
    gettext_noop("Order"),
    gettext_noop(
        "All available lines from order %(number)s have been added to your basket",
    ),
    gettext_noop(
        "It is not possible to re-order order %(number)s as none of its lines "
        "are available to purchase",
    ),
    gettext_noop("%(qty)d copies of '%(product)s' have been added to your basket"),
    gettext_noop("'%s' has been added to your basket"),
    gettext_noop("Address Book"),
    gettext_noop("Add a new address"),
    gettext_noop("Address '%s' created"),
    gettext_noop("Address '%s' updated"),
    gettext_noop("Delete address?"),
    gettext_noop("Address '%s' deleted"),
    gettext_noop("We do not ship to this country"),
    gettext_noop("Wish Lists"),
    gettext_noop("Quantities updated."),
    gettext_noop(
        "The shared accounts won't be able to access your wishlist because the "
        "visiblity is set to private.",
    ),
    gettext_noop(
        "You have added shared accounts to your wishlist but the visiblity is "
        "public, this means everyone with a link has access to it.",
    ),
    gettext_noop("Create a new wish list"),
    gettext_noop("The requested product no longer exists"),
    gettext_noop("Your wishlist has been created and '%(name)s has been added"),
    gettext_noop("Your wishlist has been created"),
    gettext_noop("%(title)s has been added to your wishlist"),
    gettext_noop("Your '%s' wishlist has been updated"),
    gettext_noop("Delete %s"),
    gettext_noop("Your '%s' wish list has been deleted"),
    gettext_noop("'%s' was added to your wish list."),
    gettext_noop("Remove %s"),
    gettext_noop("'%(title)s' was removed from your '%(name)s' wish list"),
    gettext_noop("Wish list '%(name)s' already containing '%(title)s'"),
    gettext_noop("'%(title)s' moved to '%(name)s' wishlist"),
    gettext_noop("Actions"),
    gettext_noop("Order total"),
    gettext_noop("Shipping Address"),
    gettext_noop("Message"),
    gettext_noop("unavailable"),
    gettext_noop("Unavailable"),
    gettext_noop("Available"),
    gettext_noop("no stock available"),
    gettext_noop("a maximum of %(max)d can be bought"),
    gettext_noop("In stock"),
    gettext_noop("In stock (%d available)"),
    gettext_noop("Shipping Method"),
    gettext_noop("This is not a valid international phone format."),
    gettext_noop("This is not a valid local phone format for %s."),
    gettext_noop("This is not a valid local or international phone format."),
    gettext_noop(
        "\n    <strong>%(title)s</strong> has been added to your basket.\n    ",
    ),
    gettext_noop(
        "\n    <strong>%(quantity)s</strong> copies of "
        "<strong>%(title)s</strong>\n    have been added to your basket.\n    ",
    ),
    gettext_noop("\n<strong>%(title)s</strong> has been moved back to your basket.\n"),
    gettext_noop("\n<strong>%(title)s</strong> has been saved for later\n"),
    gettext_noop("Your basket is now empty"),
    gettext_noop(
        "\n        Your basket total is now <strong>%(total)s</strong>\n        ",
    ),
    gettext_noop("View basket"),
    gettext_noop("Checkout now"),
    gettext_noop(
        "\nYour basket now qualifies for the \n<strong>%(name)s</strong> offer.\n",
    ),
    gettext_noop(
        "\nYour basket no longer qualifies for the\n<strong>%(name)s</strong> offer.\n",
    ),
    gettext_noop("Updating..."),
    gettext_noop("or"),
    gettext_noop("cancel"),
    gettext_noop("Qty"),
    gettext_noop("Discount"),
    gettext_noop("Basket total"),
    gettext_noop("Submitting..."),
    gettext_noop("Removing..."),
    gettext_noop("Write a review"),
    gettext_noop("Saving..."),
    gettext_noop("Are you sure you want to delete this address?"),
    gettext_noop("Yes!"),
    gettext_noop("Email history"),
    gettext_noop("Date sent"),
    gettext_noop("No emails found"),
    gettext_noop("Thanks for using our site!"),
    gettext_noop("The %(name)s team"),
    gettext_noop(
        "You're receiving this email because your email address has been "
        "changed to <strong>%(email)s</strong>.",
    ),
    gettext_noop(
        "If it wasn't you who changed it, please reset your password "
        "immediately and correct your email address:",
    ),
    gettext_noop("Reset password"),
    gettext_noop(
        "If it was you who changed the email address, you can ignore this email.",
    ),
    gettext_noop(
        "You're receiving this email because your email address has been "
        "changed to %(email)s.",
    ),
    gettext_noop("Your email address has changed at %(site_name)s."),
    gettext_noop(
        "You're receiving this e-mail because your password has been changed "
        "at %(name)s.",
    ),
    gettext_noop(
        "If it wasn't you who changed it, please reset your password immediately:",
    ),
    gettext_noop("Otherwise, you can ignore this email."),
    gettext_noop(
        "\nYou're receiving this email because your password has been changed "
        "at %(name)s.\n",
    ),
    gettext_noop("Your password changed at %(site_name)s."),
    gettext_noop(
        "You're receiving this e-mail because you requested a password reset "
        "for your user account at %(name)s.",
    ),
    gettext_noop("Please go to the following page and choose a new password:"),
    gettext_noop("Resetting your password at %(site_name)s."),
    gettext_noop("Thank you for registering."),
    gettext_noop("Notifications inbox"),
    gettext_noop("Sender"),
    gettext_noop("Return to notifications inbox"),
    pgettext_lazy("noun", "Archive"),
    gettext_noop("View"),
    pgettext_lazy("verb", "Archive"),
    gettext_noop("With selected items:"),
    gettext_noop("Archiving..."),
    gettext_noop("Deleting..."),
    gettext_noop("There are no notifications to display."),
    gettext_noop("Address book"),
    gettext_noop("Default shipping address"),
    gettext_noop("Default billing address"),
    gettext_noop("Set as default shipping address"),
    gettext_noop("Set as default billing address"),
    gettext_noop("There are no addresses in your address book."),
    gettext_noop("You do not have any active alerts for out-of-stock products."),
    gettext_noop("Line price excl. tax"),
    gettext_noop("Line price incl. tax"),
    gettext_noop("Login or register"),
    gettext_noop("Log In"),
    gettext_noop("I've forgotten my password"),
    gettext_noop("Logging in..."),
    gettext_noop("Register"),
    gettext_noop("Registering..."),
    gettext_noop("Order history"),
    pgettext_lazy("Buy again", "Re-ordering..."),
    pgettext_lazy("Buy again", "Re-order"),
    gettext_noop("Not available anymore"),
    gettext_noop("Basket total (excl. discounts)"),
    gettext_noop("Basket total (inc. discounts)"),
    gettext_noop("Shipping total (excl. discounts)"),
    gettext_noop("Shipping total (inc. discounts)"),
    gettext_noop("Shipping total"),
    pgettext_lazy("Buy again", "Re-order all items"),
    gettext_noop("Contact Number"),
    gettext_noop("Shipping Notes"),
    gettext_noop("Filtering..."),
    gettext_noop("Filter results"),
    gettext_noop("Reset"),
    gettext_noop("Total inc tax"),
    gettext_noop("No orders match your search."),
    gettext_noop("You haven't placed any orders."),
    gettext_noop("Change password"),
    gettext_noop("Edit profile"),
    gettext_noop("Please confirm your password to delete your profile."),
    gettext_noop("Warning"),
    gettext_noop(
        "\n                This will delete all information about you from the "
        "site.  Deleting your profile cannot be\n                undone.\n"
        "            ",
    ),
    gettext_noop("Delete?"),
    gettext_noop(
        "\n                Are you sure you want to delete %(name)s?\n            ",
    ),
    gettext_noop("Remove product"),
    gettext_noop(
        "\n                Are you sure you want to delete %(product_name)s "
        "from wish list %(wishlist_name)s?\n            ",
    ),
    gettext_noop("View product"),
    gettext_noop(
        "\n                                                            Move to "
        "'%(name)s' wish list\n"
        "                                                        ",
    ),
    gettext_noop("Update quantities"),
    gettext_noop("Your wish list is empty."),
    gettext_noop("Create"),
    gettext_noop("What should your new wish list be called?"),
    gettext_noop(
        "\n                    After your wishlist is created, "
        "<strong>%(title)s</strong> will be added.\n                ",
    ),
    gettext_noop("Share wishlist"),
    gettext_noop(
        "If you want to share your wishlist with others, you can add their "
        "email addresses below. The visibility must be set to shared in order "
        "for this to work.",
    ),
    gettext_noop("Number of products"),
    gettext_noop("Wish list settings"),
    gettext_noop("Copy sharing link"),
    gettext_noop("You don't have any wish lists yet."),
    gettext_noop("Sending..."),
    gettext_noop("Changing..."),
    gettext_noop("Oops! We found some errors"),
    gettext_noop("please check the error messages below and try again"),
    gettext_noop("previous"),
    gettext_noop(
        "\n                        Page %(page_num)s of %(total_pages)s\n"
        "                    ",
    ),
    gettext_noop("next"),
    gettext_noop("Password reset complete"),
    gettext_noop("Password reset"),
    gettext_noop("Complete"),
    gettext_noop("Your password has been set.  You may go ahead and log in now."),
    gettext_noop("Log in"),
    gettext_noop("Enter a new password"),
    gettext_noop(
        "Please enter your new password twice so we can verify you typed it in "
        "correctly.",
    ),
    gettext_noop("Change my password"),
    gettext_noop("Password reset unsuccessful"),
    gettext_noop(
        "The password reset link was invalid, possibly because it has already "
        "been used.  Please request a new password reset.",
    ),
    gettext_noop("Password reset email sent"),
    gettext_noop("Email sent"),
    gettext_noop(
        "\n        We've e-mailed you instructions for resetting your "
        "password. You should be receiving it shortly.\n    ",
    ),
    gettext_noop(
        "\n        If you don't receive an email, please make sure you've "
        "entered the address you registered with, and check\n        your spam "
        "folder.\n    ",
    ),
    gettext_noop(
        "Forgotten your password? Enter your e-mail address below, and we'll "
        "e-mail instructions for setting a new one.",
    ),
    gettext_noop("Send reset email"),
    gettext_noop("Line"),
    gettext_noop("email address"),
    gettext_noop("This address is already in your address book"),
    pgettext_lazy("start date", "From"),
    pgettext_lazy("end date", "To"),
    gettext_noop("Visibility"),
    gettext_noop("Private - Only the owner can see the wish list"),
    gettext_noop(
        "Shared - Only the owner and people with access to the obfuscated link "
        "can see the wish list",
    ),
    gettext_noop("Public - Everybody can see the wish list"),
]

# django.contrib.auth: the sign-in error and the password rules.
DJANGO_MESSAGES = [
    gettext_noop(
        "Please enter a correct %(username)s and password. Note that both "
        "fields may be case-sensitive.",
    ),
    gettext_noop(
        "Your password can’t be too similar to your other personal information.",
    ),
    ngettext_lazy(
        "Your password must contain at least %(min_length)d character.",
        "Your password must contain at least %(min_length)d characters.",
    ),
    gettext_noop("Your password can’t be a commonly used password."),
    gettext_noop("Your password can’t be entirely numeric."),
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
    ),
    gettext_noop("This password is too common."),
    gettext_noop("This password is entirely numeric."),
    gettext_noop("The password is too similar to the %(verbose_name)s."),
    gettext_noop("The two password fields didn’t match."),
    gettext_noop("Your old password was entered incorrectly. Please enter it again."),
    gettext_noop("Enter the same password as before, for verification."),
    gettext_noop("Old password"),
    gettext_noop("New password"),
    gettext_noop("New password confirmation"),
]
