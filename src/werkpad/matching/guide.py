"""Topics for the matching conversation, in our own words (inspired by the Gespreksleidraad
Arbeid als medicijn, notes 6-7, 20-23, 55)."""

from django.utils.translation import gettext_lazy as _

TOPICS = [
    ("wensen", _("Wat de kandidaat wil en graag doet")),
    ("mogelijkheden", _("Wat de kandidaat kan: ervaring, sterke kanten")),
    ("taken", _("De taken: wat het werk vraagt, per taak")),
    ("uren_opbouw", _("Uren en opbouw: laag beginnen, stap voor stap meer")),
    ("dagen_tijden", _("Dagen en tijden, vaste structuur")),
    ("werkplek", _("De werkplek: rust, prikkels, aanpassingen")),
    ("begeleiding", _("Begeleiding: leidinggevende, buddy, jobcoach")),
    ("openheid", _("Wat de kandidaat wil vertellen, en aan wie")),
    ("signalen", _("Signalen en wat te doen als het minder gaat")),
    ("regelingen", _("Regelingen: no-riskpolis, loonkostensubsidie, jobcoach")),
    ("inwerken", _("De eerste dag en de eerste weken")),
    ("evaluatie", _("Wanneer en hoe we evalueren")),
]
