from __future__ import annotations

import pytest

import assistant.faces.ui.widgets.choice_list as choice_list
import assistant.faces.ui.widgets.question as question


@pytest.fixture(autouse=True)
def no_grace(monkeypatch, request):
    """Tests answer at machine speed; the grace-period test turns it back on."""
    if "grace" not in request.node.name:
        monkeypatch.setattr(choice_list._Grace, "grace", 0.0)
        monkeypatch.setattr(question, "GRACE_SECONDS", 0.0)
