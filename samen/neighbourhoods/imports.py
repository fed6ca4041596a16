"""Read a landlord's tenant list (CSV or XLSX) into checked, normalised rows.

Nothing here touches the database: `parse_tenant_list` turns an uploaded file into rows and
errors per row; `services_import` compares the rows with the neighbourhood and writes them.

A problem with the whole file (wrong type, empty, no street/number header, too large) raises
`ValidationError`. A problem with one row becomes an error dict that names the row number as
the user sees it in the spreadsheet (usually the header is row 1, the first address row 2).
Errors are stored as a code with parameters, not as text, so that they are shown in the
language of whoever reads them.
"""

import csv
import hashlib
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import translation
from django.utils.translation import gettext_lazy as _

MAX_FILE_SIZE = 5 * 1024 * 1024
MAX_ROWS = 10_000
# Wider sheets are cut here: a tenant list needs about ten columns.
MAX_COLUMNS = 60
# The header may come after a few title rows, but no further down than this.
HEADER_SEARCH_ROWS = 10
EXTENSIONS = (".csv", ".xlsx")

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # old Excel (.xls) and other Office 97 files

# The columns we understand; `name` may also be built from first and last name.
FIELDS = (
    "street",
    "number",
    "box",
    "postal_code",
    "tenant_ref",
    "name",
    "email",
    "phone",
    "languages",
)
REQUIRED = ("street", "number")

FIELD_LABELS = {
    "street": _("street"),
    "number": _("house number"),
    "box": _("box"),
    "postal_code": _("postal code"),
    "tenant_ref": _("tenant number"),
    "name": _("name"),
    "first_name": _("first name"),
    "last_name": _("last name"),
    "email": _("e-mail"),
    "phone": _("phone"),
    "languages": _("language"),
}

# The model's field lengths; a longer value is a row error, never cut silently.
MAX_LENGTHS = {
    "street": 120,
    "number": 12,
    "box": 12,
    "postal_code": 8,
    "tenant_ref": 64,
    "name": 80,
    "email": 254,
    "phone": 32,
}

# Header names, compared after `_header_key` (lower case, no spaces, dashes, dots or accents).
HEADER_ALIASES = {
    "street": ("straat", "straatnaam", "street", "streetname", "rue", "adres", "address"),
    "number": ("huisnummer", "nummer", "nr", "huisnr", "number", "housenumber", "no", "numero"),
    "box": ("bus", "busnummer", "busnr", "box", "toevoeging", "boite", "appartement"),
    "postal_code": ("postcode", "postalcode", "zip", "zipcode", "codepostal"),
    "tenant_ref": (
        "huurdernummer",
        "huurdernr",
        "klantnummer",
        "klantnr",
        "tenantref",
        "tenantnumber",
        "tenantid",
        "referentie",
        "reference",
    ),
    "name": (
        "naam",
        "bewoner",
        "bewonersnaam",
        "volledigenaam",
        "name",
        "fullname",
        "resident",
        "nom",
    ),
    "first_name": ("voornaam", "firstname", "givenname", "prenom"),
    "last_name": ("achternaam", "familienaam", "lastname", "surname", "familyname", "nomdefamille"),
    "email": ("email", "emailadres", "mail", "mailadres", "emailaddress", "courriel"),
    "phone": (
        "telefoon",
        "telefoonnummer",
        "tel",
        "gsm",
        "gsmnummer",
        "mobiel",
        "phone",
        "phonenumber",
        "mobile",
        "telephone",
    ),
    "languages": ("taal", "talen", "thuistaal", "language", "languages", "langue"),
}

# Language names as a housing company may write them; codes and the labels of
# settings.RESIDENT_LANGUAGES in every interface language are added in `_language_aliases`.
LANGUAGE_NAMES = {
    "nl": ("nederlands", "vlaams", "dutch", "flemish", "neerlandais"),
    "fr": ("frans", "french", "francais"),
    "en": ("engels", "english", "anglais"),
    "de": ("duits", "german", "deutsch", "allemand"),
    "ar": ("arabisch", "arabic", "arabe", "العربية"),
    "tr": ("turks", "turkish", "turkce", "turc"),
    "pl": ("pools", "polish", "polski", "polonais"),
    "ro": ("roemeens", "romanian", "romana", "roumain"),
    "bg": ("bulgaars", "bulgarian", "bulgare"),
    "ru": ("russisch", "russian", "russe", "русский"),
    "uk": ("oekraiens", "ukrainian", "ukrainien", "українська"),
    "so": ("somalisch", "somali", "somalien"),
    "ti": ("tigrinya", "tigrinja", "tigrigna"),
    "prs": ("dari", "perzisch", "persian", "farsi"),
    "ps": ("pasjtoe", "pashto", "pashtu", "pachto"),
    "es": ("spaans", "spanish", "espanol", "espagnol"),
    "pt": ("portugees", "portuguese", "portugues", "portugais"),
    "it": ("italiaans", "italian", "italiano", "italien"),
    "sq": ("albanees", "albanian", "shqip", "albanais"),
    "am": ("amhaars", "amharic", "amharique"),
}

# Messages for a problem in one row. Each takes the parameters stored with the error.
ROW_MESSAGES = {
    "missing_street": _("The street is missing."),
    "missing_number": _("The house number is missing."),
    "too_long": _("The %(column)s is too long: at most %(max)d characters."),
    "bad_email": _("This is not an e-mail address: %(value)s. It looks like name@example.be."),
    "bad_phone": _("This is not a phone number: %(value)s."),
    "unknown_language": _(
        "We do not know the language %(value)s. Write a language like Nederlands or a code like nl."
    ),
    "conflicting_tenant_ref": _(
        "This address has another tenant number in row %(other_row)d (%(other)s)."
    ),
    "tenant_ref_elsewhere": _(
        "The tenant number %(value)s is also used for another address in row %(other_row)d."
    ),
    "conflicting_postal_code": _(
        "This address has another postal code in row %(other_row)d (%(other)s)."
    ),
    "duplicate_name": _(
        "This person is already on the list for this address in row %(other_row)d."
    ),
    # Found when the rows are compared with the households already in Samen.
    "same_household": _(
        "This row and row %(other_row)d point to the same household in Samen. "
        "Check the tenant numbers and addresses."
    ),
    "address_taken": _(
        "The address %(value)s already belongs to another household in Samen. "
        "Check the tenant number."
    ),
}

# A number cell that also holds the box: "12/3" and "12 bus 3" mean number 12, box 3.
NUMBER_WITH_BOX = re.compile(r"^(\S+?)\s*(?:/|\bbus\b)\s*(\S+)$", re.IGNORECASE)
PHONE_CHARACTERS = re.compile(r"^\+?[0-9 ()./-]{6,}$")
LANGUAGE_SEPARATORS = re.compile(r"\s*(?:[,;/+&]|\s(?:en|and|et)\s)\s*", re.IGNORECASE)


@dataclass
class ParsedList:
    """The outcome of reading a tenant list."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    # Which field each recognised column fills, and the headers we did not use.
    columns: dict[str, str] = field(default_factory=dict)
    ignored_columns: list[str] = field(default_factory=list)
    # A fingerprint of the file's bytes, so that a re-sent form with another file is not
    # mistaken for a double submit of the first.
    digest: str = ""


def row_error(row: int, code: str, column: str = "", /, **params: Any) -> dict[str, Any]:
    """Make one row error, stored as JSON and turned into text by `row_error_text`."""
    return {"row": row, "column": column, "code": code, "params": params}


def row_error_text(error: dict[str, Any]) -> str:
    """Return the message of a row error in the active language."""
    message = ROW_MESSAGES.get(error.get("code", ""))
    if message is None:
        return str(error.get("message", ""))
    params = dict(error.get("params") or {})
    if "column" in params:
        params["column"] = str(FIELD_LABELS.get(params["column"], params["column"]))
    try:
        return str(message) % params
    except (
        KeyError,
        TypeError,
        ValueError,
    ):  # pragma: no cover - a stored error from an old version
        return str(message)


def column_label(name: str) -> str:
    """Return the plain name of one of our columns."""
    return str(FIELD_LABELS.get(name, name))


# --- Reading the file ---------------------------------------------------------------------


def parse_tenant_list(uploaded_file: Any) -> ParsedList:
    """Read an uploaded CSV or XLSX tenant list; raise ValidationError if the file is unusable."""
    name = str(getattr(uploaded_file, "name", "") or "")
    size = getattr(uploaded_file, "size", None)
    if size is not None and size > MAX_FILE_SIZE:
        raise _too_large()
    if hasattr(uploaded_file, "seek"):
        uploaded_file.seek(0)
    data = uploaded_file.read(MAX_FILE_SIZE + 1)
    if len(data) > MAX_FILE_SIZE:
        raise _too_large()
    if not data.strip():
        raise ValidationError(_("This file is empty."), code="empty")
    parsed = parse_tenant_bytes(data, name)
    parsed.digest = hashlib.sha256(data).hexdigest()[:32]
    return parsed


def parse_tenant_bytes(data: bytes, name: str) -> ParsedList:
    """Read the bytes of a tenant list; the file name's extension helps to tell the type."""
    extension = ("." + name.rsplit(".", 1)[-1].lower()) if "." in name else ""
    if data.startswith(ZIP_MAGIC):
        records = _xlsx_records(data)
    elif data.startswith(OLE_MAGIC) or extension == ".xls":
        raise ValidationError(
            _("This is an old Excel file (.xls). Save it as .xlsx or .csv and try again."),
            code="old_excel",
        )
    elif extension in {".csv", ".txt", ""}:
        records = _csv_records(data)
    else:
        raise _wrong_type()
    return _read_records(records)


def _too_large() -> ValidationError:
    return ValidationError(
        _("This file is too large. A tenant list may be at most 5 MB."), code="too_large"
    )


def _wrong_type() -> ValidationError:
    return ValidationError(
        _("We cannot read this file. Upload a list as a CSV file or an Excel file (.xlsx)."),
        code="wrong_type",
    )


def _decode(data: bytes) -> str:
    """Decode CSV bytes: UTF-8 (with or without BOM), else Windows-1252 as Excel saves it."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 reads every byte.
        return data.decode("latin-1")


def _sniff_delimiter(text: str) -> str:
    """Pick the delimiter of the first non-empty line: ';' (Excel in Flanders), ',' or tab."""
    for line in text.splitlines():
        if line.strip():
            counts = {delimiter: line.count(delimiter) for delimiter in (";", ",", "\t")}
            best = max(counts, key=lambda d: counts[d])
            return best if counts[best] else ","
    return ","


def _csv_records(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    if b"\x00" in data[:4096]:
        # UTF-16 or a binary file renamed to .csv.
        raise _wrong_type()
    text = _decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff_delimiter(text))
    # csv.reader yields one list per record, also for blank lines, so the record number is
    # the row number a spreadsheet shows.
    try:
        for number, record in enumerate(reader, start=1):
            yield number, record[:MAX_COLUMNS]
    except csv.Error as exc:
        raise _wrong_type() from exc


def _xlsx_records(data: bytes) -> Iterator[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # a damaged or foreign zip file raises many kinds of errors
        raise _wrong_type() from exc
    return _sheet_records(workbook)


def _sheet_records(workbook: Any) -> Iterator[tuple[int, list[Any]]]:
    try:
        sheet = workbook.worksheets[0]
        # In read-only mode rows come in order from row 1; row objects carry no numbers when
        # values_only is used, so count them ourselves (empty rows are yielded too).
        for number, values in enumerate(
            sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS, values_only=True), start=1
        ):
            yield number, list(values)
    except Exception as exc:
        raise _wrong_type() from exc
    finally:
        workbook.close()


# --- Header and rows ----------------------------------------------------------------------


def _plain(text: str) -> str:
    """Lower case without accents, for comparing names typed in different ways."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _header_key(text: str) -> str:
    return re.sub(r"[\s\-_.:/()#*]+", "", _plain(text))


HEADER_LOOKUP = {alias: name for name, aliases in HEADER_ALIASES.items() for alias in aliases}


def _cell_text(value: Any) -> str:
    """Turn a cell into clean text: numbers without '.0', dates as dates, spaces collapsed."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    return " ".join(str(value).split())


def _map_header(cells: list[Any]) -> tuple[dict[str, int], dict[str, str], list[str]]:
    """Return column index per field, the header used per field, and the unused headers."""
    indexes: dict[str, int] = {}
    headers: dict[str, str] = {}
    ignored: list[str] = []
    for index, cell in enumerate(cells):
        header = _cell_text(cell)
        if not header:
            continue
        name = HEADER_LOOKUP.get(_header_key(header))
        if name is None or name in indexes:
            ignored.append(header)
            continue
        indexes[name] = index
        headers[name] = header
    return indexes, headers, ignored


def _language_aliases() -> dict[str, str]:
    codes = [code for code, _label in settings.RESIDENT_LANGUAGES]
    aliases: dict[str, str] = {}
    for code, names in LANGUAGE_NAMES.items():
        if code in codes:
            for alias in names:
                aliases[_plain(alias)] = code
    for interface_language, _name in settings.LANGUAGES:
        with translation.override(interface_language):
            for code, label in settings.RESIDENT_LANGUAGES:
                aliases.setdefault(_plain(str(label)), code)
    for code in codes:
        aliases[code] = code
    return aliases


def _parse_languages(text: str, aliases: dict[str, str]) -> tuple[list[str], list[str]]:
    """Return the language codes in a cell and the parts we did not recognise."""
    codes: list[str] = []
    unknown: list[str] = []
    for part in LANGUAGE_SEPARATORS.split(text):
        part = part.strip()
        if not part:
            continue
        code = aliases.get(_plain(part))
        if code is None:
            unknown.append(part)
        elif code not in codes:
            codes.append(code)
    return codes, unknown


def _no_header() -> ValidationError:
    return ValidationError(
        _(
            "We cannot find the columns for the street and the house number in the first "
            "rows. Name them for example 'straat' and 'huisnummer'."
        ),
        code="no_header",
    )


def _read_records(records: Iterable[tuple[int, list[Any]]]) -> ParsedList:
    parsed = ParsedList()
    aliases = _language_aliases()
    indexes: dict[str, int] | None = None
    searched = 0
    count = 0
    for number, cells in records:
        texts = [_cell_text(cell) for cell in cells]
        if not any(texts):
            continue
        if indexes is None:
            # The header is the first row that names street and number; a title or a date
            # above it (common in exports) is passed over.
            found, columns, ignored = _map_header(cells)
            if all(name in found for name in REQUIRED):
                indexes, parsed.columns, parsed.ignored_columns = found, columns, ignored
                continue
            searched += 1
            if searched >= HEADER_SEARCH_ROWS:
                raise _no_header()
            continue
        count += 1
        if count > MAX_ROWS:
            raise ValidationError(
                _("This list has more than %(max)d rows. Split it into smaller lists."),
                code="too_many_rows",
                params={"max": MAX_ROWS},
            )
        row, errors = _read_row(number, texts, indexes, aliases)
        parsed.rows.append(row)
        parsed.errors.extend(errors)
    if indexes is None:
        if searched:
            raise _no_header()
        raise ValidationError(_("This file is empty."), code="empty")
    if not parsed.rows:
        raise ValidationError(
            _("This list has a header row but no addresses below it."), code="no_rows"
        )
    parsed.errors.extend(_check_across_rows(parsed.rows))
    parsed.errors.sort(key=lambda error: error["row"])
    return parsed


def _read_row(
    number: int, texts: list[str], indexes: dict[str, int], aliases: dict[str, str]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    def value(name: str) -> str:
        index = indexes.get(name)
        return texts[index] if index is not None and index < len(texts) else ""

    errors: list[dict[str, Any]] = []
    name = value("name") or " ".join(
        part for part in (value("first_name"), value("last_name")) if part
    )
    row: dict[str, Any] = {
        "row": number,
        "street": value("street"),
        "number": value("number"),
        "box": value("box"),
        "postal_code": value("postal_code"),
        "tenant_ref": value("tenant_ref"),
        "name": name,
        "email": value("email").lower(),
        "phone": value("phone"),
        "languages": [],
    }
    if not row["box"]:
        match = NUMBER_WITH_BOX.match(row["number"])
        if match:
            row["number"], row["box"] = match.group(1), match.group(2)

    if not row["street"]:
        errors.append(row_error(number, "missing_street", "street"))
    if not row["number"]:
        errors.append(row_error(number, "missing_number", "number"))
    for column, limit in MAX_LENGTHS.items():
        if len(row[column]) > limit:
            errors.append(row_error(number, "too_long", column, column=column, max=limit))
    if row["email"] and len(row["email"]) <= MAX_LENGTHS["email"]:
        try:
            validate_email(row["email"])
        except ValidationError:
            errors.append(row_error(number, "bad_email", "email", value=row["email"]))
    if row["phone"] and not PHONE_CHARACTERS.match(row["phone"]):
        errors.append(row_error(number, "bad_phone", "phone", value=row["phone"]))
    language_text = value("languages")
    if language_text:
        codes, unknown = _parse_languages(language_text, aliases)
        row["languages"] = codes
        for part in unknown:
            errors.append(row_error(number, "unknown_language", "languages", value=part))
    return row, errors


def address_key(street: str, number: str, box: str) -> tuple[str, str, str]:
    """Return the form in which two addresses are compared (case and spaces do not count)."""
    return (
        " ".join(street.split()).casefold(),
        "".join(number.split()).casefold(),
        "".join(box.split()).casefold(),
    )


def name_key(name: str) -> str:
    """Return the form in which two names in one household are compared."""
    return " ".join(name.split()).casefold()


def group_rows(rows: list[dict[str, Any]]) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """Group the rows that have an address by address, in list order."""
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for row in rows:
        if row["street"] and row["number"]:
            groups.setdefault(address_key(row["street"], row["number"], row["box"]), []).append(row)
    return groups


def _check_across_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Find rows that contradict each other: one address, two tenant numbers, and so on."""
    errors: list[dict[str, Any]] = []
    ref_owner: dict[str, tuple[tuple[str, str, str], int]] = {}
    for key, group in group_rows(rows).items():
        first_ref: tuple[str, int] | None = None
        first_postal: tuple[str, int] | None = None
        names: dict[str, int] = {}
        for row in group:
            ref = row["tenant_ref"]
            if ref:
                if first_ref is None:
                    first_ref = (ref, row["row"])
                elif ref.casefold() != first_ref[0].casefold():
                    errors.append(
                        row_error(
                            row["row"],
                            "conflicting_tenant_ref",
                            "tenant_ref",
                            other=first_ref[0],
                            other_row=first_ref[1],
                        )
                    )
                owner = ref_owner.setdefault(ref.casefold(), (key, row["row"]))
                if owner[0] != key:
                    errors.append(
                        row_error(
                            row["row"],
                            "tenant_ref_elsewhere",
                            "tenant_ref",
                            value=ref,
                            other_row=owner[1],
                        )
                    )
            postal = row["postal_code"]
            if postal:
                if first_postal is None:
                    first_postal = (postal, row["row"])
                elif (
                    postal.replace(" ", "").casefold()
                    != first_postal[0].replace(" ", "").casefold()
                ):
                    errors.append(
                        row_error(
                            row["row"],
                            "conflicting_postal_code",
                            "postal_code",
                            other=first_postal[0],
                            other_row=first_postal[1],
                        )
                    )
            if row["name"]:
                other_row = names.setdefault(name_key(row["name"]), row["row"])
                if other_row != row["row"]:
                    errors.append(
                        row_error(row["row"], "duplicate_name", "name", other_row=other_row)
                    )
    return errors
