#!/bin/sh
# Install the Debian 12 packages needed to build, test and benchmark Pyston.
# Safe to run again. Run as root (or through sudo).
set -eu
if [ "$(id -u)" != 0 ]; then exec sudo "$0" "$@"; fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
# libpython3.11-dev and libpython3.11-testsuite in one command so that their
# versions match (the test suite upgrades the whole python3.11 family).
apt-get install -y --no-install-recommends \
    build-essential make gcc binutils \
    python3.11 python3.11-dev libpython3.11-dev libpython3.11-testsuite \
    python3.11-venv python3-venv python3-pip python3-setuptools python3-wheel \
    python3-pytest python3-tk python3-gdbm idle-python3.11 \
    python3-docutils python3-jinja2 python3-mako python3-pyflakes python3-sqlalchemy \
    pypy3 valgrind python3.11-dbg
