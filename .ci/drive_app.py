"""A whole conversation in the full-screen app (headless), then the results, the states view and the quick exit."""

# The keys of one whole conversation: New Mexico, a felony theft conviction from 2014, trafficking ended 2016.
CONVERSATION = [
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
]
AFTER = ["f4", "m"]  # the states view, then its map


async def drive(pilot):
    await pilot.pause(0.5)
    for key in [*CONVERSATION, *AFTER]:
        await pilot.press(key)
        await pilot.pause()
    await pilot.press("ctrl+q")


if __name__ == "__main__":
    import assistant.faces.ui.widgets.choice_list as choice_list
    import assistant.faces.ui.widgets.question as question
    from assistant.faces.ui.app import make_app

    choice_list._Grace.grace = 0.0
    question.GRACE_SECONDS = 0.0
    make_app().run(headless=True, auto_pilot=drive)
