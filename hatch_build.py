"""Wheel build hook: validate all data and bundle a snapshot of it (see assistant/data/snapshot.py).

A wheel is never built from invalid data: the build stops with the same messages `relief validate`
prints.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class DataSnapshotHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        compiled = Path(self.directory) / "compiled-templates"
        sys.path.insert(0, self.root)
        try:
            from assistant.data.problems import DataInvalid
            from assistant.data.snapshot import SNAPSHOT_NAME, build_snapshot
            from assistant.render.explain import compile_templates

            try:
                snapshot = build_snapshot(Path(self.root))
            except DataInvalid as exc:
                raise SystemExit(f"relief-assistant: the data is invalid, so no wheel was built.\n{exc}") from None
            # The templates compiled to Python, so an installed app does not compile them on every start.
            compile_templates(compiled)
        finally:
            sys.path.remove(self.root)
        out = Path(self.directory) / SNAPSHOT_NAME
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(snapshot)
        build_data["force_include"][str(out)] = f"assistant/_data/{SNAPSHOT_NAME}"
        build_data["force_include"][str(compiled)] = "assistant/_data/compiled-templates"
