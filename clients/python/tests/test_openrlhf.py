"""OpenRLHF 0.11: its own remote reward call (openrlhf/utils/agent.py of 0.11.2, loaded by `upstream`) against
`/get_reward`, one rollout per POST, and the custom `reward_func` path through `referee_client.openrlhf`."""

import asyncio
import urllib.error

import pytest

from referee_client import ServiceUnavailable
from referee_client.openrlhf import make_reward_func

from data import ROWS, big_batch, outage_rows
from frameworks import openrlhf_custom_reward, post_json
from upstream import openrlhf_sample


def batch(rows):
    """What OpenRLHF sends: the chat-templated prompt, the query (prompt plus response as decoded), the label
    column (`--data.label_key`) as the dataset has it."""
    prompts = [row.prompt(i) for i, row in enumerate(rows)]
    return [p + row.response for p, row in zip(prompts, rows)], prompts, [row.label for row in rows]


def samples(url, rows, labels=None, cut=0):
    """Each row through OpenRLHF's executor, 64 at a time as its rollout workers run them."""
    labels = [row.label for row in rows] if labels is None else labels

    async def run():
        gate = asyncio.Semaphore(64)

        async def one(index, row, label):
            async with gate:
                return await openrlhf_sample(url + "/get_reward", row.prompt(index), row.response, label, cut=cut)
        return await asyncio.gather(*(one(i, row, label) for i, (row, label) in enumerate(zip(rows, labels))))
    return asyncio.run(run())


def rewards(outputs):
    """The sample rewards OpenRLHF trains on (a one-element list per sample, from the reply's `rewards`)."""
    return [None if o["reward"] is None else o["reward"][0] for o in outputs]


def test_remote_realistic_batch(rules_url):
    outputs = samples(rules_url, ROWS)
    assert rewards(outputs) == pytest.approx([0.0 if r.reward is None else r.reward for r in ROWS])
    assert [o["scores"] for o in outputs] == [o["reward"] for o in outputs]
    assert [o["extra_logs"]["abstained"][0] for o in outputs] == [1 if r.reward is None else 0 for r in ROWS]
    assert outputs[3]["extra_logs"]["judge"][0] == 0


def test_remote_empty_label_abstains(rules_url):
    # No --data.label_key: OpenRLHF sends "" for every label; that must not score 0.1 as a wrong answer.
    output = samples(rules_url, ROWS[:1], labels=[""])[0]
    assert output["extra_logs"]["abstained"] == [1] and rewards([output]) == [0.0]


def test_remote_left_truncated_prompt(rules_url):
    # The prompt does not fit max_length: OpenRLHF cuts its front from the query but not from `prompts`; the
    # response is the text after the last assistant header.
    output = samples(rules_url, ROWS[:1], cut=40)[0]
    assert rewards([output]) == pytest.approx([1.0])
    assert output["extra_logs"]["abstained"] == [0]


def test_remote_judge_outage(outage_url):
    outputs = samples(outage_url, outage_rows("openrlhf-remote", 2))
    assert rewards(outputs) == [0.0, 0.0]  # the server's fallback_reward, not a None that fails the step
    assert [o["extra_logs"]["abstained"] for o in outputs] == [[1], [1]]


def test_remote_512_items(rules_url):
    rows = big_batch(512)
    assert rewards(samples(rules_url, rows)) == pytest.approx([r.reward for r in rows])


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
    Retry-After, so OpenRLHF's 5 tries (1 s apart) end in a None reward: the step fails instead of training on
    fallbacks."""
    rows = outage_rows("openrlhf-503", 1)
    queries, prompts, labels = batch(rows)
    with pytest.raises(urllib.error.HTTPError) as caught:
        post_json(outage_503_url + "/get_reward", {"query": queries, "prompts": prompts, "labels": labels})
    assert caught.value.code == 503 and caught.value.headers.get("Retry-After")
    assert samples(outage_503_url, rows)[0]["reward"] is None
    with pytest.raises(ServiceUnavailable) as unavailable:
        openrlhf_custom_reward(make_reward_func(outage_503_url, retries=0), queries, prompts, labels)
    assert unavailable.value.status == 503
