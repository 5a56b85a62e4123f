"""Avatar uploads: accept only real images of sane size, re-encode them, keep no metadata."""

import io

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


def avatar_process(upload) -> ContentFile:
    """Return a fresh JPEG of at most QALAN_AVATAR_SIZE px a side.

    Re-encoding from pixels drops EXIF (GPS position, camera serial) and anything hidden in
    the file; a decompression bomb or a non-image is refused before decoding.
    """
    max_bytes = settings.QALAN_AVATAR_MAX_BYTES
    if upload.size > max_bytes:
        raise ValidationError(
            _("The picture is too large: the limit is %(limit)s MB. Choose a smaller picture.")
            % {"limit": max_bytes // (1024 * 1024)},
            code="avatar_too_large",
        )
    not_an_image = ValidationError(
        _("This file is not a picture. Upload a JPEG, PNG, WebP or GIF image."), code="avatar_not_image"
    )
    try:
        upload.seek(0)
        with Image.open(upload) as probe:
            if probe.format not in ALLOWED_FORMATS:
                raise not_an_image
            width, height = probe.size
            if width * height > settings.QALAN_AVATAR_MAX_PIXELS:
                raise ValidationError(
                    _("The picture has too many pixels. Choose a picture under 36 megapixels."),
                    code="avatar_too_many_pixels",
                )
            probe.verify()
        upload.seek(0)
        with Image.open(upload) as image:
            image = ImageOps.exif_transpose(image)
            image = image.convert("RGB")
            image.thumbnail((settings.QALAN_AVATAR_SIZE, settings.QALAN_AVATAR_SIZE))
            clean = Image.new("RGB", image.size)
            clean.paste(image)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise not_an_image from None
    out = io.BytesIO()
    clean.save(out, format="JPEG", quality=85, optimize=True)
    return ContentFile(out.getvalue(), name="avatar.jpg")
