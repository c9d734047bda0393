"""Starts the real `referee serve` (and the repository's fake judge) for the tests, on 127.0.0.1 only.

The binaries are `.build/debug/referee` and `.build/debug/fake-judge` from the repository root (or
`REFEREE_BIN` / `FAKE_JUDGE_BIN`). Every process started here is stopped by its own pid.
"""

import os
import re
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Dict, Iterator, List, Optional

import pytest

REPO = Path(__file__).resolve().parents[3]
REFEREE_BIN = Path(os.environ.get("REFEREE_BIN", REPO / ".build" / "debug" / "referee"))
FAKE_JUDGE_BIN = Path(os.environ.get("FAKE_JUDGE_BIN", REPO / ".build" / "debug" / "fake-judge"))
START_WAIT_SECONDS = 120  # a debug build on a busy 2-core machine may be slow to bind


class Process:
    """A child process whose log is a file; `stop()` ends it by its pid."""

    def __init__(self, args: List[str], log: Path, env: Optional[Dict[str, str]] = None, cwd: Optional[Path] = None):
        self.args, self.log = args, log
        self._file = open(log, "wb")
        self.popen = subprocess.Popen(args, stdout=self._file, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                      env=env, cwd=cwd)

    def wait_for(self, pattern: str) -> re.Match:
        """The first match of `pattern` in the log, waiting for the process to write it."""
        deadline = time.monotonic() + START_WAIT_SECONDS
        while time.monotonic() < deadline:
            match = re.search(pattern, self.log.read_text(errors="replace"))
            if match:
                return match
            if self.popen.poll() is not None:
                break
            time.sleep(0.05)
        self.stop()
        raise RuntimeError(f"{self.args[0]} did not write /{pattern}/; its log:\n{self.log.read_text(errors='replace')}")

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.terminate()  # SIGTERM to this pid only
            try:
                self.popen.wait(timeout=40)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait()
        self._file.close()


class Referee:
    """A running `referee serve`; `url` is its base URL."""

    def __init__(self, directory: Path, extra: List[str], name: str = "referee"):
        if not REFEREE_BIN.exists():
            raise RuntimeError(f"{REFEREE_BIN} is missing: run `swift build --product referee` first")
        args = [str(REFEREE_BIN), "serve", "--host", "127.0.0.1", "--port", "0",
                "--cache", str(directory / f"{name}-cache.sqlite"), *extra]
        self.process = Process(args, directory / f"{name}.log")
        line = self.process.wait_for(r"(?m)^.*referee listening.*$")
        port = re.search(r"127\.0\.0\.1:(\d+)", line.group(0))
        if port is None:
            self.process.stop()
            raise RuntimeError(f"no 127.0.0.1:PORT in the listening line: {line.group(0)}")
        self.url = f"http://127.0.0.1:{port.group(1)}"

    def log(self) -> str:
        return self.process.log.read_text(errors="replace")

    def stop(self) -> None:
        self.process.stop()


class FakeJudge:
    """The repository's scripted judge; `url` is its OpenAI-compatible base (…/v1)."""

    def __init__(self, directory: Path, extra: Optional[List[str]] = None):
        if not FAKE_JUDGE_BIN.exists():
            raise RuntimeError(f"{FAKE_JUDGE_BIN} is missing: run `swift build --product fake-judge` first")
        self.process = Process([str(FAKE_JUDGE_BIN), "--port", "0", *(extra or [])], directory / "fake-judge.log")
        self.port = int(self.process.wait_for(r"fake-judge listening on port (\d+)").group(1))
        self.url = f"http://127.0.0.1:{self.port}/v1"

    def calls(self) -> int:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/stats", timeout=30) as answer:
            import json
            return int(json.loads(answer.read()).get("calls", 0))

    def stop(self) -> None:
        self.process.stop()


def judge_flags(judge: FakeJudge) -> List[str]:
    return ["--judge-url", judge.url, "--judge-model", "fake"]


@pytest.fixture(scope="session")
def rules_server(tmp_path_factory) -> Iterator[Referee]:
    """Referee in rules mode (no judge), fallback_reward 0."""
    server = Referee(tmp_path_factory.mktemp("rules"), [])
    yield server
    server.stop()


@pytest.fixture(scope="session")
def rules_url(rules_server) -> str:
    return rules_server.url


@pytest.fixture(scope="session")
def judge_server(tmp_path_factory) -> Iterator[Dict[str, object]]:
    """Referee with the fake judge (answers TRUE, and 'the decision is right')."""
    directory = tmp_path_factory.mktemp("judge")
    judge = FakeJudge(directory)
    server = Referee(directory, judge_flags(judge))
    yield {"url": server.url, "judge": judge, "server": server}
    server.stop()
    judge.stop()


def outage_server(directory: Path, reply: str, wait: str) -> Referee:
    """Referee whose judge has gone away: started with the fake judge, which is then stopped.

    Referee retries a refused judge call 3 times (backoff 0.5, 1, 2 s) before the rollout abstains with
    `judge_unreachable`. The URLSession transport fails a refused connection at once; the default
    AsyncHTTPClient transport keeps reconnecting until its 10 s connect timeout, about 43 s a rollout.
    `/get_reward`, `/slime` and `/verify` then wait `judge_outage_wait` seconds for the judge before
    `judge_outage_reply` (`fallback`: 200 with the fallback; `unavailable`: 503 with Retry-After).
    Tests send responses no other test sends, so no cached verdict hides the outage.
    """
    judge = FakeJudge(directory)
    server = Referee(directory, judge_flags(judge) + [
        "--fallback-reward", "0", "--judge-transport", "urlsession",
        "--judge-outage-wait", wait, "--judge-outage-reply", reply])
    judge.stop()
    return server


@pytest.fixture(scope="session")
def outage_url(tmp_path_factory) -> Iterator[str]:
    """A judge outage with `judge_outage_reply` fallback (no wait): the run goes on with the fallback."""
    server = outage_server(tmp_path_factory.mktemp("outage"), "fallback", "0")
    yield server.url
    server.stop()


@pytest.fixture(scope="session")
def outage_503_url(tmp_path_factory) -> Iterator[str]:
    """A judge outage with the default `judge_outage_reply` unavailable, after a 1 s wait: 503 + Retry-After."""
    server = outage_server(tmp_path_factory.mktemp("outage503"), "unavailable", "1")
    yield server.url
    server.stop()
