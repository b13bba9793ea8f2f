"""Render resources/icons/baro.svg to the PNG sizes desktops ask for (and .ico for Windows).

Run after changing the SVG: `.venv/bin/python packaging/make_icons.py`. The PNGs are committed, so a
build needs no SVG renderer.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(svg: Path, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication(sys.argv[:1])
    svg = ICONS / "baro.svg"
    for size in SIZES:
        target = ICONS / f"baro-{size}.png"
        if not render(svg, size).save(str(target)):
            print(f"could not write {target}", file=sys.stderr)
            return 1
    render(svg, 256).save(str(ICONS / "baro.ico"))  # Qt's ICO writer needs the qico image plugin
    return 0


if __name__ == "__main__":
    sys.exit(main())
