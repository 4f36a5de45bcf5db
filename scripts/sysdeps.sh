#!/usr/bin/env bash
# Debian packages the test suite needs, installed only when missing.
#   fonts-wqy-microhei: a CJK TrueType font that the PDF tests embed with reportlab.
#   chromium, chromium-driver: headless Chromium and its WebDriver, for the browser test of
#     `jixiao report` (tests/test_report_browser.py, driven by selenium).
set -euo pipefail

need=()
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/chromedriver ] || need+=(chromium-driver)

[ ${#need[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing system packages: ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
