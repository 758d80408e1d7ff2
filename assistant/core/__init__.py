"""The pure core: scoring, the flow runner, eligibility rules and engine, next steps. No Textual, no I/O."""
