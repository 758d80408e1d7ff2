"""Rendering results as text, Markdown, HTML and JSON (Jinja2 templates in templates/)."""
