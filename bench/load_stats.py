"""Pure figures for the load benchmark: percentiles, one level's summary, ratios, tables."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Dict, Iterable, List, Optional, Sequence


@dataclass(frozen=True)
class Sample:
    """One message: how long it took and, when it failed, why."""

    latency_ms: float
    error: Optional[str] = None  # "http 502", "timeout", "connection", "empty reply", ...
    first: bool = False  # the first message of a conversation (session start, welcome)
    sent_at: float = 0.0  # seconds after the level started

    @property
    def ok(self) -> bool:
        return self.error is None


def percentile(values: Sequence[float], share: float) -> float:
    """Linear interpolation between closest ranks (numpy's default); NaN for no values."""
    if not 0.0 <= share <= 1.0:
        raise ValueError(f"share must be between 0 and 1, not {share}")
    ordered = sorted(values)
    if not ordered:
        return math.nan
    position = share * (len(ordered) - 1)
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


SLOWEST = 8  # messages listed with their time, to tell a start-up crowd from a stall


def summarize(samples: Iterable[Sample], elapsed_s: float, conversations: int = 0) -> Dict:
    """Latency percentiles over the answered messages, throughput and errors of one level.

    msgs_per_s counts answered messages (no error) per second of the level's wall time."""
    samples = list(samples)
    good = [s.latency_ms for s in samples if s.ok]
    errors = Counter(s.error for s in samples if not s.ok)
    sent = len(samples)

    def rounded(value: float) -> Optional[float]:
        return None if math.isnan(value) else round(value, 1)

    return {
        "messages": sent,
        "answered": len(good),
        "errors": sum(errors.values()),
        "error_rate": round(sum(errors.values()) / sent, 4) if sent else 0.0,
        "errors_by_kind": dict(sorted(errors.items())),
        "conversations": conversations,
        "elapsed_s": round(elapsed_s, 2),
        "msgs_per_s": round(len(good) / elapsed_s, 2) if elapsed_s > 0 else 0.0,
        "p50_ms": rounded(percentile(good, 0.50)),
        "p95_ms": rounded(percentile(good, 0.95)),
        "p99_ms": rounded(percentile(good, 0.99)),
        "mean_ms": round(sum(good) / len(good), 1) if good else None,
        "first_message_p50_ms": rounded(percentile([s.latency_ms for s in samples if s.ok and s.first], 0.5)),
        "later_message_p50_ms": rounded(percentile([s.latency_ms for s in samples if s.ok and not s.first], 0.5)),
        "slowest": [{"sent_at_s": round(s.sent_at, 1), "ms": round(s.latency_ms), "first": s.first,
                     "error": s.error}
                    for s in sorted(samples, key=lambda s: -s.latency_ms)[:SLOWEST]],
        "max_ms": round(max(good), 1) if good else None,
    }


RATIO_METRICS = (
    # (label, key in a row of figures)
    ("p50 latency (ms)", "p50_ms"),
    ("p95 latency (ms)", "p95_ms"),
    ("p99 latency (ms)", "p99_ms"),
    ("msgs/s", "msgs_per_s"),
    ("server CPU per message (ms)", "server_cpu_ms_per_msg"),
    ("peak memory, Rasa server (MB)", "rasa_peak_mb"),
    ("peak memory, all bot processes (MB)", "bot_peak_mb"),
)


def ratio(ours: Optional[float], baseline: Optional[float]) -> Optional[float]:
    if ours is None or baseline is None or baseline == 0:
        return None
    return round(ours / baseline, 2)


def ratio_table(ours: Dict[int, Dict], baseline: Dict[int, Dict]) -> List[Dict]:
    """Rows of (users, metric, ours, baseline, ours/baseline) for each level both bots ran."""
    rows = []
    for users in sorted(set(ours) & set(baseline)):
        for label, key in RATIO_METRICS:
            a, b = ours[users].get(key), baseline[users].get(key)
            rows.append({"users": users, "metric": label, "ours": a, "baseline": b, "ratio": ratio(a, b)})
    return rows


def fmt(value, width: int = 9) -> str:
    if value is None:
        return "-".rjust(width)
    if isinstance(value, float):
        return f"{value:{width}.1f}" if abs(value) >= 10 else f"{value:{width}.2f}"
    return str(value).rjust(width)


def format_ratio_table(rows: List[Dict]) -> str:
    lines = [f"{'N':>3}  {'metric':38}{'ours':>10}{'baseline':>10}{'ours/base':>10}"]
    for row in rows:
        lines.append(f"{row['users']:>3}  {row['metric']:38}{fmt(row['ours'], 10)}"
                     f"{fmt(row['baseline'], 10)}{fmt(row['ratio'], 10)}")
    return "\n".join(lines)


def others_share(row: Dict, cores: Optional[int] = None) -> str:
    """Share of the machine's CPU that other processes used during the level, e.g. "12%"."""
    cores = cores or row.get("cores") or 1
    if row.get("others_cpu_s") is None or not row.get("elapsed_s"):
        return "-"
    return f"{100 * row['others_cpu_s'] / (row['elapsed_s'] * cores):.0f}%"


def format_levels(rows: List[Dict]) -> str:
    """One line per measured level: the bot, the endpoint and its figures.

    "1st p50" is the median latency of a conversation's first message (a new visitor on a
    new connection); cpu/msg is the servers' CPU time per answered message (ms); "others"
    is the share of all cores that processes other than the servers and the client used."""
    header = (f"{'bot':9}{'endpoint':9}{'N':>3}{'msgs':>7}{'err %':>7}{'p50':>8}{'p95':>8}{'p99':>8}"
              f"{'1st p50':>8}{'msg/s':>7}{'cpu/msg':>8}{'others':>7}  peak MB per process (VmHWM)")
    lines = [header]
    for row in rows:
        peaks = ", ".join(f"{name} {proc['vmhwm_mb']:.0f}" for name, proc in row["memory"].items())
        lines.append(
            f"{row['bot']:9}{row['endpoint']:9}{row['users']:>3}{row['messages']:>7}"
            f"{row['error_rate'] * 100:>7.2f}{fmt(row['p50_ms'], 8)}{fmt(row['p95_ms'], 8)}"
            f"{fmt(row['p99_ms'], 8)}{fmt(row.get('first_message_p50_ms'), 8)}{fmt(row['msgs_per_s'], 7)}"
            f"{fmt(row.get('server_cpu_ms_per_msg'), 8)}"
            f"{others_share(row):>7}  {peaks}"
        )
    return "\n".join(lines)


def failures(rows: List[Dict], max_error_rate: float, died: List[str]) -> List[str]:
    """Why the run misses its sanity targets; empty when it meets them."""
    out = [f"{name} died during the run" for name in died]
    for row in rows:
        if row["answered"] == 0:
            out.append(f"{row['bot']} {row['endpoint']} N={row['users']}: no message was answered")
        elif row["error_rate"] > max_error_rate:
            out.append(f"{row['bot']} {row['endpoint']} N={row['users']}: error rate "
                       f"{row['error_rate']:.2%} > {max_error_rate:.0%} ({row['errors_by_kind']})")
    return out
