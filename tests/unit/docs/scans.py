"""Scanned pages made on the spot: Korean text rendered with the installed Noto CJK font, optionally rotated
and noisy like a fax or a phone photo, saved as an image-only PDF (no text layer at all)."""

from __future__ import annotations

import random
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

A4_INCHES = (8.27, 11.69)


def korean_font() -> Path | None:
    """The Noto Sans CJK face with Korean glyph shapes, when fontconfig knows one."""
    if shutil.which("fc-match") is None:
        return None
    found = subprocess.run(["fc-match", "-f", "%{file}", "Noto Sans CJK KR"], capture_output=True, text=True)
    path = Path(found.stdout.strip())
    return path if path.suffix in (".ttc", ".otf", ".ttf") and path.exists() else None


def render_page(text: str, *, dpi: int = 200, points: int = 12, noisy: bool = False, seed: int = 1) -> Image.Image:
    """One A4 page of ``text`` (wrapped to the margins), black on white, in grey."""
    font_path = korean_font()
    assert font_path is not None, "fonts-noto-cjk is not installed"
    index = 1 if font_path.suffix == ".ttc" else 0  # in the CJK collection, face 1 has the Korean shapes
    font = ImageFont.truetype(str(font_path), round(points * dpi / 72), index=index)
    width, height = round(A4_INCHES[0] * dpi), round(A4_INCHES[1] * dpi)
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    margin, y = round(0.9 * dpi), round(0.9 * dpi)
    step = round(font.size * 1.7)
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            wider = f"{line} {word}".strip()
            if draw.textlength(wider, font=font) > width - 2 * margin:
                draw.text((margin, y), line, font=font, fill=0)
                y, line = y + step, word
            else:
                line = wider
        if line:
            draw.text((margin, y), line, font=font, fill=0)
            y += step
        y += step // 2
    if noisy:
        rng = random.Random(seed)
        page = page.rotate(0.8, resample=Image.Resampling.BICUBIC, fillcolor=255).filter(ImageFilter.GaussianBlur(0.6))
        pixels = page.load()
        assert pixels is not None
        for _ in range(width * height // 80):
            pixels[rng.randrange(width), rng.randrange(height)] = rng.choice((0, 255))
    return page


def image_only_pdf(path: Path, pages: list[Image.Image], *, dpi: int = 200) -> Path:
    pages[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    return path


def bigram_recall(truth: str, found: str) -> float:
    """The share of the truth's character bigrams (Hangul, digits and Latin letters) that ``found`` has."""

    def bigrams(text: str) -> Counter[str]:
        kept = re.sub(r"[^0-9A-Za-z가-힣]", "", text)
        return Counter(kept[i : i + 2] for i in range(len(kept) - 1))

    wanted, got = bigrams(truth), bigrams(found)
    return sum(min(n, got[b]) for b, n in wanted.items()) / max(1, sum(wanted.values()))


def render_table(rows: list[list[str]], *, dpi: int = 200, points: int = 12) -> Image.Image:
    """A ruled table (one text line per cell) on an A4 page, as a 결재 form or a budget sheet has."""
    font_path = korean_font()
    assert font_path is not None, "fonts-noto-cjk is not installed"
    font = ImageFont.truetype(str(font_path), round(points * dpi / 72), index=1 if font_path.suffix == ".ttc" else 0)
    width, height = round(A4_INCHES[0] * dpi), round(A4_INCHES[1] * dpi)
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    left, top = round(0.9 * dpi), round(1.2 * dpi)
    cell_w, cell_h = (width - 2 * left) // len(rows[0]), round(font.size * 2.2)
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            x, y = left + c * cell_w, top + r * cell_h
            draw.rectangle((x, y, x + cell_w, y + cell_h), outline=0, width=2)
            draw.text((x + font.size // 2, y + (cell_h - font.size) // 2), cell, font=font, fill=0)
    return page
