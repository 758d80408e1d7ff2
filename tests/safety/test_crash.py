"""An unexpected error shows a short plain message: no answers, no local values, no traceback."""

from __future__ import annotations

import sys

from tests.safety.ptyrun import Terminal

SECRET = "Denver-2014-secret-label"
CRASHING = f"""
import assistant.faces.ui.screens.conversation as conversation
async def broken(self, *args, **kwargs):
    local_secret = {SECRET!r}
    raise RuntimeError("boom " + local_secret)
conversation.ConversationScreen.on_question_box_answered = broken
from assistant.faces.cli import main
raise SystemExit(main([]))
"""


def test_a_crash_prints_no_traceback_and_no_answers():
    term = Terminal([sys.executable, "-c", CRASHING])
    try:
        term.wait_for(b"Who are you using this for?")
        term.read(0.6)
        term.send(b"2")
        term.wait_for(b"Give this record a short name")
        term.read(0.6)
        term.send(SECRET.encode() + b"\r")
        status = term.wait_exit()
    finally:
        term.close()
    left = term.after_app()
    assert status == 70
    assert b"Something went wrong inside relief-assistant" in left
    assert b"Traceback" not in left and SECRET.encode() not in left and b"local_secret" not in left
