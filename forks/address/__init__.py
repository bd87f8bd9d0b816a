default_app_config = 'forks.address.apps.AddressConfig'
