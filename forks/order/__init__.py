default_app_config = 'forks.order.apps.OrderConfig'
