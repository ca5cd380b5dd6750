"""A report as a browser shows it at a given width: the page's own width and a screenshot.

    python -m pxl.reports.screenshot report.html shot.png --width 400 [--height 2400]

Headless Chromium will not make a window narrower than 500 px, so the report is loaded
in an iframe exactly ``width`` px wide (the viewport a phone of that width gives it), in a
window a little wider, and the screenshot is cropped to the iframe. Used by the browser
tests (tests/test_reports.py) and for the screenshots in docs/.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

WRAPPER = """<!DOCTYPE html><html><body style="margin:0">
<iframe src="{src}" style="border:0;width:{width}px;height:{height}px;display:block"></iframe>
<script>window.addEventListener("message", e => document.body.setAttribute("data-page", e.data));</script>
</body></html>"""
PROBE = ('<script>parent.postMessage([document.documentElement.scrollWidth, window.innerWidth, '
         '[...document.querySelectorAll(".fit")].filter(e => e.scrollWidth > e.clientWidth + 1).length].join("x"), "*")'
         '</script></body>')
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--hide-scrollbars",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _run(args: list[str], folder: Path) -> subprocess.CompletedProcess:
    browser = chromium()
    if browser is None:
        raise RuntimeError("chromium is not installed")
    return subprocess.run([browser, *FLAGS, f"--user-data-dir={folder / 'profile'}", *args],
                          capture_output=True, text=True, timeout=180)


def page_width(html: str, width: int) -> tuple[int, int, int]:
    """(the page's scroll width, the viewport's width, how many tables scroll sideways in
    their box) of ``html`` shown ``width`` px wide: (width, width, 0) when nothing is too
    wide for the screen."""
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        (folder / "page.html").write_text(html.replace("</body>", PROBE, 1), encoding="utf-8")
        (folder / "wrap.html").write_text(WRAPPER.format(src="page.html", width=width, height=900), encoding="utf-8")
        done = _run([f"--window-size={max(width, 500) + 100},1000", "--virtual-time-budget=5000", "--dump-dom",
                     (folder / "wrap.html").as_uri()], folder)
        marker = 'data-page="'
        if marker not in done.stdout:
            raise RuntimeError(f"the page did not report its width: {done.stderr[-500:]}")
        scroll, inner, scrolling = done.stdout.split(marker, 1)[1].split('"', 1)[0].split("x")
        return int(scroll), int(inner), int(scrolling)


def screenshot(html_path: Path, out: Path, width: int, height: int = 2400) -> Path:
    """A PNG of the top ``height`` px of the report at ``html_path`` shown ``width`` px wide."""
    from PIL import Image

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        wrap = folder / "wrap.html"
        wrap.write_text(WRAPPER.format(src=Path(html_path).resolve().as_uri(), width=width, height=height),
                        encoding="utf-8")
        shot = folder / "shot.png"
        _run([f"--window-size={max(width, 500) + 100},{height}", "--virtual-time-budget=5000",
              f"--screenshot={shot}", "--allow-file-access-from-files", wrap.as_uri()], folder)
        Image.open(shot).crop((0, 0, width, height)).save(out, optimize=True)
    return out


if __name__ == "__main__":
    args = sys.argv[1:]
    source, target = Path(args[0]), Path(args[1])
    option = dict(zip(args[2::2], args[3::2], strict=False))  # a last flag without a value is ignored
    screenshot(source, target, int(option.get("--width", 400)), int(option.get("--height", 2400)))
