default_app_config = 'forks.checkout.apps.CheckoutConfig'
