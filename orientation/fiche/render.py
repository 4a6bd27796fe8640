"""The « fiche projet » as a PDF: the sheet's content (content.py) in an HTML template (Jinja,
autoescaped: a name or an organisation with markup is printed as text), laid out by WeasyPrint in
the DSFR's look (Marianne from the @gouvfr/dsfr package), as a tagged PDF/UA-1 for screen readers.
"""
from __future__ import annotations

import datetime as dt
import threading
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Tuple

from orientation.language import french as fmt
from orientation.settings import ROOT

from .content import Fiche

if TYPE_CHECKING:
    import jinja2

TEMPLATES = Path(__file__).resolve().parent / "templates"
FONTS = ROOT / "node_modules" / "@gouvfr" / "dsfr" / "dist" / "fonts"
MEDIA_TYPE = "application/pdf"


def filename(reference_date: dt.date) -> str:
    return f"fiche-projet-france-relance-{reference_date.isoformat()}.pdf"


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    import jinja2  # here: the action server loads it only when it prints a fiche

    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


@lru_cache(maxsize=1)
def _weasy() -> Tuple[Any, Any]:
    """WeasyPrint and the style sheet with its fonts, loaded once per process (the fonts' parsing is
    the slow part of a first sheet). Imported here: loading Pango costs the processes that never print."""
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    # base_url: the @font-face URLs are the DSFR package's files (no network, no CDN)
    css = weasyprint.CSS(string=(TEMPLATES / "fiche.css").read_text(encoding="utf-8"),
                         base_url=FONTS.as_uri() + "/", font_config=fonts)
    return weasyprint, (css, fonts)


def html(fiche: Fiche) -> str:
    return _environment().get_template("fiche.html").render(fiche=fiche, fmt=fmt)


# WeasyPrint (Pango, fontconfig) is not thread-safe, and the sheets are made in worker threads (two
# bookings confirmed at once, the advisors' page): one at a time per process. The conversation report
# lost its action server three times at two first bookings confirmed at once, on a loaded machine.
_ONE_AT_A_TIME = threading.Lock()


def pdf(fiche: Fiche) -> bytes:
    """The sheet as PDF bytes (tagged, PDF/UA-1)."""
    page = html(fiche)
    with _ONE_AT_A_TIME:
        weasyprint, (css, fonts) = _weasy()
        document = weasyprint.HTML(string=page, base_url=str(TEMPLATES))
        return document.write_pdf(stylesheets=[css], font_config=fonts, pdf_variant="pdf/ua-1",
                                  pdf_identifier=None, uncompressed_pdf=False)
