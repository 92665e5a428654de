"""How letters open and close, per language: salutations and closing formulas.

    >>> bool(SALUTATION.match("My Dear Friend:")), bool(SALUTATION.match("Dear me, what a day"))
    (True, False)
    >>> bool(CLOSING.match("Till then, and ever, Yours truly, WENDELL PHILLIPS"))
    True
"""

from __future__ import annotations

import re

__all__ = ["CLOSING", "SALUTATION"]

_SALUTATION_WORDS = (
    r"(?:my\s+)?(?:very\s+)?(?:dear(?:est)?|honou?red|respected|beloved)\b[^,:!]{0,40}",
    r"(?:dear\s+)?(?:sir|madam|gentlemen|ladies|mesdames|messieurs|monsieur|madame)\b[^,:!]{0,30}",
    r"(?:mon|ma|mes)\s+(?:cher|chère|chers|chères)\b[^,:!]{0,30}",
    r"(?:liebe[rs]?|sehr\s+geehrte[rs]?|verehrte[rs]?)\b[^,:!]{0,30}",
    r"(?:beste|lieve|waarde|geachte|hooggeachte)\b[^,:!]{0,30}",
)
#: A salutation: a short line that addresses the reader and ends with `,` `:` or `!`.
SALUTATION = re.compile(rf"^(?:{'|'.join(_SALUTATION_WORDS)})[,:!]$", re.IGNORECASE)

_CLOSING_WORDS = (
    r"yours\b", r"your\s+(?:obedient|humble|affectionate|faithful|sincere|loving)",
    r"(?:i\s+am|i\s+remain|believe\s+me)\b", r"(?:sincerely|faithfully|truly|affectionately)\b",
    r"ever\s+yours", r"till\s+then\b",
    r"(?:votre|vos)\s+(?:dévoué|très|bien)", r"(?:très\s+)?cordialement\b", r"agréez\b",
    r"(?:ihr|dein|eure?)\s+(?:ergebener|treuer|getreuer)", r"mit\s+(?:freundlichen|herzlichen)",
    r"(?:uw|hoogachtend|met\s+vriendelijke)\b",
)
#: A closing formula opens the line that ends a letter (and runs on to the signature).
CLOSING = re.compile(rf"^(?:{'|'.join(_CLOSING_WORDS)})", re.IGNORECASE)
