"""Rules about the shape of the code that no single app's tests would notice.

Views do not write to the database themselves: a view calls a model method or a function in
its app's `service.py`, which writes (with whatever belongs with it: timeline events, audit,
one transaction). The check reads the source with `ast`, it imports nothing.

What counts as a write, for a call `<receiver>.<method>(...)` in a view module:

- the methods `save`, `delete`, `create`, `bulk_create`, `bulk_update`, `get_or_create` and
  `update_or_create`, whatever the receiver (a form's `save()` writes too, and
  `save(commit=False)` is the first half of a write);
- `update`, only when the receiver looks like a queryset: its chain contains `.objects`, or a
  call of a queryset method (`filter`, `exclude`, `all`, `select_related`, ...), or it is a
  name such as `qs`, `queryset` or one ending in `_qs`. So `context.update({...})`,
  `data.update(...)` and other `dict.update` calls are reads as far as this rule goes.

Everything else is allowed: reads (`filter`, `get`, `first`, `exists`, ...), `messages.*`,
`log_read` (which the audit module owns) and model or service methods with other names.

View modules are `views.py`, `views_*.py`, every module in a `views/` package and `pdf.py`,
anywhere under `src/werkpad` (sub-packages included).
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "werkpad"

ALWAYS_WRITES = {
    "save",
    "delete",
    "create",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
}
QUERYSET_METHODS = {
    "filter",
    "exclude",
    "all",
    "select_related",
    "prefetch_related",
    "select_for_update",
    "order_by",
    "annotate",
    "alias",
    "only",
    "defer",
    "distinct",
    "using",
    "none",
}
QUERYSET_NAMES = {"qs", "queryset"}


def view_modules() -> list[Path]:
    """Every view module under `src/werkpad`, sorted."""
    found = set()
    for path in SRC.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        name = path.name
        if (
            name in {"views.py", "pdf.py"}
            or (name.startswith("views_") and name.endswith(".py"))
            or path.parent.name == "views"
            or (path.parent.name == "pages" and name in {"portal.py", "context_processors.py"})
        ):
            found.add(path)
    return sorted(found)


def _looks_like_queryset(receiver: ast.expr) -> bool:
    """Whether the expression a method is called on is (probably) a queryset or manager."""
    node = receiver
    while True:
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in QUERYSET_METHODS:
                return True
            node = func
        elif isinstance(node, ast.Attribute):
            if node.attr == "objects" or node.attr in QUERYSET_NAMES:
                return True
            node = node.value
        elif isinstance(node, ast.Subscript):
            node = node.value
        elif isinstance(node, ast.Name):
            name = node.id
            return name in QUERYSET_NAMES or name.endswith(("_qs", "_queryset"))
        else:
            return False


def writes_in(source: str, filename: str = "<source>") -> list[str]:
    """`file:line .method(` for every database write in the given view source."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        method = node.func.attr
        if method in ALWAYS_WRITES or (
            method == "update" and _looks_like_queryset(node.func.value)
        ):
            found.append(f"{filename}:{node.lineno} .{method}(")
    return sorted(found, key=lambda item: int(item.rsplit(":", 1)[1].split()[0]))


def test_there_are_view_modules_to_check():
    names = {str(path.relative_to(SRC)) for path in view_modules()}
    assert "trajects/views.py" in names
    assert "instruments/pdf.py" in names
    assert {"pages/views.py", "pages/portal.py"} <= names


def test_no_view_writes_to_the_database_itself():
    found = []
    for path in view_modules():
        found += writes_in(path.read_text(encoding="utf-8"), str(path.relative_to(SRC.parent)))
    assert not found, (
        "Views write through a model method or a function in the app's service.py, never "
        "themselves:\n" + "\n".join(found)
    )


def test_the_write_check_finds_writes_in_every_form():
    source = """
def view(request, form, formset, thing, qs, plaatsing):
    form.save()
    obj = form.save(commit=False)
    formset.save()
    thing.delete()
    Thing.objects.create(name="x")
    Thing.objects.bulk_create([])
    Thing.objects.get_or_create(name="x")
    Thing.objects.update_or_create(name="x")
    Thing.objects.bulk_update([], ["name"])
    Thing.objects.filter(pk=1).update(name="x")
    Thing.objects.update(name="x")
    plaatsing.opbouw.filter(week=1).update(uren=0)
    qs.update(name="x")
    open_qs.update(name="x")
"""
    assert [line.split()[1] for line in writes_in(source)] == [
        ".save(",
        ".save(",
        ".save(",
        ".delete(",
        ".create(",
        ".bulk_create(",
        ".get_or_create(",
        ".update_or_create(",
        ".bulk_update(",
        ".update(",
        ".update(",
        ".update(",
        ".update(",
        ".update(",
    ]


def test_the_write_check_leaves_reads_dicts_and_messages_alone():
    source = """
def view(request, traject, context, data):
    context.update({"a": 1})
    data.update(b=2)
    {}.update(c=3)
    dict(a=1).update(d=4)
    request.session.modified = True
    messages.success(request, "Opgeslagen.")
    messages.error(request, "Niet gelukt.")
    Thing.objects.filter(pk=1).first()
    Thing.objects.get(pk=1)
    traject.betrokkenen.select_related("user").exists()
    log_read(request.user, traject, detail="trajectpagina")
    service.save_locatie(form, by=request.user)
    traject.move_to("c", request.user, "reden")
    updated = dict(context)
    updated.update(e=5)
"""
    assert writes_in(source) == []
