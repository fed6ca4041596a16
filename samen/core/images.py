"""Photos: verify with Pillow, limit the size, drop every bit of metadata, re-encode.

A photo of a paper card or a pet must never carry the location or the camera's details, and
a file that only pretends to be an image must never be stored.
"""

import io
import uuid

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_SIDE = 1600
MAX_PIXELS = 40_000_000
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF", "MPO"}
# The one message for a file that is no photo (forms use it for Django's own image check too).
NOT_A_PHOTO = gettext_lazy("This file is not a photo. Choose a JPG or PNG photo.")


def clean_image(upload: UploadedFile) -> ContentFile:
    """Return a new JPEG of at most 1600 px per side without metadata, or raise ValidationError."""
    if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("This photo is too large (%(size)s MB). A photo can be at most 10 MB.")
            % {"size": round(upload.size / 1024 / 1024, 1)},
            code="too_large",
        )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            if image.format not in ALLOWED_FORMATS:
                raise ValidationError(NOT_A_PHOTO, code="format")
            if image.width * image.height > MAX_PIXELS:
                raise ValidationError(
                    _("This photo has too many pixels. Choose a smaller photo."), code="pixels"
                )
            image.load()
            # Turn the photo upright by its EXIF orientation, then forget the EXIF entirely.
            upright = ImageOps.exif_transpose(image)
            upright = upright.convert("RGB")
            upright.thumbnail((MAX_SIDE, MAX_SIDE))
            clean = Image.new("RGB", upright.size)
            clean.paste(upright)
    except ValidationError:
        raise
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
    ) as error:
        raise ValidationError(NOT_A_PHOTO, code="not_image") from error
    output = io.BytesIO()
    clean.save(output, format="JPEG", quality=82, optimize=True)
    return ContentFile(output.getvalue(), name=f"{uuid.uuid4().hex}.jpg")


def clean_photo_field(upload: UploadedFile | None, *, field: str = "photo") -> ContentFile | None:
    """Clean an optional photo for a service: None stays None, a problem is filed under `field`
    so the form shows it beside the photo input."""
    if upload is None:
        return None
    try:
        return clean_image(upload)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from error
