"""The HTTP surface: a versioned JSON API under ``/api/v1`` and the server-rendered workbench."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
