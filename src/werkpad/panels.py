"""Panels: what one app shows on a page that another app composes.

The traject page, the placement page and the candidate's portal (in `werkpad.pages`) show
parts of later apps: the dropout episode, the traffic light, development steps, three-party
meetings, the check-in button. An app does not import the page; it registers a panel in its
`AppConfig.ready()`:

    panels.register("plaatsing", "monitoring", plaatsing_panel,
                    template="monitoring/_panel.html", slot="top", order=20)

and the page asks `panels.for_page("plaatsing", user, plaatsing)` for the panels to show, by
slot, in order. A panel's function returns the context of its own template, or `{}` to show
nothing (for instance when the user may not see it); it keeps its own query count constant.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

PanelContext = Callable[[Any, Any], dict]


@dataclass(frozen=True)
class Panel:
    """One registered panel: on which page, under which name, where and how it is drawn."""

    page: str
    name: str
    context: PanelContext
    template: str
    slot: str = "main"
    order: int = 100


@dataclass(frozen=True)
class ShownPanel:
    """A panel with its context for one user and one object, ready for the template."""

    name: str
    template: str
    context: dict


_registry: dict[str, dict[str, Panel]] = defaultdict(dict)


def register(
    page: str,
    name: str,
    context: PanelContext,
    *,
    template: str,
    slot: str = "main",
    order: int = 100,
) -> None:
    """Add (or replace, by name) a panel on `page`."""
    _registry[page][name] = Panel(page, name, context, template, slot, order)


def registered(page: str) -> list[Panel]:
    """The panels registered for `page`, in order."""
    return sorted(_registry[page].values(), key=lambda p: (p.order, p.name))


def for_page(page: str, user, obj) -> dict[str, list[ShownPanel]]:
    """The panels to show on `page` for `user` and `obj`, per slot, in order. Panels whose
    function returns `{}` are left out."""
    slots: dict[str, list[ShownPanel]] = defaultdict(list)
    for panel in registered(page):
        context = panel.context(user, obj)
        if context:
            slots[panel.slot].append(ShownPanel(panel.name, panel.template, context))
    return dict(slots)
