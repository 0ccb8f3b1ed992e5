"""Ports, folders and secrets of production mode, from the environment (.env)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List

from bot.settings import ROOT

DB_USER = "overstapcoach"
TRACKER_DB = "tracker"
REVIEW_DB = "review"


@dataclass(frozen=True)
class ProdSettings:
    """Where everything listens. Only `public_port` is reachable from outside;
    every other port is bound to 127.0.0.1."""

    public_port: int
    port_base: int  # internal ports: base+0 Rasa balancer, +1.. Rasa, +10 action balancer, ...
    db_port: int
    redis_port: int
    db_password: str
    api_token: str
    rasa_replicas: int = 2
    action_replicas: int = 2
    web_replicas: int = 2
    data_dir: Path = ROOT / "var" / "prod"

    @classmethod
    def from_env(cls, env: dict) -> "ProdSettings":
        return cls(
            public_port=int(env.get("PROD_PORT", 8080)),
            port_base=int(env.get("PROD_PORT_BASE", 8100)),
            db_port=int(env.get("PROD_DB_PORT", 5433)),
            redis_port=int(env.get("PROD_REDIS_PORT", 6380)),
            db_password=env["PROD_DB_PASSWORD"],
            api_token=env["RASA_API_TOKEN"],
            rasa_replicas=int(env.get("PROD_RASA_REPLICAS", 2)),
            action_replicas=int(env.get("PROD_ACTION_REPLICAS", 2)),
            web_replicas=int(env.get("PROD_WEB_REPLICAS", 2)),
            data_dir=ROOT / env.get("PROD_DATA_DIR", "var/prod"),
        )

    @property
    def rasa_balancer_port(self) -> int:
        return self.port_base

    @property
    def rasa_ports(self) -> List[int]:
        return [self.port_base + 1 + i for i in range(self.rasa_replicas)]

    @property
    def action_balancer_port(self) -> int:
        return self.port_base + 10

    @property
    def action_ports(self) -> List[int]:
        return [self.port_base + 11 + i for i in range(self.action_replicas)]

    @property
    def web_ports(self) -> List[int]:
        return [self.port_base + 21 + i for i in range(self.web_replicas)]

    def db_url(self, name: str) -> str:
        return f"postgresql://{DB_USER}:{self.db_password}@127.0.0.1:{self.db_port}/{name}"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "log"

    def check(self) -> None:
        """Refuses settings that cannot work, with a message that says what to change."""
        if self.rasa_replicas < 1 or self.action_replicas < 1 or self.web_replicas < 1:
            raise ValueError("PROD_*_REPLICAS must be 1 or more")
        if max(self.rasa_replicas, self.action_replicas, self.web_replicas) > 9:
            raise ValueError("at most 9 replicas per service (the port plan has room for 9)")
        if not self.db_password or self.db_password == "change-me":
            raise ValueError("PROD_DB_PASSWORD is not set in .env")
        ports = [self.public_port, self.db_port, self.redis_port, self.rasa_balancer_port,
                 self.action_balancer_port, *self.rasa_ports, *self.action_ports, *self.web_ports]
        if len(set(ports)) != len(ports):
            raise ValueError(f"two services would share a port: {sorted(ports)}")


def service_env(settings: ProdSettings, env: dict) -> Dict[str, str]:
    """What the Rasa servers, action servers and web apps of production mode read
    (endpoints.prod.yml, bot/web/settings.py), on top of `env`."""
    out = dict(env)
    out.update(
        PROD_DB_PORT=str(settings.db_port),
        PROD_DB_PASSWORD=settings.db_password,
        PROD_REDIS_PORT=str(settings.redis_port),
        ACTION_ENDPOINT_URL=f"http://127.0.0.1:{settings.action_balancer_port}/webhook",
        SANIC_HOST="127.0.0.1",  # the action servers listen on loopback only
        RASA_URL=f"http://127.0.0.1:{settings.rasa_balancer_port}",
        TRACKER_DB_URL=settings.db_url(TRACKER_DB),
        REVIEW_DB_URL=settings.db_url(REVIEW_DB),
        WEB_CACHE_URL=f"redis://127.0.0.1:{settings.redis_port}/2",
        WEB_TRUST_PROXY="1",
    )
    return out
