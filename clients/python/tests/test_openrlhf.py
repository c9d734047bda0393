"""OpenRLHF 0.11: the remote reward call against `/get_reward` (frameworks.openrlhf_remote_reward, one rollout per
POST) and the custom `reward_func` path through `referee_client.openrlhf`."""

import urllib.error

import pytest

from referee_client import ServiceUnavailable
from referee_client.openrlhf import make_reward_func

from data import ROWS, big_batch, outage_rows
from frameworks import openrlhf_custom_reward, openrlhf_remote_reward, post_json


def batch(rows):
    """What OpenRLHF sends: the chat-templated prompt, the query (prompt plus response as decoded), the label
    column (`--data.label_key`) as the dataset has it."""
    prompts = [row.prompt(i) for i, row in enumerate(rows)]
    return [p + row.response for p, row in zip(prompts, rows)], prompts, [row.label for row in rows]


def test_remote_realistic_batch(rules_url):
    queries, prompts, labels = batch(ROWS)
    replies = [openrlhf_remote_reward(rules_url + "/get_reward", q, p, l) for q, p, l in zip(queries, prompts, labels)]
    assert [r["reward"] for r in replies] == pytest.approx([0.0 if r.reward is None else r.reward for r in ROWS])
    assert [r["extra_logs"]["abstained"] for r in replies] == [1 if r.reward is None else 0 for r in ROWS]
    assert replies[3]["extra_logs"]["judge"] == 0


def test_remote_empty_label_abstains(rules_url):
    # No --data.label_key: OpenRLHF sends "" for every label; that must not score 0.1 as a wrong answer.
    query, prompt = batch(ROWS[:1])[0][0], batch(ROWS[:1])[1][0]
    reply = openrlhf_remote_reward(rules_url + "/get_reward", query, prompt, "")
    assert reply["extra_logs"]["abstained"] == 1 and reply["reward"] == 0.0


def test_remote_left_truncated_prompt(rules_url):
    # OpenRLHF cut the front of a long prompt from the query but not from `prompts`: the response is the
    # text after the last assistant header.
    row = ROWS[0]
    prompt = row.prompt(0)
    query = prompt[40:] + row.response
    reply = openrlhf_remote_reward(rules_url + "/get_reward", query, prompt, row.label)
    assert reply["reward"] == pytest.approx(1.0)
    assert reply["extra_logs"]["abstained"] == 0


def test_remote_judge_outage(outage_url):
    queries, prompts, labels = batch(outage_rows("openrlhf-remote", 2))
    replies = [openrlhf_remote_reward(outage_url + "/get_reward", q, p, l) for q, p, l in zip(queries, prompts, labels)]
    assert all(r is not None for r in replies)  # answered, not a None reward that fails the step
    assert [r["extra_logs"]["abstained"] for r in replies] == [1, 1]
    assert [r["reward"] for r in replies] == [0.0, 0.0]  # the server's fallback_reward


def test_remote_512_items(rules_url):
    rows = big_batch(512)
    queries, prompts, labels = batch(rows)
    rewards = [openrlhf_remote_reward(rules_url + "/get_reward", q, p, l)["reward"]
               for q, p, l in zip(queries, prompts, labels)]
    assert rewards == pytest.approx([r.reward for r in rows])


@pytest.mark.parametrize("route", ["get_reward", "reward"])
def test_custom_reward_func(rules_url, route):
    function = make_reward_func(rules_url, route=route, fallback=0.0)
    queries, prompts, labels = batch(ROWS)
    out = openrlhf_custom_reward(function, queries, prompts, labels)
    assert out["rewards"] == pytest.approx([0.0 if r.reward is None else r.reward for r in ROWS])
    assert out["extra_logs.abstained"] == [1.0 if r.reward is None else 0.0 for r in ROWS]


def test_custom_reward_func_fallback_and_truncation_via_reward(rules_url):
    function = make_reward_func(rules_url, route="reward", fallback=-0.5)
    row = ROWS[0]
    prompt = row.prompt(0)
    out = openrlhf_custom_reward(function, [prompt[40:] + row.response, ROWS[-1].prompt(1) + ROWS[-1].response],
                                 [prompt, ROWS[-1].prompt(1)], [row.label, None])
    assert out["rewards"] == pytest.approx([1.0, -0.5])


def test_custom_reward_func_judge_mode_and_outage(judge_server, outage_url):
    rows = outage_rows("openrlhf-custom", 2)
    queries, prompts, labels = batch(rows)
    good = openrlhf_custom_reward(make_reward_func(judge_server["url"]), queries, prompts, labels)
    assert good["rewards"] == pytest.approx([1.0, 1.0])
    down = openrlhf_custom_reward(make_reward_func(outage_url, route="reward", fallback=0.0), queries, prompts, labels)
    assert down["rewards"] == [0.0, 0.0] and down["extra_logs.abstained"] == [1.0, 1.0]


@pytest.mark.parametrize("route", ["get_reward", "reward"])
def test_custom_reward_func_512(rules_url, route):
    rows = big_batch(512)
    out = openrlhf_custom_reward(make_reward_func(rules_url, route=route, batch_size=100), *batch(rows))
    assert out["rewards"] == pytest.approx([r.reward for r in rows])


def test_judge_outage_unavailable_fails_the_step(outage_503_url):
    """The default `judge_outage_reply` unavailable: after `judge_outage_wait` the answer is 503 with
    Retry-After, so OpenRLHF's tries end in a None reward (the step fails instead of training on fallbacks).
    One try here; OpenRLHF makes 5, 1 s apart."""
    rows = outage_rows("openrlhf-503", 1)
    queries, prompts, labels = batch(rows)
    with pytest.raises(urllib.error.HTTPError) as caught:
        post_json(outage_503_url + "/get_reward", {"query": queries, "prompts": prompts, "labels": labels})
    assert caught.value.code == 503 and caught.value.headers.get("Retry-After")
    assert openrlhf_remote_reward(outage_503_url + "/get_reward", queries[0], prompts[0], labels[0], tries=1) is None
    with pytest.raises(ServiceUnavailable) as unavailable:
        openrlhf_custom_reward(make_reward_func(outage_503_url, retries=0), queries, prompts, labels)
    assert unavailable.value.status == 503
