"""Turning trainer data (numpy values, chat messages, labels) into Referee's JSON, without importing numpy."""

import math
from typing import Any, Dict, List, Optional

#: The rollout fields of Referee's contract (docs/api.md) besides `response`.
ROLLOUT_FIELDS = (
    "id", "prompt", "ground_truth", "answer_type", "requires_reasoning", "images", "group", "tolerance",
    "prefix", "layout", "task", "answer_options", "answer_threshold", "image_size", "input_size", "extraction",
)

#: The components a result carries, in the order Referee writes them.
COMPONENTS = ("format", "answer", "judge", "think", "logic", "grounding", "consistency")

#: Skip reasons whose component counts as 1 in the formula (docs/api.md, "Skip reasons").
SKIPS_COUNTING_AS_ONE = frozenset(
    {"direct_decision", "no_judge", "no_label_no_judge", "no_decision_block", "no_reasoning"}
)


def plain(value: Any) -> Any:
    """`value` as plain JSON types: numpy arrays and scalars through `tolist()`, tuples as lists, NaN as None."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    tolist = getattr(value, "tolist", None)
    if callable(tolist):  # numpy.ndarray and numpy scalars (numpy.str_ is a str and returned above)
        return plain(tolist())
    if isinstance(value, (set, frozenset)):
        return [plain(item) for item in value]
    return str(value)


def message_text(value: Any) -> Optional[str]:
    """The text of a prompt or completion: a string, or the last message of a chat message list.

    For a prompt the last user message is taken; for a completion list (TRL's conversational
    completions) the assistant messages are joined. A message's content may be a string or a list of
    parts with `text`.
    """
    value = plain(value)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, dict):
        return _content(value.get("content"))
    if isinstance(value, list) and value and all(isinstance(m, dict) for m in value):
        assistant = [m for m in value if m.get("role") == "assistant"]
        if assistant:
            return "".join(_content(m.get("content")) or "" for m in assistant)
        user = [m for m in value if m.get("role") == "user"] or value
        return _content(user[-1].get("content"))
    return str(value)


def _content(content: Any) -> Optional[str]:
    if content is None or isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return str(content)


def has_ground_truth(value: Any) -> bool:
    """False for what Referee reads as "no ground truth": None, "" (or whitespace), [] or a list of those."""
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return any(has_ground_truth(item) for item in value)
    return True


def fields_from_label(label: Any) -> Dict[str, Any]:
    """Rollout fields from a trainer's label, as the server reads labels: an object with rollout-field keys
    sets those fields; any other value is the ground truth; no ground truth leaves it out (the rollout abstains
    unless an LLM answer judge decides)."""
    label = plain(label)
    if isinstance(label, dict) and any(key in ROLLOUT_FIELDS for key in label):
        return {key: value for key, value in label.items() if key in ROLLOUT_FIELDS}
    if not has_ground_truth(label):
        return {}
    return {"ground_truth": label}


def rollout_fields(source: Optional[Dict[str, Any]]) -> Dict[str, Any]:
    """The rollout fields found in a mapping (verl's `extra_info`, a TRL dataset row), as plain JSON."""
    if not source:
        return {}
    return {key: plain(source[key]) for key in ROLLOUT_FIELDS if key in source and source[key] is not None}


def component_values(result: Dict[str, Any]) -> Dict[str, float]:
    """Each component as the number the formula used: its value, 1 for a skip that counts as 1, else 0."""
    components = result.get("components") or {}
    skipped = result.get("skipped") or {}
    values = {}
    for name in COMPONENTS:
        value = components.get(name)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            values[name] = float(value)
        else:
            values[name] = 1.0 if skipped.get(name) in SKIPS_COUNTING_AS_ONE else 0.0
    return values


def split_query(query: str, prompt: Optional[str]) -> str:
    """The response inside an OpenRLHF query: the query less its prompt; when the query does not start with
    its prompt (left-truncated), the text after the last assistant header of a common chat template."""
    if prompt and query.startswith(prompt):
        return query[len(prompt):]
    if not prompt:
        return query
    cut = -1
    for header in ASSISTANT_HEADERS:
        at = query.rfind(header)
        if at >= 0:
            cut = max(cut, at + len(header))
    if cut < 0:
        raise ValueError("the query does not start with its prompt and holds no known assistant header")
    response = query[cut:]
    stripped = True
    while stripped:  # the end-of-turn tokens a decoded query may keep
        stripped = False
        for token in END_OF_TURN:
            if response.rstrip().endswith(token):
                response, stripped = response.rstrip()[: -len(token)], True
    return response


#: End-of-turn tokens of the same templates.
END_OF_TURN = ("<|im_end|>", "<|eot_id|>", "<end_of_turn>", "<|endoftext|>", "<|end|>", "</s>")


#: The assistant-turn headers of the common chat templates (ChatML/Qwen, Llama 3, Gemma, Phi-3, Mistral, GLM).
ASSISTANT_HEADERS = (
    "<|im_start|>assistant\n",
    "<|start_header_id|>assistant<|end_header_id|>\n\n",
    "<start_of_turn>model\n",
    "<|assistant|>\n",
    "[/INST]",
    "<|assistant|>",
)


def as_list(values: Any) -> List[Any]:
    """A list from a list, tuple or numpy array."""
    values = plain(values)
    return values if isinstance(values, list) else [values]
