"""relief-assistant: trafficking-survivor criminal record relief, explained offline.

This module imports nothing heavy so that every command starts fast.
"""

__version__ = "0.1.0"
