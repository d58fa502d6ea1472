"""What every benchmark needs: paths, sizes, medians, timed builds, a local server."""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
"""The repository."""

BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
"""Where the runner writes `latest.json` and `latest.md` (ignored by git)."""

GZIP_LEVEL = 9
"""Sizes "gzipped" are Python's gzip at level 9 (as `gzip -9`), header included, mtime 0."""


def gz_size(data: bytes) -> int:
    """Return the size of data gzipped at level 9."""
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def median(values: list[float]) -> float:
    """Return the median of some measurements."""
    return float(statistics.median(values))


def load_average() -> tuple[float, float, float]:
    """Return the 1, 5 and 15 minute load averages."""
    return os.getloadavg()


def machine() -> dict[str, object]:
    """Describe the machine the figures were taken on."""
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
    }


@dataclass(frozen=True)
class BuildRun:
    """One `mkdocs build` in its own process: wall time, CPU time and peak memory."""

    seconds: float
    """Wall time: what a tutor waits for, including time lost to other processes."""
    cpu_seconds: float
    """User and system CPU time of the build process: close to the wall time on an idle
    machine, and much less disturbed by other processes than the wall time is."""
    max_rss_mb: float


def mkdocs_build(
    config_file: Path, site_dir: Path, *, strict: bool = False, env: dict[str, str] | None = None
) -> BuildRun:
    """Build a site with `mkdocs build` in a subprocess, timing the whole process.

    The time is what a tutor waits for: interpreter start, imports, the build. Peak memory is
    the maximum resident set size of that one process (from `wait4`). `env` adds to the
    environment. A failed build raises.
    """
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "-q",
        "-f",
        str(config_file),
        "-d",
        str(site_dir),
    ]
    if strict:
        command.append("--strict")
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if process.stdout:
        process.stdout.close()
    if process.stderr:
        process.stderr.close()
    if process.returncode != 0:
        raise RuntimeError(f"mkdocs build of {config_file} failed:\n{stderr}")
    return BuildRun(
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        max_rss_mb=usage.ru_maxrss / 1024,
    )


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serve files quietly, gzipping text the way any real web server would."""

    _COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")

    def log_message(self, format: str, *args: object) -> None:
        """Log nothing."""
        return

    def do_GET(self) -> None:
        """Serve a file, gzipped when the client accepts it and it is text."""
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in self._COMPRESSIBLE and path.is_file()):
            super().do_GET()
            return
        body = _gzipped(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        self.wfile.write(body)


@functools.lru_cache(maxsize=4096)
def _gzipped(path: Path, mtime: int) -> bytes:
    """Return a file's gzipped content, cached while the file is unchanged."""
    del mtime  # part of the cache key only
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


class SiteServer:
    """A static server for one folder on a free local port, in a background thread."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        handler = functools.partial(_Handler, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.folder = folder
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        """Stop serving."""
        self.httpd.shutdown()
        self.httpd.server_close()

    def __enter__(self) -> SiteServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
