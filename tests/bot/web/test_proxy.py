"""The client's address behind nginx, as the login throttle sees it."""

from django.test import override_settings

from bot.web.proxy import real_address


@override_settings(TRUST_PROXY=True)
def test_behind_nginx_the_address_comes_from_x_real_ip():
    assert real_address({"REMOTE_ADDR": "127.0.0.1", "HTTP_X_REAL_IP": "203.0.113.9"}) == "203.0.113.9"


@override_settings(TRUST_PROXY=True)
def test_a_forged_or_broken_header_is_ignored():
    assert real_address({"REMOTE_ADDR": "198.51.100.4", "HTTP_X_REAL_IP": "10.0.0.1"}) == "198.51.100.4"
    assert real_address({"REMOTE_ADDR": "127.0.0.1", "HTTP_X_REAL_IP": "' OR 1=1"}) == "127.0.0.1"


@override_settings(TRUST_PROXY=False)
def test_without_a_proxy_the_header_is_never_trusted():
    assert real_address({"REMOTE_ADDR": "127.0.0.1", "HTTP_X_REAL_IP": "203.0.113.9"}) == "127.0.0.1"
