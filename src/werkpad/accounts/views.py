"""Views for accounts: the candidate's invitation to the portal. The coach sends it from the
traject page; the candidate opens the link and chooses a password. Login and logout are
Django's own views (see urls.py). The logic is in `invites`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import login, password_validation
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import SetPasswordForm, SetPasswordMixin
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from werkpad import access

from . import invites
from .models import Uitnodiging

Status = Uitnodiging.Status


# Django's validator messages in plain Dutch (B1, "je"). Django's own Dutch is formal, and its
# catalogue misses the too-short message of Django 6.1.
PASSWORD_MESSAGES = {
    "password_too_short": gettext_lazy(
        "Dit wachtwoord is te kort. Gebruik minstens %(min_length)d tekens."
    ),
    "password_too_common": gettext_lazy(
        "Dit wachtwoord is te algemeen: veel mensen gebruiken het. Kies een ander wachtwoord."
    ),
    "password_entirely_numeric": gettext_lazy(
        "Dit wachtwoord bestaat alleen uit cijfers. Gebruik ook letters."
    ),
    "password_too_similar": gettext_lazy("Dit wachtwoord lijkt te veel op je naam of e-mailadres."),
}


def plain_password_errors(error: ValidationError) -> list[ValidationError]:
    return [
        ValidationError(PASSWORD_MESSAGES[e.code], code=e.code, params=e.params)
        if e.code in PASSWORD_MESSAGES
        else e
        for e in error.error_list
    ]


def password_help() -> str:
    """What a good password needs, from the configured validators."""
    parts = []
    for validator in password_validation.get_default_password_validators():
        name = type(validator).__name__
        if name == "MinimumLengthValidator":
            parts.insert(0, _("Minstens %(n)d tekens.") % {"n": validator.min_length})
        elif name == "NumericPasswordValidator":
            parts.append(_("Niet alleen cijfers."))
        elif name == "CommonPasswordValidator":
            parts.append(_("Geen wachtwoord dat veel mensen gebruiken."))
        elif name == "UserAttributeSimilarityValidator":
            parts.append(_("Niet je naam of e-mailadres."))
        else:
            parts.append(validator.get_help_text())
    return " ".join(parts)


class PasswordForm(SetPasswordForm):
    """Django's set-password form (and its password validators), in plain Dutch."""

    new_password1, new_password2 = SetPasswordMixin.create_password_fields(
        label1=gettext_lazy("Kies een wachtwoord"), label2=gettext_lazy("Herhaal je wachtwoord")
    )
    error_messages = {
        "password_mismatch": gettext_lazy(
            "De twee wachtwoorden zijn niet hetzelfde. Typ ze allebei opnieuw."
        ),
    }

    def __init__(self, user, *args, **kwargs):
        super().__init__(user, *args, **kwargs)
        self.fields["new_password1"].widget.attrs["autofocus"] = True
        self.fields["new_password1"].help_text = password_help()
        self.fields["new_password2"].help_text = _("Typ hetzelfde wachtwoord nog een keer.")

    def validate_password_for_user(self, user, password_field_name="password2"):  # noqa: S107
        password = self.cleaned_data.get(password_field_name)
        if password:
            try:
                password_validation.validate_password(password, user)
            except ValidationError as error:
                self.add_error(password_field_name, plain_password_errors(error))


def _problem(request: HttpRequest, status: str, uitnodiging: Uitnodiging | None) -> HttpResponse:
    """The page for a link that does not work (any more), saying what to do."""
    if (
        status == Status.USED
        and uitnodiging is not None
        and request.user.is_authenticated
        and request.user.pk == uitnodiging.kandidaat.user_id
    ):
        return redirect("home")  # the candidate clicked their link again
    return render(
        request,
        "accounts/invite_problem.html",
        {"status": status},
        status=404 if status == Status.UNKNOWN else 410,
    )


@login_not_required
@never_cache
@sensitive_post_parameters("new_password1", "new_password2")
def accept(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the invitation: choose a password, and you are in."""
    status, uitnodiging = invites.check(token)
    if status != Status.OK:
        return _problem(request, status, uitnodiging)
    form = PasswordForm(invites.new_user(uitnodiging), request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = invites.accept(uitnodiging, form.cleaned_data["new_password1"])
        except invites.InviteError as error:
            if error.status:
                return _problem(request, error.status, uitnodiging)
            form.add_error(None, error)
        except ValidationError as error:  # the password validators, checked again by accept
            form.add_error("new_password2", plain_password_errors(error))
        else:
            login(request, user)
            messages.success(request, _("Welkom bij Werkpad!"))
            return redirect("home")
    return render(
        request, "accounts/invite_accept.html", {"form": form, "uitnodiging": uitnodiging}
    )


@require_POST
def invite(request: HttpRequest, pk: int) -> HttpResponse:
    """The coach invites the traject's candidate to Werkpad by e-mail."""
    traject = access.get_or_404(request.user, "traject.view", pk, require="kandidaat.invite")
    if traject.is_closed:
        messages.error(request, _("Dit traject is afgesloten; een uitnodiging kan niet meer."))
        return redirect("trajects:detail", pk=traject.pk)
    try:
        uitnodiging = invites.invite(traject.kandidaat, request.user, request=request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("Uitnodiging verstuurd naar %(email)s.") % {"email": uitnodiging.email}
        )
    return redirect("trajects:detail", pk=traject.pk)
