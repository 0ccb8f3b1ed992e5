"""The load benchmark's chart: latency percentiles and throughput per N, ours vs baseline."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Dict, List

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import ticker  # noqa: E402

SERIES = {  # (bot, endpoint): label, colour
    ("ours", "rest"): ("Overstapcoach, REST", "#1b6ca8"),
    ("ours", "web"): ("Overstapcoach, /api/chat", "#7b3fa0"),
    ("baseline", "rest"): ("rasa init sample bot, REST", "#d9822b"),
    ("prod", "web"): ("Overstapcoach, production mode (nginx, 2+2+2 replicas)", "#2a9d55"),
}
PERCENTILES = (("p50_ms", "o", "-"), ("p95_ms", "s", "--"), ("p99_ms", "^", ":"))


def draw(levels: List[Dict], out: Path, title: str) -> None:
    with warnings.catch_warnings():  # matplotlib 3.5 calls pyparsing's old names
        warnings.simplefilter("ignore", DeprecationWarning)
        _draw(levels, out, title)


def _draw(levels: List[Dict], out: Path, title: str) -> None:
    fig, (latency, throughput) = plt.subplots(1, 2, figsize=(12, 6))
    by_series: Dict[tuple, List[Dict]] = {}
    for row in levels:
        by_series.setdefault((row["bot"], row["endpoint"]), []).append(row)
    users = sorted({row["users"] for row in levels})
    for key, rows in by_series.items():
        label, colour = SERIES.get(key, (f"{key[0]} {key[1]}", "grey"))
        rows = sorted(rows, key=lambda r: r["users"])
        xs = [r["users"] for r in rows]
        for metric, marker, style in PERCENTILES:
            latency.plot(xs, [r[metric] for r in rows], marker=marker, linestyle=style, color=colour,
                         label=f"{label}: {metric[:3]}")
        throughput.plot(xs, [r["msgs_per_s"] for r in rows], marker="o", color=colour, label=label)
    latency.set_yscale("log")
    latency.yaxis.set_major_formatter(ticker.FuncFormatter(lambda y, _: f"{y:,.0f}"))
    latency.yaxis.set_minor_formatter(ticker.FuncFormatter(
        lambda y, _: f"{y:,.0f}" if str(round(y))[0] in "25" else ""))
    latency.set_title("Latency per message, p50 / p95 / p99 (log scale)")
    latency.set_ylabel("ms")
    throughput.set_title("Answered messages per second")
    throughput.set_ylabel("msgs/s")
    throughput.set_ylim(bottom=0)
    for axis in (latency, throughput):
        axis.set_xscale("log")
        axis.xaxis.set_major_locator(ticker.FixedLocator(users))
        axis.xaxis.set_major_formatter(ticker.FixedFormatter([str(u) for u in users]))
        axis.xaxis.set_minor_locator(ticker.NullLocator())
        axis.set_xlabel("concurrent users (N)")
        axis.grid(True, which="both", alpha=0.3)
    handles, labels = latency.get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=3, fontsize=8, frameon=False)
    fig.suptitle(title, fontsize=11)
    fig.tight_layout(rect=(0, 0.13, 1, 1))
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=110)
    plt.close(fig)
