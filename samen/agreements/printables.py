"""The agreements app's printables: the A4 poster and the leaflet per household."""

from samen.agreements.pdf_agreements import AGREEMENT_LEAFLETS, AGREEMENT_POSTER
from samen.printing.registry import printables

printables.register(AGREEMENT_POSTER)
printables.register(AGREEMENT_LEAFLETS)
