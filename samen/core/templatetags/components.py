"""The component layer between page templates and the stylesheet (GOV.UK style).

`{% field form.name %}` renders a label, hint, error and input wired together for screen
readers; `{% error_summary form %}` lists every error at the top, each linked to its field;
`{% pagination page_obj %}` and `{% data_table %}` render the shared list parts.
"""

from typing import Any

from django import forms, template
from django.http import QueryDict

register = template.Library()


def _widget_kind(bound: forms.BoundField) -> str:
    widget = bound.field.widget
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.HiddenInput):
        return "hidden"
    return "input"


@register.inclusion_tag("components/field.html")
def field(
    bound: forms.BoundField,
    hint: str = "",
    css: str = "",
    autofocus: bool = False,
    mark_optional: bool = True,
) -> dict:
    """Render one form field with its label, hint and error."""
    kind = _widget_kind(bound)
    hint = hint or str(bound.help_text or "")
    described = []
    if hint:
        described.append(f"{bound.auto_id}-hint")
    if bound.errors:
        described.append(f"{bound.auto_id}-error")
    attrs: dict[str, Any] = {}
    if described and kind not in {"checkboxes", "radios"}:
        attrs["aria-describedby"] = " ".join(described)
    if bound.errors:
        attrs["aria-invalid"] = "true"
    if autofocus:
        attrs["autofocus"] = True
    if css:
        attrs["class"] = css
    return {
        "bound": bound,
        "kind": kind,
        "hint": hint,
        "described": " ".join(described),
        "widget": bound.as_widget(attrs=attrs) if kind not in {"checkboxes", "radios"} else "",
        "required": bound.field.required or not mark_optional,
    }


@register.inclusion_tag("components/error_summary.html")
def error_summary(*forms_: forms.BaseForm) -> dict:
    """List the errors of one or more forms, each linked to its field."""
    items = []
    for form in forms_:
        if form is None or not form.is_bound:
            continue
        for error in form.non_field_errors():
            items.append({"href": "", "text": error})
        for name, errors in form.errors.items():
            if name == "__all__":
                continue
            bound = form[name]
            target = bound.auto_id
            if _widget_kind(bound) in {"checkboxes", "radios"}:
                target = f"{bound.auto_id}_0"
            for error in errors:
                items.append({"href": f"#{target}", "text": error})
    return {"items": items}


@register.inclusion_tag("components/pagination.html", takes_context=True)
def pagination(context: template.Context, page_obj: Any) -> dict:
    """Render previous/next links that keep the other query parameters."""
    request = context.get("request")
    query = request.GET.copy() if request is not None else QueryDict(mutable=True)

    def url_for(number: int) -> str:
        query["page"] = str(number)
        return "?" + query.urlencode()

    return {
        "page_obj": page_obj,
        "previous_url": url_for(page_obj.previous_page_number()) if page_obj.has_previous() else "",
        "next_url": url_for(page_obj.next_page_number()) if page_obj.has_next() else "",
    }


@register.inclusion_tag("components/data_table.html")
def data_table(caption: str, headers: list, rows: list, numeric: tuple = ()) -> dict:
    """Render a simple table with a caption, header row and body rows."""
    return {"caption": caption, "headers": headers, "rows": rows, "numeric": set(numeric)}


@register.simple_tag(takes_context=True)
def query_with(context: template.Context, **changes: Any) -> str:
    """Return the current query string with some parameters changed (page reset)."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    for key, value in changes.items():
        if value in (None, ""):
            query.pop(key, None)
        else:
            query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag
def join_qr(household: Any, title: str = "") -> str:
    """Render the QR code that opens the join-code login for this household."""
    from django.conf import settings
    from django.urls import reverse

    from samen.core.qr import qr_svg

    url = settings.SITE_URL + reverse("accounts:code_link", kwargs={"code": household.join_code})
    return qr_svg(url, title=title)
