"""`relief serve`: the app in a web browser on this computer only (textual-serve, bound to 127.0.0.1).

Each browser tab gets its own app process; closing the tab ends it and keeps nothing. The page is
our own template: it loads nothing from the internet (no web fonts), has a "Leave now" button, and
blanks itself the moment the session ends (the app's quick exit ends the session).
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

HOST = "127.0.0.1"  # never another address: the page is for this computer only
TEMPLATES = Path(__file__).resolve().parent / "serve_templates"


def serve(port: int) -> int:
    from textual_serve.server import Server

    command = f"{shlex.quote(sys.executable)} -m assistant"
    server = Server(command, host=HOST, port=port, title="Record relief assistant", templates_path=TEMPLATES)
    print(f"Open http://{HOST}:{port} in a web browser on this computer. Press Ctrl+C here to stop.", flush=True)
    server.serve()
    return 0
