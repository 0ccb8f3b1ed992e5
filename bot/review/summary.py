"""What the conversation list filters on, computed from one conversation's events."""

from __future__ import annotations

from typing import Any, Dict, List

from bot.review.masking import mask
from bot.review.tracker_store import Event
from bot.review.transcript import build, when

LOW_CONFIDENCE = 0.6  # below this an NLU guess counts as unsure
FALLBACK_INTENTS = {"nlu_fallback"}
FALLBACK_ACTIONS = {"action_default_fallback", "utter_please_rephrase", "utter_default"}
FEEDBACK_SCORES = {"goed", "slecht"}


def wrap(items: List[str]) -> str:
    """",a,b," so that a LIKE '%,a,%' finds a member; empty when there are none."""
    unique = list(dict.fromkeys(i for i in items if i))
    return "," + ",".join(unique) + "," if unique else ""


def summarize(sender_id: str, events: List[Event]) -> Dict[str, Any]:
    transcript = build(sender_id, events)
    users = transcript.user_turns
    typed = [t for t in users if not t.button_click]
    intents = [t.intent for t in users]
    actions = {t.action for t in transcript.turns if t.kind in ("action", "bot")}
    confidences = [t.confidence for t in typed if isinstance(t.confidence, (int, float))]
    slots = transcript.slots
    page = transcript.metadata
    suggested = [  # every occupation action_trajectory showed, over the whole conversation
        str(key) for e in events
        if e.type_name == "slot" and e.data.get("name") == "voorgestelde_beroepen"
        and isinstance(e.data.get("value"), list) for key in e.data["value"]
    ]
    feedback = slots.get("feedback_score") if slots.get("feedback_score") in FEEDBACK_SCORES else ""
    return {
        "started_at": when(events[0].timestamp),
        "last_at": when(events[-1].timestamp),
        "source": "vacature" if page.get("vacature_id") or page.get("pagina") == "vacature" else "website",
        "vacature_id": str(page.get("vacature_id") or "")[:64],
        "user_messages": len(users),
        "intents": wrap(intents),
        "beliefs": wrap([i for i in intents if i.startswith("belief_")]),
        "trajectories": wrap(suggested),
        "had_fallback": bool(FALLBACK_INTENTS & set(intents) or FALLBACK_ACTIONS & actions),
        "low_confidence": any(c < LOW_CONFIDENCE for c in confidences),
        "min_confidence": min(confidences) if confidences else None,
        "last_intent": intents[-1] if intents else "",
        "feedback": feedback,
        "feedback_comment": mask(slots.get("feedback_opmerking") or "")[:1000],
        "first_message": (typed[0].text if typed else "")[:200],
        "search_text": "\n".join(t.text for t in typed).lower(),
        "last_event_id": events[-1].id,
        "event_count": len(events),
    }
