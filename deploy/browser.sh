#!/usr/bin/env bash
# Installs the headless browser the Slack install-page test drives: Chromium and its driver from
# the Debian packages (chromium, chromium-driver). Does nothing when /usr/bin/chromium and
# /usr/bin/chromedriver are already there. Needs root or sudo for apt-get.
set -euo pipefail

if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "deploy/browser.sh: installing chromium and chromium-driver needs root (or sudo without a password); run: sudo apt-get install chromium chromium-driver" >&2
  exit 1
fi

if ! command -v apt-get >/dev/null; then
  echo "deploy/browser.sh: apt-get not found; install Chromium and chromedriver as /usr/bin/chromium and /usr/bin/chromedriver" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
test -x /usr/bin/chromium && test -x /usr/bin/chromedriver
