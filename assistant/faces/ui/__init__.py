"""The Textual app: a thin layer over the core (flow runner, eligibility, explanations)."""
