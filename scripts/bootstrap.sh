#!/usr/bin/env bash
# Installs the system libraries Referee builds against, once; a no-op when they are present.
set -euo pipefail

# bubblewrap, Debian's python3 and util-linux (prlimit, setpriv) are the code sandbox (docs/code-answers.md).
packages=(libcurl4-openssl-dev libssl-dev libsqlite3-dev libopenblas-dev pkg-config bubblewrap python3 util-linux)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# The Python client's tests (scripts/python-tests.sh) make a virtualenv: Debian's python3 needs python3-venv.
if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  missing+=(python3 python3-venv)
fi
if ((${#missing[@]})); then
  echo "bootstrap: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v swift >/dev/null || { echo "bootstrap: the Swift toolchain is not on PATH" >&2; exit 1; }
