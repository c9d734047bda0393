#!/usr/bin/env bash
# Runs the Python client's tests (clients/python/tests) against the debug `referee` and `fake-judge`, which the
# tests start on 127.0.0.1 and stop by pid. The client is installed, with pinned pytest and numpy, into a
# throwaway virtual environment (.venv-tests, made anew each run), with the pinned OpenRLHF and verl packages
# whose reward-calling modules the tests run, and nemo-gym 0.7.0 with what its simple agent's server imports
# (the tests run that agent as its own server, between Referee and a scripted policy). Arguments go to pytest.
# REFEREE_PYTHON_TEST_MINUTES (default 10) bounds the pytest run.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
# test.sh sets REFEREE_BINARIES_BUILT=1 after `swift build --build-tests`, which built both: building one
# product on its own afterwards would recompile shared modules for nothing.
if [ "${REFEREE_BINARIES_BUILT:-0}" != 1 ]; then
    swift build --product referee
    swift build --product fake-judge
fi
venv=.venv-tests
rm -rf "$venv"
python3 -m venv "$venv"
"$venv/bin/pip" install -q pytest==8.3.4 numpy==2.2.6 setuptools==75.8.0 aiohttp==3.14.5
# NeMo-Gym 0.7.0's simple agent, run as its own server (tests/upstream.py): only what its server modules import,
# and further down the package without its dependencies (no GPU stack, Ray, MLflow, W&B or datasets).
"$venv/bin/pip" install -q numpy==2.2.6 fastapi==0.165.0 uvicorn==0.54.0 httptools==0.9.0 itsdangerous==2.2.0 \
    pydantic==2.14.4 openai==2.44.0 orjson==3.13.0 requests==2.34.2 omegaconf==2.3.1 hydra-core==1.3.8 rich==15.0.0 \
    yappi==1.7.6 pydot==4.0.1 pandas==3.1.1 scipy==1.17.1
# The packages whose code the tests run, without their dependencies, after every install that resolves some
# (pip would list theirs as missing). The trainers' reward-calling modules that import without torch
# (tests/upstream.py loads them by file); nemo-gym, whose wheel says Requires-Python >=3.13.14, which no
# interpreter here satisfies: its code imports and runs on Python 3.11 or later.
"$venv/bin/pip" install -q --no-deps openrlhf==0.11.2 verl==0.9.1
"$venv/bin/pip" install -q --no-deps --ignore-requires-python nemo-gym==0.7.0
"$venv/bin/pip" install -q --no-build-isolation --no-deps ./clients/python
echo "python-tests.sh: packages installed after $((SECONDS - started)) s" >&2
status=0
# Bounded so a hung server fails the run instead of stalling CI (the tests themselves assert no durations).
timeout --kill-after=30 "${REFEREE_PYTHON_TEST_MINUTES:-10}m" "$venv/bin/python" -m pytest -q -p no:cacheprovider clients/python/tests "$@" || status=$?
[ "$status" -ne 124 ] || echo "python-tests.sh: the run exceeded ${REFEREE_PYTHON_TEST_MINUTES:-10} minutes and was stopped" >&2
echo "python-tests.sh: done in $((SECONDS - started)) s (status $status)" >&2
exit "$status"
