"""QR codes as inline SVG (segno), for join codes on screen and on paper."""

import io

import segno
from django.utils.safestring import SafeString, mark_safe


def qr_svg(data: str, *, scale: int = 4, title: str = "") -> SafeString:
    """Return an inline SVG QR code for `data` (no XML declaration, sized by `scale`)."""
    buffer = io.BytesIO()
    segno.make(data, error="m").save(
        buffer,
        kind="svg",
        scale=scale,
        xmldecl=False,
        svgns=True,
        title=title or None,
        svgclass="qr",
        lineclass=None,
        border=2,
        omitsize=True,
    )
    svg = buffer.getvalue().decode()
    if title:
        # An image with a name for screen readers.
        svg = svg.replace("<svg ", '<svg role="img" ', 1)
    return mark_safe(svg)  # segno writes the whole SVG; the title is escaped by segno
