import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Bericht


class BerichtFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Bericht.Status.choices, empty_label=_("Alle")
    )

    class Meta:
        model = Bericht
        fields = ["status"]
