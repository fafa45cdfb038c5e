import django_filters
from django.utils.translation import gettext_lazy as _

from werkpad.route.models import Phase

from .models import Traject


class CaseloadFilter(django_filters.FilterSet):
    phase = django_filters.ChoiceFilter(
        label=_("Fase"), choices=Phase.choices, empty_label=_("Alle fasen")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=[("lopend", _("Lopend")), ("afgesloten", _("Afgesloten"))],
        empty_label=_("Alle"),
        method="filter_status",
    )

    class Meta:
        model = Traject
        fields = ["phase"]

    def filter_status(self, queryset, name, value):
        if value == "lopend":
            return queryset.filter(closed_at__isnull=True)
        if value == "afgesloten":
            return queryset.filter(closed_at__isnull=False)
        return queryset
