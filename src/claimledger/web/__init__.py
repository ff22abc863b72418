"""The analyst's workbench: server-rendered pages (claims, articles, sources, map, timeline)."""

from __future__ import annotations

from .views import install_web

__all__ = ["install_web"]
