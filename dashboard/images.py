"""Server-side image rendering with kaleido and the system Chromium: one browser per worker process,
started on the first request and kept warm; map geometry from the local topojson files. Without a
browser the app still runs and says why images are unavailable."""
from __future__ import annotations

import shutil
import threading
import warnings
from pathlib import Path

import plotly.graph_objects as go
import plotly.io as pio

TOPOJSON_DIR = Path(__file__).resolve().parent / "assets" / "topojson"
FORMATS = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "chrome")
RENDER_WAIT_SECONDS = 20

_lock = threading.Lock()
_started = False


class ImagesUnavailable(RuntimeError):
    """No browser to render with, or the renderer failed to start."""


def browser() -> str | None:
    return next((path for name in BROWSERS if (path := shutil.which(name))), None)


def unavailable_reason() -> str | None:
    """Why image downloads cannot work here, or None when they can."""
    if browser() is None:
        return "Image downloads need a Chromium browser on the server, and none is installed."
    return None


def _start() -> None:
    global _started
    import kaleido

    pio.defaults.topojson = TOPOJSON_DIR.as_uri() + "/"
    try:
        kaleido.start_sync_server(silence_warnings=True)
    except Exception as err:  # kaleido reports a missing or broken browser in several ways
        raise ImagesUnavailable(f"The image renderer could not start: {err}") from err
    _started = True


def render(figure: go.Figure, fmt: str, scale: float = 1) -> bytes:
    """Bytes of the figure as png, svg or pdf, at the figure's own width and height."""
    if reason := unavailable_reason():
        raise ImagesUnavailable(reason)
    if not _lock.acquire(timeout=RENDER_WAIT_SECONDS):  # one render at a time per worker: one warm browser
        raise ImagesUnavailable("The image renderer is busy; please try again in a minute.")
    try:
        if not _started:
            _start()
        with warnings.catch_warnings():  # plotly warns that kaleido options are ignored with a warm server
            warnings.simplefilter("ignore", UserWarning)
            return pio.to_image(figure, format=fmt, scale=scale, validate=False)
    finally:
        _lock.release()
