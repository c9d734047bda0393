"""Sync and async clients for Referee's HTTP API, on the standard library only."""

import asyncio
import email.utils
import json
import os
import random
import socket
import time
import urllib.error
import urllib.request
import weakref
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from ._convert import component_values, plain

#: Where the adapters look for the service when no URL is given.
DEFAULT_URL = "http://127.0.0.1:8080"


def default_url() -> str:
    """`REFEREE_URL`, else http://127.0.0.1:8080."""
    return os.environ.get("REFEREE_URL") or DEFAULT_URL


class RefereeError(Exception):
    """Anything that kept Referee from answering."""


class RequestRejected(RefereeError):
    """Referee refused the request (a 4xx other than 429): retrying the same body cannot help.

    `status`, `code`, `field` and `message` come from the body's `{"error": {...}}`.
    """

    def __init__(self, status: int, code: str, message: str, field: Optional[str]):
        self.status, self.code, self.message, self.field = status, code, message, field
        where = f" at {field}" if field else ""
        super().__init__(f"Referee answered {status} {code}{where}: {message}")


class ServiceUnavailable(RefereeError):
    """Referee could not be reached, or kept answering 429/5xx, through every retry."""

    def __init__(self, message: str, status: Optional[int] = None):
        self.status = status
        super().__init__(message)


@dataclass(frozen=True)
class Result:
    """One rollout's result. `reward` is None when the rollout abstained; `error` then says why."""

    reward: Optional[float]
    components: Dict[str, Optional[float]]
    reasons: Dict[str, str]
    skipped: Dict[str, str]
    error: Optional[Dict[str, Any]]
    warnings: List[Dict[str, Any]]
    advantage: Optional[float]
    id: Any = None
    decision: Optional[str] = None
    extracted_answer: Optional[str] = None
    raw: Dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, data: Dict[str, Any]) -> "Result":
        """A result from the JSON object Referee answered."""
        return cls(
            reward=data.get("reward"), components=data.get("components") or {}, reasons=data.get("reasons") or {},
            skipped=data.get("skipped") or {}, error=data.get("error"), warnings=data.get("warnings") or [],
            advantage=data.get("advantage"), id=data.get("id"), decision=data.get("decision"),
            extracted_answer=data.get("extracted_answer"), raw=data,
        )

    @property
    def abstained(self) -> bool:
        """True when Referee gave no reward (a judge failure, no ground truth, ...)."""
        return self.reward is None

    @property
    def error_code(self) -> Optional[str]:
        """The abstention's code (`judge_unreachable`, `no_ground_truth`, ...), or None."""
        return (self.error or {}).get("code")

    def component_values(self) -> Dict[str, float]:
        """Each component as the number the formula used (a skip counting as 1 is 1, other gaps 0)."""
        return component_values(self.raw or {"components": self.components, "skipped": self.skipped})


def retry_after_seconds(header: Optional[str], now: Optional[float] = None) -> Optional[float]:
    """A `Retry-After` header in seconds: delta-seconds or an HTTP date; None when absent or unreadable."""
    if not header:
        return None
    header = header.strip()
    try:
        return max(0.0, float(header))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(header)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


@dataclass
class RetryPolicy:
    """How often and how long to retry connection errors, timeouts, 429 and 5xx.

    The wait is the server's `Retry-After` when it sends one (capped at `max_delay`), else
    `base_delay * 2**attempt` with jitter, capped at `max_delay`.
    """

    retries: int = 5
    base_delay: float = 0.5
    max_delay: float = 30.0

    def delay(self, attempt: int, retry_after: Optional[float]) -> float:
        if retry_after is not None:
            return min(retry_after, self.max_delay)
        return min(self.base_delay * (2 ** attempt), self.max_delay) * (0.5 + random.random() / 2)


def _is_batch_answer(status: int) -> bool:
    return 200 <= status < 300


class RefereeClient:
    """A blocking client. `score` sends rollouts in batches of at most `batch_size`, keeping each group in
    one batch so group advantages stay right, and returns the results in input order.

    `timeout` is seconds per HTTP attempt; `retries` how many more attempts after the first a connection
    error, a timeout, a 429 or a 5xx gets. `token` is sent as a bearer token.
    """

    def __init__(
        self,
        base_url: Optional[str] = None,
        timeout: float = 300.0,
        retries: int = 5,
        batch_size: int = 1024,
        backoff: float = 0.5,
        max_backoff: float = 30.0,
        token: Optional[str] = None,
        sleep: Callable[[float], None] = time.sleep,
    ):
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.base_url = (base_url or default_url()).rstrip("/")
        self.timeout = timeout
        self.batch_size = batch_size
        self.retry = RetryPolicy(retries=retries, base_delay=backoff, max_delay=max_backoff)
        self.token = token if token is not None else os.environ.get("REFEREE_TOKEN")
        self._sleep = sleep

    # -- routes ---------------------------------------------------------------------------------------

    def score(self, rollouts: Sequence[Dict[str, Any]], config: Optional[Dict[str, Any]] = None) -> List[Result]:
        """Scores rollouts through `POST /reward`; one result per rollout, in input order."""
        rollouts = [plain(r) for r in rollouts]
        results: List[Optional[Result]] = [None] * len(rollouts)
        for indices in batches(rollouts, self.batch_size):
            body: Dict[str, Any] = {"rollouts": [rollouts[i] for i in indices]}
            if config:
                body["config"] = plain(config)
            answer = self.post("/reward", body)
            for index, item in zip(indices, answer.get("results") or []):
                results[index] = Result.from_json(item)
        missing = [i for i, r in enumerate(results) if r is None]
        if missing:
            raise RefereeError(f"Referee answered no result for rollouts {missing[:10]}")
        return results  # type: ignore[return-value]

    def score_one(self, rollout: Dict[str, Any]) -> Result:
        """Scores one rollout (`POST /reward` with the rollout object)."""
        return Result.from_json(self.post("/reward", plain(rollout)))

    def get_reward(self, queries: Sequence[str], prompts: Optional[Sequence[str]] = None,
                   labels: Optional[Sequence[Any]] = None) -> Dict[str, Any]:
        """OpenRLHF's `POST /get_reward`, batched; the answers' lists are joined in order."""
        queries = list(queries)
        merged: Dict[str, Any] = {"rewards": [], "scores": [], "extra_logs": {}}
        for start in range(0, len(queries), self.batch_size):
            stop = start + self.batch_size
            body: Dict[str, Any] = {"query": queries[start:stop]}
            if prompts is not None:
                body["prompts"] = list(prompts[start:stop])
            if labels is not None:
                body["labels"] = plain(list(labels[start:stop]))
            answer = self.post("/get_reward", body)
            merged["rewards"] += answer.get("rewards", [])
            merged["scores"] += answer.get("scores", answer.get("rewards", []))
            for key, values in (answer.get("extra_logs") or {}).items():
                merged["extra_logs"].setdefault(key, []).extend(values)
        return merged

    def health(self) -> bool:
        """True when `GET /healthz` answers ok."""
        try:
            return self.request("GET", "/healthz").get("status") == "ok"
        except RefereeError:
            return False

    # -- HTTP -----------------------------------------------------------------------------------------

    def post(self, path: str, body: Any) -> Dict[str, Any]:
        """POSTs JSON to `path` with retries; the decoded answer, or RequestRejected / ServiceUnavailable."""
        return self.request("POST", path, body)

    def request(self, method: str, path: str, body: Any = None) -> Dict[str, Any]:
        data = None if body is None else json.dumps(body, allow_nan=False).encode("utf-8")
        last = "no attempt made"
        last_status: Optional[int] = None
        for attempt in range(self.retry.retries + 1):
            retry_after: Optional[float] = None
            try:
                status, headers, payload = self._send(method, path, data)
            except (urllib.error.URLError, ConnectionError, socket.timeout, TimeoutError, OSError) as error:
                last, last_status = f"{method} {path}: {getattr(error, 'reason', error)}", None
            else:
                if _is_batch_answer(status):
                    return json.loads(payload.decode("utf-8")) if payload else {}
                if status == 429 or status >= 500:
                    retry_after = retry_after_seconds(headers.get("Retry-After"))
                    last, last_status = f"{method} {path}: HTTP {status} {_error_text(payload)}", status
                else:
                    raise _rejection(status, payload)
            if attempt < self.retry.retries:
                self._sleep(self.retry.delay(attempt, retry_after))
        raise ServiceUnavailable(
            f"Referee at {self.base_url} gave no answer after {self.retry.retries + 1} attempts; last: {last}",
            status=last_status)

    def _send(self, method: str, path: str, data: Optional[bytes]) -> Tuple[int, Dict[str, str], bytes]:
        request = urllib.request.Request(self.base_url + path, data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.status, dict(response.headers.items()), response.read()
        except urllib.error.HTTPError as error:
            with error:
                return error.code, dict(error.headers.items()), error.read()


class AsyncRefereeClient:
    """The same API as `RefereeClient` for asyncio code: each HTTP call runs in a worker thread, and at most
    `max_concurrency` batches are in flight at once."""

    def __init__(self, base_url: Optional[str] = None, max_concurrency: int = 4, **kwargs: Any):
        kwargs.pop("sleep", None)  # waits between retries happen in the worker thread
        self.sync = RefereeClient(base_url, **kwargs)
        self.max_concurrency = max_concurrency
        self._semaphores: "weakref.WeakKeyDictionary[Any, asyncio.Semaphore]" = weakref.WeakKeyDictionary()

    @property
    def base_url(self) -> str:
        return self.sync.base_url

    def _limit(self) -> asyncio.Semaphore:
        # One per event loop: a semaphore is bound to the loop it first waits in, and one client may serve
        # several loops (verl's workers, asyncio.run per call).
        loop = asyncio.get_running_loop()
        if loop not in self._semaphores:
            self._semaphores[loop] = asyncio.Semaphore(self.max_concurrency)
        return self._semaphores[loop]

    async def _call(self, function: Callable[..., Any], *args: Any) -> Any:
        async with self._limit():
            return await asyncio.get_running_loop().run_in_executor(None, function, *args)

    async def score(self, rollouts: Sequence[Dict[str, Any]], config: Optional[Dict[str, Any]] = None) -> List[Result]:
        """Scores rollouts through `POST /reward`, batches in parallel; results in input order."""
        rollouts = [plain(r) for r in rollouts]
        chunks = batches(rollouts, self.sync.batch_size)
        answers = await asyncio.gather(
            *(self._call(self.sync.score, [rollouts[i] for i in chunk], config) for chunk in chunks))
        results: List[Optional[Result]] = [None] * len(rollouts)
        for chunk, chunk_results in zip(chunks, answers):
            for index, result in zip(chunk, chunk_results):
                results[index] = result
        return results  # type: ignore[return-value]

    async def score_one(self, rollout: Dict[str, Any]) -> Result:
        """Scores one rollout."""
        return await self._call(self.sync.score_one, rollout)

    async def get_reward(self, queries: Sequence[str], prompts: Optional[Sequence[str]] = None,
                         labels: Optional[Sequence[Any]] = None) -> Dict[str, Any]:
        """OpenRLHF's `POST /get_reward`."""
        return await self._call(self.sync.get_reward, queries, prompts, labels)

    async def post(self, path: str, body: Any) -> Dict[str, Any]:
        """POSTs JSON to `path` with retries."""
        return await self._call(self.sync.post, path, body)

    async def health(self) -> bool:
        """True when `GET /healthz` answers ok."""
        return await self._call(self.sync.health)


def batches(rollouts: Sequence[Dict[str, Any]], size: int) -> List[List[int]]:
    """Indices of `rollouts` cut into batches of at most `size`, never splitting a group across two batches
    (a group larger than `size` goes alone, whole: the server's `max_batch_size` is the real limit)."""
    units: List[List[int]] = []
    by_group: Dict[str, List[int]] = {}
    for index, rollout in enumerate(rollouts):
        group = rollout.get("group") if isinstance(rollout, dict) else None
        if group is None:
            units.append([index])
            continue
        key = json.dumps(group)
        if key not in by_group:
            by_group[key] = []
            units.append(by_group[key])
        by_group[key].append(index)
    chunks: List[List[int]] = []
    current: List[int] = []
    for unit in units:
        if current and len(current) + len(unit) > size:
            chunks.append(current)
            current = []
        current = current + unit
    if current:
        chunks.append(current)
    return chunks


def _error_text(payload: bytes) -> str:
    try:
        error = json.loads(payload.decode("utf-8")).get("error") or {}
        return f"{error.get('code', '')}: {error.get('message', '')}".strip(": ")
    except (ValueError, AttributeError):
        return payload[:200].decode("utf-8", "replace")


def _rejection(status: int, payload: bytes) -> RequestRejected:
    try:
        error = json.loads(payload.decode("utf-8")).get("error") or {}
    except (ValueError, AttributeError):
        error = {}
    return RequestRejected(
        status, error.get("code") or "http_error",
        error.get("message") or payload[:200].decode("utf-8", "replace"), error.get("field"))


def iter_chunks(items: Sequence[Any], size: int) -> Iterable[Sequence[Any]]:
    """`items` in slices of at most `size`."""
    for start in range(0, len(items), size):
        yield items[start:start + size]
