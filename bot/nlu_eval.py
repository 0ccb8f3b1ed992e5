"""Scores the model's NLU on the held-out test set and writes a report.

Predictions go through the same path as ``POST /model/parse`` (the whole NLU
pipeline, FallbackClassifier included), so a fallback counts as a miss.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Set, Tuple

from sklearn.metrics import precision_recall_fscore_support

EntitySet = Set[Tuple[str, str]]
ROOT = Path(__file__).resolve().parent.parent
GATED_ENTITIES = ("beroep", "regio")  # the lookups: occupations and places


@dataclass
class Case:
    text: str
    intent: str
    entities: EntitySet
    predicted_intent: str = ""
    runner_up: str = ""
    confidence: float = 0.0
    predicted_entities: EntitySet = frozenset()


def load_cases(test_file: Path) -> List[Case]:
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(test_file))
    return [
        Case(
            text=ex.get("text"),
            intent=ex.get("intent"),
            entities={(e["entity"], str(e["value"])) for e in ex.get("entities") or []},
        )
        for ex in data.intent_examples
    ]


async def _predict(model: Path, cases: List[Case]) -> None:
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # no debug line per parsed message
    logging.getLogger().setLevel(logging.WARNING)

    agent = Agent.load(str(model))
    for case in cases:
        result = await agent.parse_message(case.text)
        case.predicted_intent = result["intent"]["name"]
        case.confidence = float(result["intent"].get("confidence") or 0.0)
        ranking = [r["name"] for r in result.get("intent_ranking", []) if r["name"] != "nlu_fallback"]
        case.runner_up = ranking[0] if ranking else case.predicted_intent
        case.predicted_entities = {
            (e["entity"], str(e["value"])) for e in result.get("entities", [])
        }


def intent_scores(cases: List[Case], use_runner_up: bool = False) -> Dict:
    labels = sorted({c.intent for c in cases})
    truth = [c.intent for c in cases]
    predicted = [c.runner_up if use_runner_up else c.predicted_intent for c in cases]
    p, r, f, support = precision_recall_fscore_support(
        truth, predicted, labels=labels, zero_division=0
    )
    return {
        "accuracy": sum(t == q for t, q in zip(truth, predicted)) / len(cases),
        "macro_f1": float(f.mean()),
        "per_intent": {
            label: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]), "support": int(support[i])}
            for i, label in enumerate(labels)
        },
    }


def entity_scores(cases: List[Case]) -> Dict:
    counts: Dict[str, Counter] = {}
    for case in cases:
        for name in {e for e, _ in case.entities | case.predicted_entities}:
            gold = {v for e, v in case.entities if e == name}
            pred = {v for e, v in case.predicted_entities if e == name}
            c = counts.setdefault(name, Counter())
            c["tp"] += len(gold & pred)
            c["fp"] += len(pred - gold)
            c["fn"] += len(gold - pred)

    def f1(c: Counter) -> Dict:
        precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        score = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": precision, "recall": recall, "f1": score, "support": c["tp"] + c["fn"]}

    total = sum(counts.values(), Counter())
    return {"micro": f1(total), "per_entity": {k: f1(v) for k, v in sorted(counts.items())}}


def confusions(cases: List[Case], top: int = 10) -> List[Tuple[str, str, int]]:
    pairs = Counter((c.intent, c.predicted_intent) for c in cases if c.intent != c.predicted_intent)
    return [(t, p, n) for (t, p), n in pairs.most_common(top)]


def render_markdown(result: Dict, cases: List[Case]) -> str:
    intents, entities = result["intents"], result["entities"]
    lines = [
        "# NLU evaluation on the held-out test set",
        "",
        f"- Test set: `{result['test_file']}` ({result['examples']} examples, {len(intents['per_intent'])} intents)",
        f"- Model: `{result['model']}`",
        f"- Intent accuracy: **{intents['accuracy']:.3f}**",
        f"- Intent macro-F1: **{intents['macro_f1']:.3f}** (through the fallback; "
        f"{result['fallbacks']} examples fell back)",
        f"- Intent macro-F1 without the fallback (DIET's top intent): {result['intents_without_fallback']['macro_f1']:.3f}",
        f"- Entity micro-F1: **{entities['micro']['f1']:.3f}** "
        f"(precision {entities['micro']['precision']:.3f}, recall {entities['micro']['recall']:.3f})",
        "",
        "## Per intent",
        "",
        "| intent | precision | recall | F1 | n |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, s in sorted(intents["per_intent"].items(), key=lambda kv: kv[1]["f1"]):
        lines.append(f"| {name} | {s['precision']:.2f} | {s['recall']:.2f} | {s['f1']:.2f} | {s['support']} |")
    lines += ["", "## Worst confusions (true → predicted)", "", "| true | predicted | count |", "|---|---|---:|"]
    lines += [f"| {t} | {p} | {n} |" for t, p, n in result["confusions"]]
    lines += ["", "## Per entity", "", "| entity | precision | recall | F1 | n |", "|---|---:|---:|---:|---:|"]
    for name, s in entities["per_entity"].items():
        lines.append(f"| {name} | {s['precision']:.2f} | {s['recall']:.2f} | {s['f1']:.2f} | {s['support']} |")
    lines += ["", "## Misclassified examples", ""]
    for c in cases:
        if c.intent != c.predicted_intent:
            lines.append(f"- `{c.text}`: {c.intent} → {c.predicted_intent} ({c.confidence:.2f})")
    lines += ["", "## Entity errors", ""]
    for c in cases:
        if c.entities != c.predicted_entities:
            missing = sorted(c.entities - c.predicted_entities)
            extra = sorted(c.predicted_entities - c.entities)
            lines.append(f"- `{c.text}`: missing {missing}, extra {extra}")
    return "\n".join(lines) + "\n"


def entity_gate_failures(result: Dict, min_entity_f1: Optional[float]) -> List[str]:
    """Entities of GATED_ENTITIES whose F1 is below the gate."""
    if min_entity_f1 is None:
        return []
    per_entity = result["entities"]["per_entity"]
    failures = []
    for name in GATED_ENTITIES:
        f1 = per_entity.get(name, {}).get("f1", 0.0)
        if f1 < min_entity_f1:
            failures.append(f"entity '{name}' F1 {f1:.3f} is below the gate of {min_entity_f1}")
    return failures


def run_evaluation(
    model: Path,
    test_file: Path,
    report_dir: Path,
    min_macro_f1: Optional[float] = None,
    min_entity_f1: Optional[float] = None,
) -> int:
    start = time.monotonic()
    cases = load_cases(test_file)
    asyncio.run(_predict(model, cases))
    result = {
        "model": model.name,
        "test_file": str(test_file.resolve().relative_to(ROOT)),
        "examples": len(cases),
        "fallbacks": sum(c.predicted_intent == "nlu_fallback" for c in cases),
        "intents": intent_scores(cases),
        "intents_without_fallback": intent_scores(cases, use_runner_up=True),
        "entities": entity_scores(cases),
        "confusions": confusions(cases),
        "seconds": round(time.monotonic() - start, 1),
    }
    report_dir.mkdir(parents=True, exist_ok=True)
    (report_dir / "nlu-eval.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    (report_dir / "nlu-eval.md").write_text(render_markdown(result, cases), encoding="utf-8")

    intents = result["intents"]
    print(
        f"==> NLU on held-out set ({len(cases)} examples): accuracy {intents['accuracy']:.3f}, "
        f"macro-F1 {intents['macro_f1']:.3f}, entity F1 {result['entities']['micro']['f1']:.3f}"
    )
    for t, p, n in result["confusions"][:5]:
        print(f"    confused {t} -> {p}: {n}")
    print(f"    Report: {report_dir / 'nlu-eval.md'}")
    for name in GATED_ENTITIES:
        scores = result["entities"]["per_entity"].get(name)
        if scores:
            print(f"    entity {name}: F1 {scores['f1']:.3f} (n={scores['support']})")
    failures = entity_gate_failures(result, min_entity_f1)
    if min_macro_f1 is not None and intents["macro_f1"] < min_macro_f1:
        failures.insert(0, f"intent macro-F1 {intents['macro_f1']:.3f} is below the gate of {min_macro_f1}")
    for failure in failures:
        print(f"ERROR: {failure}")
    return 1 if failures else 0
