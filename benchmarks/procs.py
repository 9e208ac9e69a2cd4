"""Process helpers: the app's real server started and stopped (benchmarks and e2e tests), and the resident
memory of a process tree (from /proc), sampled while it runs."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, process: subprocess.Popen, *, timeout: float = 90) -> float:
    """Seconds until Streamlit's health endpoint answers; an error when the server exits or times out."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return time.perf_counter() - started
        except OSError:
            time.sleep(0.1)
    raise TimeoutError("streamlit did not become healthy")


@contextmanager
def streamlit_server(db: Path, *, log_path: Path, env: Mapping[str, str] | None = None,
                     timeout: float = 90) -> Iterator[tuple[str, subprocess.Popen, float]]:
    """`streamlit run app.py` on a free port with WENYAN_DB=db (+ `env`), output to `log_path`:
    yields (base url, process, seconds until healthy); the server is stopped on exit."""
    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), "--server.headless",
               "true", "--server.fileWatcherType", "none", "--browser.gatherUsageStats", "false"]
    base = f"http://127.0.0.1:{port}"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(command, cwd=REPO, env={**os.environ, "WENYAN_DB": str(db), **(env or {})},
                                   stdout=log, stderr=subprocess.STDOUT)
        try:
            yield base, process, wait_healthy(base, process, timeout=timeout)
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    return children


def _rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0


def _pss(pid: int) -> int:
    """Proportional set size: shared pages (the forked workers' dictionaries) counted once overall."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _tree(pid: int) -> list[int]:
    children = _children_map()
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, ()))
    return found


def tree_rss(pid: int) -> int:
    """Bytes resident in `pid` and all its descendants right now (shared pages counted in each process)."""
    return sum(_rss(p) for p in _tree(pid))


def tree_pss(pid: int) -> int:
    """Proportional bytes of `pid` and its descendants (shared pages split between the processes)."""
    return sum(_pss(p) for p in _tree(pid))


class PeakSampler:
    """Samples the tree RSS of a pid every `interval` seconds in a thread; `.peak` holds the maximum.

    Not more often: each sample walks /proc and reads the kernel's smaps_rollup, and at 0.1 s the sampler took a
    tenth of a core from the ingest it measures (memory grows over seconds, so the peak is still caught)."""

    def __init__(self, pid: int, *, interval: float = 0.5) -> None:
        self.pid, self.interval, self.peak, self.peak_pss = pid, interval, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="rss-sampler")

    def __enter__(self) -> "PeakSampler":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.is_set():
            tree = _tree(self.pid)
            self.peak = max(self.peak, sum(_rss(p) for p in tree))
            self.peak_pss = max(self.peak_pss, sum(_pss(p) for p in tree))
            time.sleep(self.interval)
