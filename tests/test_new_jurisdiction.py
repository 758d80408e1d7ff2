"""Adding a jurisdiction is a YAML file (and its guide), never a Python change (issue 11).

A copy of New Mexico under a new code goes through every face that lists or evaluates places.
"""

from __future__ import annotations

import re

from tests.conftest import run_relief


def add_zedland(data_copy):
    state = (data_copy / "states" / "NM.yaml").read_text()
    state = state.replace("\ncode: NM\n", "\ncode: ZZ\n", 1).replace("\nname: New Mexico\n", "\nname: Zedland\n", 1)
    state = re.sub(r"\ntile: \[5, 3\]", "\ntile: [7, 11]", state, count=1)  # a free cell of the map
    (data_copy / "states" / "ZZ.yaml").write_text(state)
    guide = (data_copy / "guides" / "NM.yaml").read_text().replace("\ncode: NM\n", "\ncode: ZZ\n", 1)
    (data_copy / "guides" / "ZZ.yaml").write_text(guide)
    return {"RELIEF_DATA_DIR": str(data_copy)}


def test_a_copied_state_under_a_new_code_works_everywhere_without_code(data_copy, tmp_path):
    env = add_zedland(data_copy)
    validated = run_relief("validate", env=env)
    assert validated.returncode == 0, validated.stdout + validated.stderr
    assert "53 jurisdictions" in validated.stdout

    scored = run_relief("score", "ZZ", "NM", env=env)
    assert scored.returncode == 0, scored.stderr
    zz, nm = (next(line for line in scored.stdout.splitlines() if line.startswith(code)) for code in ("ZZ ", "NM "))
    assert zz.split()[:2] == ["ZZ", "Zedland"]
    assert zz.split()[2:] == nm.split()[3:]  # the same law scores the same (67), rank shared with NM
    assert zz.split()[2] == "67"

    listed = run_relief("states", env=env)
    assert "ZZ    Zedland" in listed.stdout and "53 jurisdictions" in listed.stdout

    answers = tmp_path / "a.yaml"
    answers.write_text(
        "audience: advocate\ntrafficking_ended: 2016\ndocumentation: [none]\nrecords:\n"
        "  - {jurisdiction: ZZ, record: conviction, offense: theft, level: felony, connection: forced, "
        "year: 2014, age: adult, pending_charges: 'no'}\n"
    )
    evaluated = run_relief("evaluate", "--answers", str(answers), env=env)
    assert evaluated.returncode == 0, evaluated.stderr
    assert "Zedland" in evaluated.stdout and "How to file" in evaluated.stdout  # its law and its guide

    guide = run_relief("guide", "Zedland", env=env)  # names and codes are found as for any place
    assert guide.returncode == 0 and "Zedland: how to file" in guide.stdout
