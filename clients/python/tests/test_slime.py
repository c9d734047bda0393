"""slime `--rm-type remote_rm --rm-url http://HOST/slime --reward-key reward` (frameworks.slime_remote_rm)."""

import urllib.error

import pytest

from data import ROWS, big_batch, outage_rows
from frameworks import post_json, slime_remote_rm


def test_realistic_batch(rules_url):
    url = rules_url + "/slime"
    rewards = [slime_remote_rm(url, row.messages() if i % 2 else row.prompt(i), row.response, row.label)
               for i, row in enumerate(ROWS)]
    assert rewards == pytest.approx([0.0 if r.reward is None else r.reward for r in ROWS])


def test_abstention_is_a_number_with_a_flag(rules_url):
    row = ROWS[-1]
    reply = post_json(rules_url + "/slime", {"prompt": row.messages(), "response": row.response, "label": None})
    assert reply["reward"] == 0.0 and reply["abstained"] is True
    right = post_json(rules_url + "/slime", {"prompt": "3+4?", "response": ROWS[0].response, "label": "7"})
    assert right["reward"] == 1.0 and right["abstained"] is False


def test_label_object_sets_rollout_fields(rules_url):
    row = ROWS[3]  # {"ground_truth": "4", "requires_reasoning": true} answered directly
    assert slime_remote_rm(rules_url + "/slime", row.question, row.response, row.label) == pytest.approx(0.1)


def test_judge_mode_and_outage(judge_server, outage_url):
    rows = outage_rows("slime", 2)
    up = [slime_remote_rm(judge_server["url"] + "/slime", r.messages(), r.response, r.label) for r in rows]
    assert up == pytest.approx([1.0, 1.0])
    replies = [post_json(outage_url + "/slime", {"prompt": r.messages(), "response": r.response, "label": r.label})
               for r in rows]
    assert [(r["reward"], r["abstained"]) for r in replies] == [(0.0, True), (0.0, True)]


def test_512_items(rules_url):
    rows = big_batch(512)
    rewards = [slime_remote_rm(rules_url + "/slime", row.prompt(i), row.response, row.label)
               for i, row in enumerate(rows)]
    assert rewards == pytest.approx([r.reward for r in rows])


def test_judge_outage_unavailable(outage_503_url):
    """The default `judge_outage_reply` unavailable: 503 with Retry-After; slime retries (up to 10 times) and
    then raises, so the run stops instead of training on fallbacks."""
    row = outage_rows("slime-503", 1)[0]
    with pytest.raises(urllib.error.HTTPError) as caught:
        post_json(outage_503_url + "/slime", {"prompt": row.messages(), "response": row.response, "label": row.label})
    assert caught.value.code == 503 and caught.value.headers.get("Retry-After")
