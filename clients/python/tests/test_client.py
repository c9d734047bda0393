"""RefereeClient and AsyncRefereeClient: against the real service, and against a stub for retries and refusals."""

import asyncio
import email.utils
import http.server
import json
import threading
import time
from typing import Any, Iterator, List, Tuple

import pytest

from referee_client import (AsyncRefereeClient, RefereeClient, RequestRejected, ServiceUnavailable, batches,
                            retry_after_seconds)

from data import ROWS, big_batch


def rollouts(rows) -> List[dict]:
    return [{"id": i, "prompt": r.question, "response": r.response, **_label(r.label)} for i, r in enumerate(rows)]


def _label(label: Any) -> dict:
    if isinstance(label, dict):
        return label
    return {} if label is None else {"ground_truth": label}


def test_realistic_batch(rules_url):
    results = RefereeClient(rules_url).score(rollouts(ROWS))
    assert [r.reward for r in results] == pytest.approx([r.reward for r in ROWS])
    assert [r.id for r in results] == list(range(len(ROWS)))
    null = results[-1]
    assert null.abstained and null.error_code == "no_ground_truth"
    assert results[3].reasons.get("judge") == "wrong_decision"


def test_512_items_in_batches_keep_order(rules_url):
    rows = big_batch(512)
    results = RefereeClient(rules_url, batch_size=100).score(rollouts(rows))
    assert [r.reward for r in results] == pytest.approx([r.reward for r in rows])


def test_groups_stay_whole_across_batches(rules_url):
    # Six groups of 4; batches of 10 would cut groups in two if the client cut blindly.
    items = []
    for g in range(6):
        for k in range(4):
            items.append({"id": f"{g}-{k}", "group": f"q{g}", "ground_truth": "5",
                          "response": "<judge>direct</judge><think></think>\\boxed{%d}" % (5 if k == 0 else 6)})
    results = RefereeClient(rules_url, batch_size=10).score(items)
    assert [r.advantage for r in results] == pytest.approx([1.5, -0.5, -0.5, -0.5] * 6, rel=1e-4)


def test_async_client_512_items(rules_url):
    rows = big_batch(512)

    async def run():
        client = AsyncRefereeClient(rules_url, max_concurrency=4, batch_size=64)
        return await client.score(rollouts(rows))

    results = asyncio.run(run())
    assert [r.reward for r in results] == pytest.approx([r.reward for r in rows])


def test_bad_single_rollout_names_code_and_field(rules_url):
    with pytest.raises(RequestRejected) as caught:
        RefereeClient(rules_url).score_one({"prompt": "no response"})
    assert (caught.value.status, caught.value.code, caught.value.field) == (400, "missing_field", "response")


def test_bad_config_is_rejected_not_retried(rules_url):
    with pytest.raises(RequestRejected) as caught:
        RefereeClient(rules_url).score([{"response": "x"}], config={"alpha": 3})
    assert caught.value.status == 400 and caught.value.code == "out_of_range"


def test_judge_mode_scores_thinking(judge_server):
    row = ROWS[1]
    result = RefereeClient(judge_server["url"]).score(rollouts([row]))[0]
    assert result.reward == pytest.approx(1.0)
    assert result.components["think"] == pytest.approx(1.0)


def test_judge_outage_abstains(outage_url):
    result = RefereeClient(outage_url).score([{"prompt": "5*5?", "ground_truth": "25",
                                               "response": "<judge>think</judge><think>client outage: 5*5=25</think>\\boxed{25}"}])[0]
    assert result.abstained and result.error_code == "judge_unreachable"


def test_unreachable_service_raises_after_retries():
    waits: List[float] = []
    client = RefereeClient("http://127.0.0.1:9", retries=2, backoff=0.01, sleep=waits.append)
    with pytest.raises(ServiceUnavailable):
        client.score([{"response": "x"}])
    assert len(waits) == 2


# -- a stub server for what the real one does not do on demand ----------------------------------------------

class Stub(http.server.BaseHTTPRequestHandler):
    """Answers the scripted (status, headers, body) replies in order, then 200 with one result per rollout."""

    script: List[Tuple[int, dict, dict]] = []
    seen: List[Any] = []

    def do_POST(self):  # noqa: N802
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        Stub.seen.append(body)
        if Stub.script:
            status, headers, reply = Stub.script.pop(0)
        else:
            status, headers = 200, {}
            reply = {"results": [{"id": r.get("id"), "reward": 1.0} for r in body["rollouts"]], "groups": {}}
        data = json.dumps(reply).encode()
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture()
def stub() -> Iterator[str]:
    Stub.script, Stub.seen = [], []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Stub)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_retry_after_seconds_and_http_date_are_honoured(stub):
    later = email.utils.formatdate(time.time() + 120, usegmt=True)
    full = {"error": {"code": "queue_full", "message": "the judge queue is full"}}
    Stub.script = [(503, {"Retry-After": "2"}, full), (429, {"Retry-After": later}, full), (502, {}, {})]
    waits: List[float] = []
    client = RefereeClient(stub, retries=5, backoff=0.25, max_backoff=60, sleep=waits.append)
    assert [r.reward for r in client.score([{"response": "a"}])] == [1.0]
    assert waits[0] == 2.0
    assert waits[1] == 60  # the date is two minutes away: capped at max_backoff
    assert 0 < waits[2] <= 0.25 * 2 ** 2  # no Retry-After: the third attempt's backoff, with jitter


def test_retry_after_is_capped(stub):
    Stub.script = [(503, {"Retry-After": "3600"}, {})]
    waits: List[float] = []
    RefereeClient(stub, max_backoff=5, sleep=waits.append).score([{"response": "a"}])
    assert waits == [5]


def test_413_names_the_limit(stub):
    Stub.script = [(413, {}, {"error": {"code": "batch_too_large", "message": "over max_batch_size", "field": "rollouts"}})]
    with pytest.raises(RequestRejected) as caught:
        RefereeClient(stub, sleep=lambda _: None).score([{"response": "a"}])
    assert (caught.value.status, caught.value.code, caught.value.field) == (413, "batch_too_large", "rollouts")
    assert "batch_too_large" in str(caught.value) and "rollouts" in str(caught.value)


def test_persistent_503_gives_up(stub):
    Stub.script = [(503, {"Retry-After": "1"}, {})] * 3
    waits: List[float] = []
    with pytest.raises(ServiceUnavailable) as caught:
        RefereeClient(stub, retries=2, sleep=waits.append).score([{"response": "a"}])
    assert caught.value.status == 503 and waits == [1.0, 1.0]


def test_batches_are_cut_at_batch_size(stub):
    RefereeClient(stub, batch_size=3).score([{"id": i, "response": "a"} for i in range(7)])
    assert [len(body["rollouts"]) for body in Stub.seen] == [3, 3, 1]


def test_batches_keep_groups_whole():
    items = [{"group": "a"}, {}, {"group": "b"}, {"group": "a"}, {"group": "b"}, {}]
    chunks = batches(items, 3)
    assert sorted(i for c in chunks for i in c) == list(range(6))
    for chunk in chunks:
        groups = [items[i].get("group") for i in chunk]
        for name in ("a", "b"):
            assert groups.count(name) in (0, 2)


def test_retry_after_parsing():
    assert retry_after_seconds("3") == 3.0
    assert retry_after_seconds(None) is None and retry_after_seconds("soon") is None
    now = time.time()
    assert retry_after_seconds(email.utils.formatdate(now + 30, usegmt=True), now=now) == pytest.approx(30, abs=1)
    assert retry_after_seconds(email.utils.formatdate(now - 30, usegmt=True), now=now) == 0.0


def test_full_judge_queue_is_waited_out(tmp_path):
    """A real 503 `queue_full` with `Retry-After: 1`: a slow judge, room for 2 rollouts, 6 requests at once."""
    from conftest import FakeJudge, Referee, judge_flags

    judge = FakeJudge(tmp_path, ["--latency", "0.5"])
    server = Referee(tmp_path, judge_flags(judge) + ["--max-judge-queue", "2"])
    statuses: List[int] = []

    class Recording(RefereeClient):
        def _send(self, method, path, data):
            answer = super()._send(method, path, data)
            statuses.append(answer[0])
            return answer

    try:
        async def run():
            client = AsyncRefereeClient(server.url, max_concurrency=6, retries=20)
            client.sync = Recording(server.url, retries=20)
            rows = [{"ground_truth": str(i), "response": "<judge>think</judge><think>queue %d: %d</think>\\boxed{%d}" % (i, i, i)}
                    for i in range(6)]
            return await asyncio.gather(*(client.score([row]) for row in rows))

        results = asyncio.run(run())
    finally:
        server.stop()
        judge.stop()
    assert [r[0].reward for r in results] == [1.0] * 6
    assert 503 in statuses
