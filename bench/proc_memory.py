"""Memory and CPU time of server processes, read from /proc (Linux).

- peak: VmHWM from /proc/<pid>/status, reset to the current RSS between levels by
  writing "5" to /proc/<pid>/clear_refs (needs root or the process's owner);
- cross-check: the highest VmRSS seen by a sampling thread (every `interval` s);
- CPU: utime + stime from /proc/<pid>/stat, to see which process did the work, and the
  busy time of the whole machine from /proc/stat, to see how much other processes took.

`rasa run` and `rasa run actions` may start helper processes, so a service is measured
by the process in its tree with the largest resident set: the one that holds the model.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Dict, List, Optional

PROC = Path("/proc")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def parse_status(text: str) -> Dict[str, int]:
    """The Vm* lines of /proc/<pid>/status, in kB."""
    out = {}
    for line in text.splitlines():
        key, _, rest = line.partition(":")
        if key.startswith("Vm") and rest.strip().endswith("kB"):
            out[key] = int(rest.split()[0])
    return out


def status(pid: int) -> Dict[str, int]:
    return parse_status((PROC / str(pid) / "status").read_text())


def parse_stat(text: str) -> Dict[str, int]:
    """ppid and CPU ticks from /proc/<pid>/stat (the command may contain spaces and parens)."""
    fields = text[text.rindex(")") + 2:].split()
    return {"ppid": int(fields[1]), "utime": int(fields[11]), "stime": int(fields[12])}


def cpu_seconds(pid: int) -> float:
    stat = parse_stat((PROC / str(pid) / "stat").read_text())
    return (stat["utime"] + stat["stime"]) / CLOCK_TICKS


def parse_machine_cpu(text: str) -> float:
    """CPU seconds spent busy by all cores together, from the first line of /proc/stat."""
    fields = [int(x) for x in text.splitlines()[0].split()[1:]]
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)  # idle + iowait
    return (sum(fields[:8]) - idle) / CLOCK_TICKS  # guest time is already inside user time


def machine_cpu_busy() -> float:
    return parse_machine_cpu((PROC / "stat").read_text())


def descendants(pid: int) -> List[int]:
    """pid and every process below it."""
    children: Dict[int, List[int]] = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            try:
                ppid = parse_stat((entry / "stat").read_text())["ppid"]
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        current = todo.pop()
        out.append(current)
        todo.extend(children.get(current, []))
    return out


def command_line(pid: int) -> str:
    try:
        return (PROC / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
    except OSError:
        return ""


def model_holder(pid: int) -> int:
    """The process in pid's tree with the largest resident set."""
    best, best_rss = pid, -1
    for candidate in descendants(pid):
        try:
            rss = status(candidate).get("VmRSS", 0)
        except OSError:
            continue
        if rss > best_rss:
            best, best_rss = candidate, rss
    return best


def reset_peak(pid: int) -> bool:
    """VmHWM := current RSS. False when the kernel or permissions do not allow it."""
    try:
        (PROC / str(pid) / "clear_refs").write_text("5")
        return True
    except OSError:
        return False


def alive(pid: int) -> bool:
    try:
        state = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return False
    return state[state.rindex(")") + 2] != "Z"


class Watch:
    """The peak memory and CPU time of named processes during one level."""

    def __init__(self, pids: Dict[str, int], interval: float = 0.25) -> None:
        self.pids = pids
        self.interval = interval
        self.max_rss: Dict[str, int] = {name: 0 for name in pids}
        self.samples = 0
        self.reset_ok: Dict[str, bool] = {}
        self._cpu_start: Dict[str, float] = {}
        self._machine_start = 0.0
        self.machine_busy_s = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while True:
            for name, pid in self.pids.items():
                try:
                    self.max_rss[name] = max(self.max_rss[name], status(pid).get("VmRSS", 0))
                except OSError:
                    pass
            self.samples += 1
            if self._stop.wait(self.interval):
                return

    def start(self) -> None:
        for name, pid in self.pids.items():
            self.reset_ok[name] = reset_peak(pid)
            self._cpu_start[name] = cpu_seconds(pid)
        self._machine_start = machine_cpu_busy()
        self._thread.start()

    def stop(self) -> Dict[str, Dict]:
        self._stop.set()
        self._thread.join()
        self.machine_busy_s = round(machine_cpu_busy() - self._machine_start, 2)
        out = {}
        for name, pid in self.pids.items():
            try:
                vm = status(pid)
                cpu: Optional[float] = round(cpu_seconds(pid) - self._cpu_start[name], 2)
            except OSError:  # the process is gone
                vm, cpu = {}, None
            out[name] = {
                "pid": pid,
                "vmhwm_mb": round(vm.get("VmHWM", 0) / 1024, 1),
                "max_sampled_rss_mb": round(self.max_rss[name] / 1024, 1),
                "rss_end_mb": round(vm.get("VmRSS", 0) / 1024, 1),
                "peak_was_reset": self.reset_ok.get(name, False),
                "cpu_s": cpu,
            }
        return out
