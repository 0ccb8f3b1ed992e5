"""Turns a conversation's tracker events into what staff read: user messages with
intent, confidence and entities; bot messages with the action that sent them;
slots and page metadata. Every text passes through the mask."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional

from bot.review.masking import mask, mask_value
from bot.review.tracker_store import Event

# Actions that are plumbing, not something the bot did for the user.
HIDDEN_ACTIONS = {"action_listen", "action_session_start", None, ""}


def when(timestamp: float) -> datetime:
    return datetime.fromtimestamp(timestamp or 0, tz=timezone.utc)


@dataclass
class Entity:
    entity: str
    value: str
    start: Optional[int]
    end: Optional[int]
    extractor: str


@dataclass
class Turn:
    kind: str  # user, bot, action, loop, session
    event_id: int
    at: datetime
    text: str = ""
    raw_text: str = ""  # unmasked: for entity offsets in exports only
    intent: str = ""
    confidence: Optional[float] = None
    entities: List[Entity] = field(default_factory=list)
    button_click: bool = False
    buttons: List[str] = field(default_factory=list)
    action: str = ""
    custom: Dict[str, Any] = field(default_factory=dict)
    loop: Optional[str] = None
    flag: Any = None  # the staff's Flag on this message, set by the transcript view


@dataclass
class Transcript:
    sender_id: str
    turns: List[Turn]
    slots: Dict[str, Any]
    metadata: Dict[str, Any]

    @property
    def user_turns(self) -> List[Turn]:
        return [t for t in self.turns if t.kind == "user"]


def user_turn(event: Event) -> Turn:
    data = event.data
    parse = data.get("parse_data") or {}
    intent = parse.get("intent") or {}
    text = data.get("text") or ""
    entities = [
        Entity(
            str(e.get("entity", "")), mask(e.get("value", "")), e.get("start"), e.get("end"),
            str(e.get("extractor") or ""),
        )
        for e in parse.get("entities") or [] if isinstance(e, dict)
    ]
    return Turn(
        "user", event.id, when(event.timestamp), text=mask(text), raw_text=text,
        intent=str(intent.get("name") or ""), confidence=intent.get("confidence"),
        entities=entities, button_click=text.startswith("/"),
    )


def bot_turn(event: Event, last_action: str) -> Turn:
    data = event.data.get("data") or {}
    buttons = [str(b.get("title", "")) for b in data.get("buttons") or [] if isinstance(b, dict)]
    custom = data.get("custom") if isinstance(data.get("custom"), dict) else {}
    action = (event.data.get("metadata") or {}).get("utter_action") or last_action
    return Turn(
        "bot", event.id, when(event.timestamp), text=mask(event.data.get("text") or ""),
        buttons=[mask(b) for b in buttons], action=str(action or ""), custom=custom,
    )


def build(sender_id: str, events: List[Event]) -> Transcript:
    turns: List[Turn] = []
    slots: Dict[str, Any] = {}
    metadata: Dict[str, Any] = {}
    last_action = ""
    for event in events:
        kind = event.type_name
        if kind == "user":
            turns.append(user_turn(event))
            page = event.data.get("metadata")
            if isinstance(page, dict):
                metadata.update(mask_value(page))
        elif kind == "bot":
            turns.append(bot_turn(event, last_action))
        elif kind == "action":
            name = event.data.get("name")
            last_action = name or ""
            if name not in HIDDEN_ACTIONS:
                turns.append(Turn("action", event.id, when(event.timestamp), action=name))
        elif kind == "active_loop":
            turns.append(Turn("loop", event.id, when(event.timestamp), loop=event.data.get("name")))
        elif kind == "session_started":
            turns.append(Turn("session", event.id, when(event.timestamp)))
        elif kind == "slot":
            slots[str(event.data.get("name"))] = mask_value(event.data.get("value"))
        elif kind == "reset_slots":
            slots.clear()
    return Transcript(sender_id, turns, slots, metadata)
