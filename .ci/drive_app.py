"""A whole conversation in the full-screen app (headless), then the results, the states view and the quick exit."""

import assistant.ui.widgets.choice_list as choice_list
import assistant.ui.widgets.question as question
from assistant.ui.app import make_app

choice_list._Grace.grace = 0.0
question.GRACE_SECONDS = 0.0
app = make_app()
KEYS = [
    "1",
    *"new mexico",
    "enter",
    "3",
    "4",
    "2",
    "2",
    *"2014",
    "enter",
    "1",
    "2",
    "2",
    *"2016",
    "enter",
    "6",
    "enter",
    "f4",
    "m",
]


async def drive(pilot):
    await pilot.pause(0.5)
    for key in KEYS:
        await pilot.press(key)
        await pilot.pause()
    await pilot.press("ctrl+q")


app.run(headless=True, auto_pilot=drive)
assert app.quick_exited, "the session did not reach the quick exit"
