"""Page images for the review page (``pagemend review``): each PDF page's size in points and,
unless left out, the page rendered by pdfium in grey at a modest resolution, as a PNG
``data:`` URI (encoded here with zlib: no imaging library needed).

    >>> png_bytes(2, 1, b"\\x00\\xff", 2)[:8] == b"\\x89PNG\\r\\n\\x1a\\n"
    True
"""

from __future__ import annotations

import base64
import struct
import zlib
from pathlib import Path

from pagemend.writers.review import PageImage

__all__ = ["REVIEW_DPI", "page_images", "png_bytes"]

#: the resolution of the page images: readable beside the lines when zoomed, about 30 to
#: 90 kB a page in grey (measured on the corpus PDFs), so a 300-page book stays near 20 MB
REVIEW_DPI = 96
_POINTS_PER_INCH = 72


def _chunk(kind: bytes, data: bytes) -> bytes:
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def png_bytes(width: int, height: int, pixels: bytes, stride: int) -> bytes:
    """An 8-bit greyscale PNG of ``height`` rows of ``width`` pixels, ``stride`` bytes apart."""
    rows = b"".join(b"\x00" + pixels[row * stride:row * stride + width]
                    for row in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(rows, 9)) + _chunk(b"IEND", b""))


def page_images(path: str, password: str | None = None,
                render: bool = True) -> dict[int, PageImage]:
    """Physical page index -> its size and (with ``render``) its image, for a PDF."""
    from pagemend.readers.pdf import _open

    pdf = _open(Path(path), password)
    images: dict[int, PageImage] = {}
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            width, height = page.get_size()
            uri = _render(page) if render else None
            images[index] = PageImage(float(width), float(height), uri)
            page.close()
    finally:
        pdf.close()
    return images


def _render(page: object) -> str:
    bitmap = page.render(scale=REVIEW_DPI / _POINTS_PER_INCH,  # type: ignore[attr-defined]
                         grayscale=True)
    pixels = bytes(bitmap.buffer)
    if bitmap.n_channels != 1:  # an older pdfium that keeps colour channels: take one
        pixels = pixels[::bitmap.n_channels]
        stride = bitmap.stride // bitmap.n_channels
    else:
        stride = bitmap.stride
    data = png_bytes(bitmap.width, bitmap.height, pixels, stride)
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")
