"""The usual form page: bind the form, and when a POST is valid, save it through a service,
say so and go on to the next page; otherwise the view renders the form (with its errors).

    form = SomeForm(request.POST or None, instance=thing)
    done = saved(request, form, lambda: service.save_thing(form), _("Opgeslagen."), url)
    return done or render(request, "app/form_page.html", {"form": form})
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.forms import BaseForm
from django.forms.formsets import BaseFormSet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme


def saved[T](
    request: HttpRequest,
    form: BaseForm | BaseFormSet,
    save: Callable[[], T],
    message: str | Callable[[T], str],
    next_url: str | Callable[[T], str],
) -> HttpResponse | None:
    """For a valid POST: run `save`, show the success `message` and redirect to `next_url`
    (either may be a function of what `save` returned). None when there is nothing to save
    (not a POST, or the form has errors): the view renders its page."""
    if request.method != "POST" or not form.is_valid():
        return None
    result = save()
    messages.success(request, message(result) if callable(message) else message)
    return redirect(next_url(result) if callable(next_url) else next_url)


def row_or_back(
    request: HttpRequest, error: str, row_template: str, row: dict, fallback_url: str
) -> HttpResponse:
    """The answer to a quick change from a list (such as a milestone's status): HTMX swaps
    the row (`row_template` with `row` and the `error`); without JS the error becomes a
    message and the browser goes back to the POSTed `next` page (if it is ours), else to
    `fallback_url`."""
    if request.htmx:
        return render(request, row_template, {**row, "error": error})
    if error:
        messages.error(request, error)
    next_url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return redirect(next_url)
    return redirect(fallback_url)
