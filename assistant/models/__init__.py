"""Pydantic models of the project's data: rubrics, jurisdictions, flows and answers."""
