#!/usr/bin/env bash
# Debian/Ubuntu packages Baro's GUI and its tests need: Qt's xcb plugin, Hangul fonts, a virtual screen
# with a tray host, key presses for the hotkey tests, and 글자 인식 (OCR) of scanned documents (Tesseract with
# its Korean model, poppler to render PDF pages). Installs only what is missing.
set -euo pipefail
want=(libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
      libxcb-randr0 libxcb-render-util0 libxcb-image0 libegl1 libgl1 libfontconfig1 libdbus-1-3
      fonts-noto-cjk xvfb xauth trayer xdotool
      tesseract-ocr tesseract-ocr-kor poppler-utils)
command -v dpkg-query >/dev/null 2>&1 || { echo "not a Debian-family system: install the equivalents of: ${want[*]}"; exit 0; }
missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing system packages: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
