"""Client for CBS StatLine open data (OData v3, JSON, no key).

Used only when CBS_LIVE=1; by default the bot answers from the snapshot in
data/knowledge/. Every call has a short timeout, answers are cached for a while,
and any failure (timeout, HTTP error, malformed answer) raises CbsUnavailable,
so the caller can fall back to the snapshot and say which period it shows.
"""

from __future__ import annotations

import asyncio
import os
import time
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Tuple

import aiohttp

DEFAULT_BASE_URL = "https://opendata.cbs.nl"
ALL_SECTORS = "T001081"  # CBS key for "A-U Alle economische activiteiten"


class CbsUnavailable(RuntimeError):
    """CBS did not give a usable answer in time."""


@dataclass(frozen=True)
class Rows:
    rows: List[Dict[str, Any]]
    fetched_at: float  # time.time() of the fetch, for "cijfers van <datum>"


@dataclass(frozen=True)
class OpenVacancies:
    thousands: float
    period: str  # CBS period key, e.g. "2025KW02"
    fetched_at: float


def live_enabled(environ: Dict[str, str] = os.environ) -> bool:
    return environ.get("CBS_LIVE", "0").strip() == "1"


class CbsClient:
    def __init__(
        self,
        base_url: Optional[str] = None,
        timeout: float = 2.0,
        ttl: float = 6 * 3600,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.base_url = (base_url or os.environ.get("CBS_BASE_URL") or DEFAULT_BASE_URL).rstrip("/")
        self.timeout = timeout
        self.ttl = ttl
        self.clock = clock
        self._cache: Dict[Tuple[str, Tuple[Tuple[str, str], ...]], Tuple[float, Rows]] = {}

    async def typed_dataset(self, table: str, where: str = "", select: str = "") -> Rows:
        """Rows of a table's TypedDataSet, from the cache while it is fresh."""
        params = {"$format": "json"}
        if where:
            params["$filter"] = where
        if select:
            params["$select"] = select
        url = f"{self.base_url}/ODataApi/odata/{table}/TypedDataSet"
        key = (url, tuple(sorted(params.items())))
        cached = self._cache.get(key)
        if cached and cached[0] > self.clock():
            return cached[1]
        rows = Rows(await self._get_values(url, params), time.time())
        self._cache[key] = (self.clock() + self.ttl, rows)
        return rows

    async def _get_values(self, url: str, params: Dict[str, str]) -> List[Dict[str, Any]]:
        timeout = aiohttp.ClientTimeout(total=self.timeout)
        try:
            async with aiohttp.ClientSession(timeout=timeout) as session:
                async with session.get(url, params=params) as response:
                    if response.status != 200:
                        raise CbsUnavailable(f"CBS answered HTTP {response.status}")
                    payload = await response.json(content_type=None)
        except asyncio.TimeoutError as error:
            raise CbsUnavailable(f"CBS did not answer within {self.timeout} s") from error
        except (aiohttp.ClientError, ValueError) as error:
            raise CbsUnavailable(f"CBS answer unusable: {error}") from error
        values = payload.get("value") if isinstance(payload, dict) else None
        if not isinstance(values, list) or not all(isinstance(v, dict) for v in values):
            raise CbsUnavailable("CBS answer has no list of rows under 'value'")
        return values

    async def open_vacancies(self, sector_key: str = ALL_SECTORS, table: str = "80472ned") -> OpenVacancies:
        """The newest quarter's open vacancies (x 1,000) for a sector (80472ned)."""
        result = await self.typed_dataset(
            table,
            where=f"Bedrijfskenmerken eq '{sector_key}' and substringof('KW',Perioden)",
            select="Perioden,OpenstaandeVacatures_1",
        )
        quarters = [
            row for row in result.rows
            if isinstance(row.get("OpenstaandeVacatures_1"), (int, float))
            and "KW" in str(row.get("Perioden", ""))
        ]
        if not quarters:
            raise CbsUnavailable(f"CBS has no open-vacancy figure for '{sector_key}'")
        newest = max(quarters, key=lambda row: str(row["Perioden"]).strip())
        return OpenVacancies(
            float(newest["OpenstaandeVacatures_1"]), str(newest["Perioden"]).strip(), result.fetched_at
        )
