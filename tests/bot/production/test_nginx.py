"""The nginx configuration that production mode renders."""

import shutil
import subprocess

import pytest

from bot.production.nginx import render
from bot.production.settings import ProdSettings
from bot.stack import StackError


@pytest.fixture
def settings(tmp_path):
    return ProdSettings(public_port=18080, port_base=18100, db_port=18432, redis_port=18379,
                        db_password="x" * 12, api_token="t", data_dir=tmp_path)


def test_every_replica_is_an_upstream_server_and_only_the_public_port_is_open(settings):
    text = render(settings)
    assert "{{" not in text
    for port in settings.rasa_ports + settings.action_ports + settings.web_ports:
        assert f"server 127.0.0.1:{port} " in text
    assert "listen 18080;" in text
    assert "listen 127.0.0.1:18100;" in text and "listen 127.0.0.1:18110;" in text


def test_only_the_product_paths_are_proxied_and_the_rest_is_404(settings):
    text = render(settings)
    for location in ("location = /api/chat", "location ^~ /api/chat/", "location ^~ /review/",
                     "widget\\.js|widget\\.css", "(vacature/voorbeeld/)?$"):
        assert location in text
    assert 'return 404 "Niet gevonden.\\n";' in text
    assert "webhooks" not in text and "socket.io" not in text


def test_rate_limits_and_exemptions(settings):
    text = render(settings, chat_rate=3, rate_exempt="10.0.0.0/8, 192.168.1.7")
    assert "zone=chat:10m rate=3r/s" in text
    assert "10.0.0.0/8 1;" in text and "192.168.1.7/32 1;" in text
    with pytest.raises(StackError, match="not an address"):
        render(settings, rate_exempt="kantoor")


@pytest.mark.skipif(shutil.which("nginx") is None and not shutil.os.path.exists("/usr/sbin/nginx"),
                    reason="nginx is not installed (scripts/setup-prod.sh)")
def test_nginx_accepts_the_rendered_configuration(settings):
    directory = settings.data_dir / "nginx"
    for sub in ("tmp", "logs"):
        (directory / sub).mkdir(parents=True)
    settings.log_dir.mkdir(parents=True)
    config = directory / "nginx.conf"
    config.write_text(render(settings))
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    done = subprocess.run([nginx, "-t", "-q", "-c", str(config), "-p", str(directory)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
