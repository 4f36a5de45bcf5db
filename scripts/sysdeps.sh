#!/usr/bin/env bash
# Debian packages the test suite needs, and the one jixiao needs to read .doc/.wps; installed
# only when missing.
#   fonts-wqy-microhei: a CJK TrueType font that the PDF tests embed with reportlab.
#   chromium, chromium-driver: headless Chromium and its WebDriver, for the browser test of
#     `jixiao report` (tests/test_report_browser.py, driven by selenium).
#   libreoffice-writer-nogui: headless LibreOffice Writer, which converts legacy Word .doc
#     and WPS .wps files to .docx for the reader (pipeline/readers/legacy.py) and renders the
#     seed into .doc for the tests. The one package jixiao itself needs at run time:
#     `sysdeps.sh --runtime` (make demo) installs it and the two below.
#   libgl1, libglib2.0-0: the system libraries OpenCV needs, which RapidOCR (OCR of scanned
#     pages) imports; present on most machines, missing on minimal images.
set -euo pipefail

need=()
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
ldconfig -p 2>/dev/null | grep -q "libGL.so.1" || need+=(libgl1)
ldconfig -p 2>/dev/null | grep -q "libgthread-2.0.so.0" || need+=(libglib2.0-0)
if [ "${1:-}" != "--runtime" ]; then
  [ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
  [ -x /usr/bin/chromium ] || need+=(chromium)
  [ -x /usr/bin/chromedriver ] || need+=(chromium-driver)
fi

[ ${#need[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing system packages: ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
