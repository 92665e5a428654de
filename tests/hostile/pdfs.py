"""Hand-made PDFs for the hostile suite: valid cross-reference tables, hostile page trees and
content (a page tree that loops, one 20,000 deep, nested forms drawn millions of times)."""

from __future__ import annotations

FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
HELLO = b"BT /F1 12 Tf 20 250 Td (Hello) Tj ET"


def pdf(objects: list[bytes]) -> bytes:
    """A PDF of these objects (numbered from 1; object 1 the catalog), with a right xref."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def text_page(parent: int, content: int, font: int) -> bytes:
    return (b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 300 300] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (parent, content, font))


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def cyclic() -> bytes:
    """A page-tree node that is its own kid."""
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
                text_page(2, 4, 5), stream(HELLO), FONT])


def deep(depth: int) -> bytes:
    """One page under ``depth`` nested page-tree nodes."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    for i in range(depth):
        number = 2 + i
        parent = b"/Parent %d 0 R " % (number - 1) if i else b""
        objects.append(b"<< /Type /Pages %s/Kids [%d 0 R] /Count 1 >>" % (parent, number + 1))
    leaf = 2 + depth
    objects += [text_page(leaf - 1, leaf + 1, leaf + 2), stream(HELLO), FONT]
    return pdf(objects)


def bomb(depth: int = 7, fanout: int = 10) -> bytes:
    """A page that draws a form ``fanout`` times, each form the next one as often:
    ``fanout ** depth`` draws of one letter (pdfium runs out of memory and aborts)."""
    first = 5
    draw = b" ".join([b"/X Do"] * fanout)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R /Resources "
        b"<< /XObject << /X %d 0 R >> /Font << /F1 %d 0 R >> >> >>" % (first, first + depth),
        stream(draw),
    ]
    form = b"/Type /XObject /Subtype /Form /BBox [0 0 300 300] "
    for level in range(depth):
        if level < depth - 1:
            body = draw
            resources = b"/Resources << /XObject << /X %d 0 R >> >> " % (first + level + 1)
        else:
            body = b"BT /F1 12 Tf 20 250 Td (x) Tj ET"
            resources = b"/Resources << /Font << /F1 %d 0 R >> >> " % (first + depth)
        objects.append(stream(body, form + resources))
    objects.append(FONT)
    return pdf(objects)
