"""Edits under `mkdocs serve`: how soon a tutor sees a page edit and a bank edit.

A copy of the course is served by `mkdocs serve` (and again by `mkdocs serve --dirty`) in its
own process. Each trial edits a file (a sentence added to a track page, or a word to the text
of a question that page shows, in its bank), then fetches the page every 20 ms until the edit
is there. The latency is that wait, from the file being written to the page showing it: what
the tutor waits for, on a shared machine. Beside it is the CPU time the serve process used in
that wait (its user and system time, from /proc), which other processes disturb less. An edit
not shown within the timeout counts as never shown. Each trial puts the file back and waits
for that rebuild too, uncounted, so every trial starts from the same site.

No latency is below about 0.6 s: watchdog holds each file event 0.5 s (to pair the two halves
of a move), then MkDocs waits 0.1 s for more changes before it rebuilds. `mkdocs serve`
without `--dirty` then builds every page, so the same page edit is also timed on the course
without the engine (blocks deleted, no plugin): the theme's own rebuild, which the engine
cannot shorten.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .common import median
from .sites import copy_course

PAGE = "tracks/06-coaching.md"
"""The page edited, and the page whose quiz shows the bank edited."""
TIMEOUT = 30.0
"""Seconds an edit may take to show before it counts as never shown."""
POLL = 0.02


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _cpu_seconds(pid: int) -> float:
    """Return the user and system CPU time a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _wait_for(url: str, shown: Callable[[str], bool], timeout: float) -> float | None:
    """Return how long until the page at `url` passes `shown`, or None at the timeout."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        page = _fetch(url)  # waits while a rebuild is under way: MkDocs serves no half site
        if shown(page):
            return time.perf_counter() - started
        time.sleep(POLL)
    return None


def bank_edit_target(source: Path) -> tuple[Path, str]:
    """Return the bank of the page's first quiz, and the text line of a question it shows."""
    page = (source / "docs" / PAGE).read_text(encoding="utf-8")
    block = re.search(r"^/// quiz \| (?P<bank>\S+)\n(?P<body>(?:(?!///).*\n)*)///", page, re.M)
    if block is None:
        raise RuntimeError(f"{PAGE} has no quiz block")
    listed = re.search(r"questions: \[([^\]]+)\]", block["body"])
    for bank in sorted((source / "quizzes").glob("*.yml")):
        text = bank.read_text(encoding="utf-8")
        if not re.search(rf"^id: {re.escape(block['bank'])}$", text, re.M):
            continue
        first = listed.group(1).split(",")[0].strip() if listed else None
        at = text.find(f"- id: {first}") if first else 0
        line = re.compile(r"^ +text: (?![|>\"'])(.+\S)$", re.M).search(text, max(at, 0))
        if line is None:
            break
        return bank, line.group(0)
    raise RuntimeError(f"no plain question text found in the bank of {PAGE}'s quiz")


def _trial(
    path: Path, old: str, new: str, url: str, *, pid: int, marker: str
) -> tuple[float | None, float]:
    """Edit a file, wait for the page to show it, put the file back; return wait and CPU."""
    original = path.read_text(encoding="utf-8")
    cpu = _cpu_seconds(pid)
    path.write_text(original.replace(old, new, 1), encoding="utf-8")
    waited = _wait_for(url, lambda html: marker in html, TIMEOUT)
    used = _cpu_seconds(pid) - cpu
    path.write_text(original, encoding="utf-8")
    _wait_for(url, lambda html: bool(html) and marker not in html, TIMEOUT)
    time.sleep(0.3)  # let the rebuild of the restored file finish
    return waited, used


def _serve(
    source: Path,
    dirty: bool,
    repeat: int,
    progress: Callable[[str], None],
    kinds: tuple[str, ...] = ("page", "bank"),
) -> dict[str, Any]:
    """Serve a copy of the course and time page edits and bank edits."""
    port = _free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(source / "mkdocs.yml")]
    command += ["-a", f"127.0.0.1:{port}", *(["--dirty"] if dirty else [])]
    process = subprocess.Popen(
        command,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/{PAGE.removesuffix('.md')}/"
    try:
        if _wait_for(url, lambda html: bool(html) or process.poll() is not None, 120) is None:
            raise RuntimeError("mkdocs serve did not start within two minutes")
        if process.poll() is not None:
            raise RuntimeError(f"mkdocs serve stopped (exit status {process.returncode})")
        page = source / "docs" / PAGE
        bank, line = bank_edit_target(source) if "bank" in kinds else (page, "")
        figures: dict[str, Any] = {}
        for kind in kinds:
            waits: list[float | None] = []
            cpus: list[float] = []
            for trial in range(repeat):
                marker = f"Edited for the benchmark ({kind} {trial})"
                if kind == "page":
                    text = page.read_text(encoding="utf-8")
                    old = text.split("\n", 1)[0]
                    new = f"{old}\n\n{marker}."
                    waited, used = _trial(page, old, new, url, pid=process.pid, marker=marker)
                else:
                    waited, used = _trial(
                        bank, line, f"{line} {marker}", url, pid=process.pid, marker=marker
                    )
                waits.append(waited)
                cpus.append(used)
                shown = "never shown" if waited is None else f"{waited:.2f} s"
                progress(f"{source.name}: {kind} edit: {shown}")
            seen = [wait for wait in waits if wait is not None]
            figures[kind] = {
                "trials": repeat,
                "shown": len(seen),
                "median_s": round(median(seen), 3) if seen else None,
                "median_cpu_s": round(median(cpus), 3),
                "seconds": [None if wait is None else round(wait, 3) for wait in waits],
                "cpu_seconds": [round(cpu, 3) for cpu in cpus],
            }
        return figures
    finally:
        process.terminate()
        process.wait(timeout=30)


def run(workdir: Path, repeat: int, progress: Callable[[str], None]) -> dict[str, Any]:
    """Time edits under `mkdocs serve` and `mkdocs serve --dirty`; return the figures."""
    result: dict[str, Any] = {"page": PAGE, "timeout_s": TIMEOUT, "trials": repeat}
    for name, engine, dirty, kinds in (
        ("serve", "quizbank", False, ("page", "bank")),
        ("dirty", "quizbank", True, ("page", "bank")),
        ("plain", "plain", False, ("page",)),
    ):
        config = copy_course(workdir / f"serve-{name}", engine=engine)
        result[name] = _serve(config.parent, dirty, repeat, progress, kinds)
    return result
