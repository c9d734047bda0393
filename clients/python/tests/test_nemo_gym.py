"""NeMo-Gym resources-server routes: `/seed_session`, `/verify`, `/aggregate_metrics`
(frameworks.nemo_gym_verify builds the agent's Responses-API body)."""

import urllib.error

import pytest

from data import ROWS, big_batch, outage_rows
from frameworks import nemo_gym_verify, post_json


def task(row):
    """A NeMo-Gym task row: `expected_answer`, other rollout fields at top level."""
    return {"expected_answer": row.ground_truth(), **row.fields()}


def test_seed_session(rules_url):
    assert post_json(rules_url + "/seed_session", {}) == {}


def test_realistic_batch(rules_url):
    replies = [nemo_gym_verify(rules_url, row.messages() if i % 2 else row.question, row.response, task(row))
               for i, row in enumerate(ROWS)]
    assert [r["reward"] for r in replies] == pytest.approx([0.0 if r.reward is None else r.reward for r in ROWS])
    assert [r["abstained"] for r in replies] == [r.reward is None for r in ROWS]
    first = replies[0]
    assert first["expected_answer"] == "7" and first["response"]["output"][1]["type"] == "message"  # the body, echoed
    assert replies[3]["reward_components"]["judge"] == 0


def test_aggregate_metrics(rules_url):
    replies = [nemo_gym_verify(rules_url, row.question, row.response, task(row)) for row in ROWS[:4]]
    for index, reply in enumerate(replies):
        reply["_ng_task_index"] = index // 2
    metrics = post_json(rules_url + "/aggregate_metrics", {"verify_responses": replies})
    assert set(metrics) >= {"group_level_metrics", "agent_metrics", "key_metrics"}
    assert isinstance(metrics["group_level_metrics"], list)


def test_judge_mode_and_outage(judge_server, outage_url):
    rows = outage_rows("nemo", 2)
    up = [nemo_gym_verify(judge_server["url"], r.messages(), r.response, task(r)) for r in rows]
    assert [r["reward"] for r in up] == pytest.approx([1.0, 1.0])
    down = [nemo_gym_verify(outage_url, r.messages(), r.response, task(r)) for r in rows]
    assert [(r["reward"], r["abstained"]) for r in down] == [(0.0, True), (0.0, True)]


def test_512_items(rules_url):
    rows = big_batch(512)
    rewards = [nemo_gym_verify(rules_url, row.question, row.response, task(row))["reward"] for row in rows]
    assert rewards == pytest.approx([r.reward for r in rows])


def test_judge_outage_unavailable(outage_503_url):
    """The default `judge_outage_reply` unavailable: `/verify` answers 503 with Retry-After."""
    row = outage_rows("nemo-503", 1)[0]
    with pytest.raises(urllib.error.HTTPError) as caught:
        nemo_gym_verify(outage_503_url, row.messages(), row.response, task(row))
    assert caught.value.code == 503 and caught.value.headers.get("Retry-After")
