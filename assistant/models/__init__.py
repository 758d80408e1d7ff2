"""Pydantic models of the project's data: rubrics, jurisdictions, flows and answers.

These modules do not use `from __future__ import annotations`: pydantic would have to compile every
field's annotation from a string when the classes are made (a few ms of each cold start)."""
