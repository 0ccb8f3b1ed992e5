"""nginx in front of production mode: renders deploy/nginx.conf.template and runs it."""

from __future__ import annotations

import ipaddress
import os
import subprocess
from pathlib import Path
from typing import Dict, List

from bot.production.servers import which
from bot.production.settings import ProdSettings
from bot.settings import ROOT
from bot.stack import Service, StackError

TEMPLATE = ROOT / "deploy" / "nginx.conf.template"


def _servers(ports: List[int]) -> str:
    return "\n".join(f"        server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;" for port in ports)


def _exempt(networks: str) -> str:
    lines = []
    for item in filter(None, (part.strip() for part in networks.split(","))):
        try:
            network = ipaddress.ip_network(item, strict=False)
        except ValueError as problem:
            raise StackError(f"PROD_RATE_EXEMPT: '{item}' is not an address or network") from problem
        lines.append(f"        {network} 1;")
    return "\n".join(lines)


def render(settings: ProdSettings, chat_rate: int = 5, rate_exempt: str = "") -> str:
    directory = settings.data_dir / "nginx"
    values: Dict[str, str] = {
        # As root, the master process reads the config and the workers drop to www-data.
        "user": "user www-data;" if os.geteuid() == 0 else "",
        "dir": str(directory),
        "logs": str(settings.log_dir),
        "public_port": str(settings.public_port),
        "rasa_balancer_port": str(settings.rasa_balancer_port),
        "action_balancer_port": str(settings.action_balancer_port),
        "web_servers": _servers(settings.web_ports),
        "rasa_servers": _servers(settings.rasa_ports),
        "action_servers": _servers(settings.action_ports),
        "chat_rate": str(int(chat_rate)),
        "rate_exempt": _exempt(rate_exempt),
    }
    text = TEMPLATE.read_text(encoding="utf-8")
    for name, value in values.items():
        text = text.replace("{{" + name + "}}", value)
    if "{{" in text:
        raise StackError("deploy/nginx.conf.template has a placeholder without a value")
    return text


class Nginx(Service):
    """The only public door; also balances Rasa and the action servers internally."""

    def __init__(self, settings: ProdSettings, env: dict) -> None:
        self.directory = settings.data_dir / "nginx"
        self.config = self.directory / "nginx.conf"
        self.text = render(settings, int(env.get("PROD_CHAT_RATE", 5)), env.get("PROD_RATE_EXEMPT", ""))
        super().__init__(
            name="nginx",
            command=[which("nginx"), "-c", str(self.config), "-p", str(self.directory)],
            health_url=f"http://127.0.0.1:{settings.public_port}/widget.js",
            log_path=settings.log_dir / "nginx.log",
        )

    def write_config(self) -> Path:
        for sub in ("tmp", "logs"):  # nginx also insists on <prefix>/logs at start
            (self.directory / sub).mkdir(parents=True, exist_ok=True)
        self.config.write_text(self.text, encoding="utf-8")
        test = subprocess.run(self.command + ["-t", "-q"], capture_output=True, text=True)
        if test.returncode != 0:
            raise StackError(f"nginx refuses its configuration: {test.stderr.strip()}")
        return self.config
