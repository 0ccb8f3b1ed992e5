"""Simulated users: N concurrent users hold scripted conversations with a chat endpoint.

Users start at random moments during the first `ramp` seconds of a level (a crowd that
arrives, not 50 people pressing enter in the same second). Then a closed loop: each user
sends a message, waits for the answer, thinks for a random time (seeded, uniform between
think_min and think_max seconds), then sends the next. When a conversation ends the user
starts the next one (a scenario picked by its own seeded random generator) with a new
sender id. Each conversation is a new visitor: it opens its own keep-alive connection, as
a browser would, and closes it at the end. A level ends after `duration` seconds (no new
message is sent after that; answers on their way are still counted) or, when
`conversations` is given, after each user has finished that many conversations.

Two kinds of endpoint, both reached under a base URL given by the caller:
- "rest": Rasa's REST channel, POST {base}/webhooks/rest/webhook {"sender", "message"};
- "web":  the web app's POST {base}/api/chat {"sender", "id", "message", "metadata"}.
A message counts as an error when the status is not 200, it times out, the connection
fails, the body is not the expected JSON, or the bot's reply list is empty.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import random
import time
from dataclasses import dataclass, replace
from typing import Any, Dict, List, Optional, Sequence, Tuple

import aiohttp

from bench.load_scenarios import Scenario
from bench.load_stats import Sample

ENDPOINTS = {"rest": "/webhooks/rest/webhook", "web": "/api/chat"}


@dataclass(frozen=True)
class LoadConfig:
    users: int
    duration: float = 40.0  # seconds; ignored when conversations is set
    conversations: Optional[int] = None  # per user
    think_min: float = 0.2
    think_max: float = 1.0
    timeout: float = 30.0
    seed: int = 7
    ramp: float = 10.0  # users start at random moments in the first `ramp` s (at most duration / 4)


def sender_id(tag: str, user: int, conversation: int) -> str:
    """A new sender per conversation, valid for both endpoints (letters, digits, - and _)."""
    return f"bench-{tag}-u{user}-c{conversation}"


def request_body(kind: str, sender: str, message: str, metadata: Dict[str, str], message_id: str) -> Dict:
    if kind == "rest":
        body: Dict[str, Any] = {"sender": sender, "message": message}
        if metadata:
            body["metadata"] = metadata
        return body
    if kind == "web":
        return {"sender": sender, "id": message_id, "message": message, "metadata": metadata}
    raise ValueError(f"unknown endpoint kind {kind!r}")


def reply_error(kind: str, status: int, body: Any) -> Optional[str]:
    """None when the answer is a usable bot reply, else the kind of error."""
    if status != 200:
        return f"http {status}"
    replies = body if kind == "rest" else (body.get("messages") if isinstance(body, dict) else None)
    if not isinstance(replies, list):
        return "bad body"
    if not replies:
        return "empty reply"
    return None


def reply_texts(reply: Any) -> List[str]:
    """The bot's texts in a REST reply (a list) or a /api/chat reply ({"messages": [...]})."""
    messages = reply if isinstance(reply, list) else (reply.get("messages") if isinstance(reply, dict) else None)
    return [str(m.get("text") or "") for m in messages or [] if isinstance(m, dict)]


class Run:
    """State shared by the users of one level."""

    def __init__(self, kind: str, base_url: str, scenarios: Sequence[Scenario], config: LoadConfig,
                 tag: str, keep_transcripts: bool = False) -> None:
        self.kind = kind
        self.url = base_url.rstrip("/") + ENDPOINTS[kind]
        self.scenarios = scenarios
        self.config = config
        self.tag = tag
        self.samples: List[Sample] = []
        self.conversations = 0
        self.transcripts: List[Tuple[str, str, Any]] = []  # (scenario, message, reply) when kept
        self.keep_transcripts = keep_transcripts
        self._ids = itertools.count()
        self.deadline = float("inf")
        self.started = time.monotonic()
        self.last_answer = 0.0  # monotonic time of the last answer (or error)

    def message_id(self) -> str:
        return f"m{next(self._ids)}"

    async def send(self, session: aiohttp.ClientSession, sender: str, message: str,
                   metadata: Dict[str, str]) -> Tuple[Sample, Any]:
        body = request_body(self.kind, sender, message, metadata, self.message_id())
        sent_at = time.monotonic() - self.started
        start = time.perf_counter()
        failure: Optional[str] = None
        try:
            async with session.post(self.url, json=body) as response:
                raw = await response.read()
                status = response.status
        except asyncio.TimeoutError:
            failure = "timeout"
        except aiohttp.ClientError:
            failure = "connection"
        elapsed = (time.perf_counter() - start) * 1000
        self.last_answer = time.monotonic()
        if failure:
            return Sample(elapsed, failure, sent_at=sent_at), None
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = None
        return Sample(elapsed, reply_error(self.kind, status, parsed), sent_at=sent_at), parsed

    def ramp(self) -> float:
        """Seconds over which users arrive: at most a quarter of a timed level."""
        if self.config.conversations is not None:
            return self.config.ramp
        return min(self.config.ramp, self.config.duration / 4)

    def more(self, done: int) -> bool:
        if self.config.conversations is not None:
            return done < self.config.conversations
        return time.monotonic() < self.deadline

    def visitor(self) -> aiohttp.ClientSession:
        """One visitor's browser: its own keep-alive connection, for one conversation."""
        return aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.config.timeout),
                                     connector=aiohttp.TCPConnector(limit=1))

    async def conversation(self, session: aiohttp.ClientSession, rng: random.Random, sender: str) -> bool:
        """One scenario, turn by turn; False when the level's time ran out first."""
        scenario = rng.choice(self.scenarios)
        for number, turn in enumerate(scenario.turns):
            if self.config.conversations is None and time.monotonic() >= self.deadline:
                return False
            metadata = dict(scenario.metadata) if number == 0 else {}
            sample, reply = await self.send(session, sender, turn, metadata)
            self.samples.append(replace(sample, first=number == 0))
            if self.keep_transcripts:
                self.transcripts.append((scenario.name, turn, reply))
            await asyncio.sleep(rng.uniform(self.config.think_min, self.config.think_max))
        return True

    async def user(self, index: int) -> None:
        rng = random.Random(f"{self.config.seed}-{self.tag}-{index}")
        await asyncio.sleep(rng.uniform(0, max(self.ramp(), self.config.think_max)))
        done = 0
        while self.more(done):
            async with self.visitor() as session:
                if not await self.conversation(session, rng, sender_id(self.tag, index, done)):
                    return
            done += 1
            self.conversations += 1


async def _run_users(run: Run) -> float:
    start = run.started = time.monotonic()
    run.deadline = start + run.config.duration
    await asyncio.gather(*(run.user(i) for i in range(run.config.users)))
    return max(run.last_answer, start) - start  # not the think time after the last answer


def run_level(kind: str, base_url: str, scenarios: Sequence[Scenario], config: LoadConfig,
              tag: str) -> Tuple[Run, float]:
    """Runs one concurrency level against base_url; returns the run and its wall time in s
    (from the start to the last answer)."""
    run = Run(kind, base_url, scenarios, config, tag)
    elapsed = asyncio.run(_run_users(run))
    return run, elapsed


def warm_up(kind: str, base_url: str, scenarios: Sequence[Scenario], tag: str) -> Run:
    """Each scenario once, one user, no think time: loads lazy parts before measuring."""
    config = LoadConfig(users=1, conversations=len(scenarios), think_min=0, think_max=0, timeout=120)
    run = Run(kind, base_url, scenarios, config, tag, keep_transcripts=True)

    async def every_scenario_once() -> None:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=config.timeout)) as session:
            for number, scenario in enumerate(scenarios):
                sender = sender_id(tag, 0, number)
                for index, turn in enumerate(scenario.turns):
                    sample, reply = await run.send(session, sender, turn,
                                                   dict(scenario.metadata) if index == 0 else {})
                    run.samples.append(replace(sample, first=index == 0))
                    run.transcripts.append((scenario.name, turn, reply))
                run.conversations += 1

    asyncio.run(every_scenario_once())
    return run
