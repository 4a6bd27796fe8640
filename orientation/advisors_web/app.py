"""The advisors' agenda as an aiohttp application (aiohttp comes with Rasa).

Every page but the login form needs a session; every POST carries the session's CSRF token (the
login form a token bound to a cookie). Only bookings of the store are shown, and none past the
retention period even if the daily purge has not run yet.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import hmac
import inspect
import logging
import secrets
import unicodedata
from pathlib import Path
from typing import Any, Callable, List, Optional
from urllib.parse import quote, urlsplit

import jinja2
from aiohttp import web

from orientation.advisors_web.accounts import AccountsError, check_password, load_accounts
from orientation.advisors_web.periods import DayView, day_view, parse_day, visible, week_views
from orientation.advisors_web.sessions import Clock, Session, Sessions, utc_now
from orientation.advisors_web.throttle import LoginThrottle
from orientation.booking import mail
from orientation.booking.agenda import agenda_csv
from orientation.booking.ics import calendar_text
from orientation.booking.store import Booking, BookingStore
from orientation.booking.wording import describe_day, time_span, time_zone_text
from orientation.client_address import client_address as forwarded_client
from orientation.client_address import networks
from orientation.fiche.booked import booking_pdf
from orientation.fiche.render import MEDIA_TYPE
from orientation.language import french
from orientation.language.contacts import REFERENCE_LENGTH, normalise_reference
from orientation.settings import get_settings
from orientation.statistics.report import PeriodError, Statistics, cell, parse_period, report_csv

log = logging.getLogger("advisors_web")
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DSFR = ROOT / "node_modules" / "@gouvfr" / "dsfr" / "dist"
DSFR_CHART = ROOT / "node_modules" / "@gouvfr" / "dsfr-chart" / "dist" / "DSFRChart"
SESSION_COOKIE = "agenda_session"
LOGIN_COOKIE = "agenda_connexion"  # binds the login form's CSRF token to this browser
ASSETS = ("/dsfr/", "/dsfr-chart/", "/static/")
PUBLIC = ("/connexion", "/sante", *ASSETS)
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
                               "form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

# Keys of the application's state.
Notify = Callable[[Booking], Any]
STORE = web.AppKey("store", BookingStore)
SESSIONS = web.AppKey("sessions", Sessions)
GUARD = web.AppKey("guard", LoginThrottle)
# One login checked at a time: fifty guesses sent at once meet the delays one after the other.
LOGIN_LOCK = web.AppKey("login_lock", asyncio.Lock)
TEMPLATES = web.AppKey("templates", jinja2.Environment)
STATISTICS = web.AppKey("statistics", Statistics)


class Settings:
    def __init__(self, accounts_file: Path, notify_cancelled: Optional[Notify], clock: Clock,
                 secure_cookies: bool, failure_delay: float, trusted_proxy: Optional[str]):
        self.accounts_file, self.notify_cancelled, self.clock = accounts_file, notify_cancelled, clock
        self.secure_cookies, self.failure_delay, self.trusted_proxy = secure_cookies, failure_delay, trusted_proxy
        self.trusted_proxies = networks(trusted_proxy or "")


SETTINGS = web.AppKey("settings", Settings)


def create_app(store: BookingStore, accounts_file: Path, notify_cancelled: Optional[Notify] = None,
               clock: Clock = utc_now, secure_cookies: bool = False, failure_delay: float = 1.0,
               trusted_proxy: Optional[str] = None, sessions: Optional[Sessions] = None,
               guard: Optional[LoginThrottle] = None) -> web.Application:
    """notify_cancelled(booking): tells the user of a cancellation (an e-mail), called after the
    store deleted it; it returns mail.SENT / QUEUED / DISABLED (or False when it failed); None sends
    nothing and the page says so. secure_cookies: the page is served
    over https (behind a proxy). failure_delay: seconds added to each wrong password.
    trusted_proxy: the one address whose X-Forwarded-For is believed."""
    app = web.Application(middlewares=[security_headers, require_session, check_csrf])
    app[STORE] = store
    app[SESSIONS] = sessions or Sessions(clock)
    app[GUARD] = guard or LoginThrottle(store.engine, clock)
    app[LOGIN_LOCK] = asyncio.Lock()
    app[SETTINGS] = Settings(Path(accounts_file), notify_cancelled, clock, secure_cookies, failure_delay,
                             trusted_proxy)
    app[STATISTICS] = Statistics(store.engine, store.config.timezone, get_settings().statistics_cache_seconds, clock)
    app[TEMPLATES] = templates = jinja2.Environment(loader=jinja2.FileSystemLoader(HERE / "templates"),
                                                    autoescape=True, undefined=jinja2.StrictUndefined)
    # Days and times in the pages are said by the booking wording, as in the e-mails and replies.
    templates.filters.update(day=describe_day, clock=lambda moment: french.clock(moment.time()),
                             span=lambda booking: time_span(booking.start, booking.end), cell=cell)
    templates.globals["time_zone_text"] = time_zone_text
    templates.globals["max_attempts"] = mail.MAX_ATTEMPTS
    app.router.add_get("/", home)
    app.router.add_get("/sante", health)
    app.router.add_get("/connexion", login_form)
    app.router.add_post("/connexion", login)
    app.router.add_post("/deconnexion", logout)
    app.router.add_get("/jour", day_page)
    app.router.add_get("/semaine", week_page)
    app.router.add_get("/recherche", search)
    app.router.add_get("/rendez-vous/{reference}", booking_page)
    app.router.add_get("/rendez-vous/{reference}/fiche-projet.pdf", fiche_pdf)
    app.router.add_get("/rendez-vous/{reference}/annulation", cancel_form)
    app.router.add_post("/rendez-vous/{reference}/annulation", cancel)
    app.router.add_get("/export/{period:jour|semaine}.{kind:csv|ics}", export)
    app.router.add_get("/statistiques", statistics_page)
    app.router.add_get("/statistiques.csv", statistics_csv)
    app.router.add_static("/static/", HERE / "static")
    if DSFR.is_dir():
        app.router.add_static("/dsfr/", DSFR)
    if DSFR_CHART.is_dir():
        app.router.add_static("/dsfr-chart/", DSFR_CHART)
    return app


# --- plumbing ----------------------------------------------------------------------------------

def client_address(request: web.Request) -> str:
    """The client's address; X-Forwarded-For is believed only from the configured proxy."""
    return forwarded_client(request.remote, request.headers.get("X-Forwarded-For"),
                            request.app[SETTINGS].trusted_proxies) or "?"


def _session(request: web.Request) -> Optional[Session]:
    return request.app[SESSIONS].get(request.cookies.get(SESSION_COOKIE))


def _cookie(response: web.StreamResponse, request: web.Request, name: str, value: str) -> None:
    response.set_cookie(name, value, httponly=True, samesite="Strict", path="/",
                        secure=request.app[SETTINGS].secure_cookies or request.secure)


def render(request: web.Request, template: str, status: int = 200, **context: Any) -> web.Response:
    session: Optional[Session] = request.get("session")
    context["notices"] = session.notices[:] if session else []
    if session:
        session.notices.clear()  # shown once
    context.setdefault("csrf", session.csrf if session else "")
    context.setdefault("login", session.login if session else None)
    context.setdefault("today", _today(request).isoformat())
    context.setdefault("section", "agenda")  # the menu's current entry
    html = request.app[TEMPLATES].get_template(template).render(**context)
    return web.Response(text=html, content_type="text/html", status=status)


def _today(request: web.Request) -> dt.date:
    return request.app[SETTINGS].clock().astimezone(request.app[STORE].config.timezone).date()


def _safe_next(target: Optional[str]) -> str:
    """Only a path of this site after login: parsed, with no scheme nor host, no control character
    nor space (browsers drop a tab or a newline, turning « /%09/evil.example », once decoded, into « //evil.example »),
    no backslash (read as a slash), and not starting with « // »."""
    if not target or any(c.isspace() or unicodedata.category(c)[0] == "C" for c in target) or "\\" in target:
        return "/jour"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path.startswith("/") or parts.path.startswith("//"):
        return "/jour"
    return target


@web.middleware
async def security_headers(request: web.Request, handler):
    try:
        response = await handler(request)
    except web.HTTPException as raised:  # redirects and errors get the headers too
        _secure(request, raised)
        raise
    return _secure(request, response)


def _secure(request: web.Request, response: web.StreamResponse) -> web.StreamResponse:
    response.headers.update(SECURITY_HEADERS)
    if not request.path.startswith(ASSETS):
        response.headers["Cache-Control"] = "no-store"
    return response


@web.middleware
async def require_session(request: web.Request, handler):
    """No session: a page asks to log in (303 to the login form), anything else is 401."""
    if request.path.startswith(PUBLIC):
        return await handler(request)
    session = _session(request)
    if session is None:
        if request.method == "GET" and not request.path.startswith("/export/") and not request.path.endswith(".csv"):
            raise web.HTTPSeeOther("/connexion?suite=" + quote(request.path_qs, safe=""))
        return render(request, "refused.html", status=401, title="Connexion requise",
                      message="Votre session a expiré ou vous n'êtes pas connecté·e.")
    request["session"] = session
    return await handler(request)


@web.middleware
async def check_csrf(request: web.Request, handler):
    if request.method != "POST":
        return await handler(request)
    form = await request.post()
    given = str(form.get("csrf", ""))
    if request.path == "/connexion":
        expected = request.cookies.get(LOGIN_COOKIE, "")
    else:
        expected = request["session"].csrf
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        log.warning("form refused (CSRF token missing or wrong): %s from %s", request.path, client_address(request))
        if request.path == "/connexion":
            return _login_page(request, status=403, error="Le formulaire a expiré : saisissez à nouveau "
                                                          "votre identifiant et votre mot de passe.")
        return render(request, "refused.html", status=403, title="Formulaire expiré",
                      message="Ce formulaire a expiré : rechargez la page et recommencez.")
    request["form"] = form
    return await handler(request)


# --- login ---------------------------------------------------------------------------------------

async def health(request: web.Request) -> web.Response:
    return web.Response(text="ok")


async def home(request: web.Request) -> web.Response:
    raise web.HTTPSeeOther("/jour")


def _login_page(request: web.Request, status: int = 200, error: Optional[str] = None,
                next_path: Optional[str] = None, login_value: str = "") -> web.Response:
    token = request.cookies.get(LOGIN_COOKIE) or secrets.token_urlsafe(32)
    response = render(request, "login.html", status=status, title="Connexion", csrf=token, error=error,
                      login_value=login_value,
                      next_path=_safe_next(next_path or request.query.get("suite")), login=None)
    _cookie(response, request, LOGIN_COOKIE, token)
    return response


async def login_form(request: web.Request) -> web.Response:
    if _session(request):
        raise web.HTTPSeeOther("/jour")
    return _login_page(request)


def _wait_text(wait: dt.timedelta) -> str:
    seconds = max(1, -(-int(wait.total_seconds() * 1000) // 1000))
    if seconds < 60:
        return f"{seconds} seconde{'s' if seconds > 1 else ''}"
    minutes = -(-seconds // 60)
    return f"{minutes} minute{'s' if minutes > 1 else ''}"


async def login(request: web.Request) -> web.Response:
    form, settings, guard = request["form"], request.app[SETTINGS], request.app[GUARD]
    client = client_address(request)
    login_name = str(form.get("identifiant", "")).strip().lower()[:64]
    next_path = str(form.get("suite", ""))
    password = str(form.get("mot_de_passe", ""))
    loop = asyncio.get_running_loop()
    async with request.app[LOGIN_LOCK]:  # each attempt sees the failures of the ones before it
        wait = await loop.run_in_executor(None, guard.wait, login_name, client)
        if wait is not None:
            log.warning("login refused, too many failures: login=%r client=%s", login_name, client)
            return _login_page(request, status=429, next_path=next_path, login_value=login_name,
                               error=f"Trop de tentatives de connexion : réessayez dans {_wait_text(wait)}.")
        try:
            accounts = load_accounts(settings.accounts_file)
        except AccountsError as error:
            log.error("accounts file unusable: %s", error)
            accounts = {}
        accepted = await loop.run_in_executor(None, check_password, accounts, login_name, password)
        await loop.run_in_executor(None, guard.succeeded if accepted else guard.failed, login_name, client)
    if not accepted:
        log.warning("login refused, wrong login or password: login=%r client=%s", login_name, client)
        await asyncio.sleep(settings.failure_delay)
        return _login_page(request, status=401, next_path=next_path, login_value=login_name,
                           error="Identifiant ou mot de passe incorrect.")
    session = request.app[SESSIONS].open(login_name)
    log.info("login: %s from %s", login_name, client)
    response = web.HTTPSeeOther(_safe_next(next_path))
    _cookie(response, request, SESSION_COOKIE, session.token)
    response.del_cookie(LOGIN_COOKIE, path="/")
    raise response


async def logout(request: web.Request) -> web.Response:
    request.app[SESSIONS].close(request["session"].token)
    log.info("logout: %s", request["session"].login)
    response = web.HTTPSeeOther("/connexion")
    response.del_cookie(SESSION_COOKIE, path="/")
    raise response


# --- the agenda ----------------------------------------------------------------------------------

def _day_param(request: web.Request) -> dt.date:
    return parse_day(request.query.get("date")) or _today(request)


def _views(request: web.Request, period: str, day: dt.date) -> List[DayView]:
    store, now = request.app[STORE], request.app[SETTINGS].clock()
    if period == "semaine":
        return week_views(store, day, now)
    return [day_view(store, day, now)]


async def day_page(request: web.Request) -> web.Response:
    day = _day_param(request)
    views = _views(request, "jour", day)
    return render(request, "agenda.html", title=f"Rendez-vous du {describe_day(day)}", period="jour", day=day,
                  views=views, previous=(day - dt.timedelta(days=1)).isoformat(),
                  next=(day + dt.timedelta(days=1)).isoformat(), now=request.app[SETTINGS].clock(),
                  failed_mails=mail.failed_mails(request.app[STORE]))


async def week_page(request: web.Request) -> web.Response:
    day = _day_param(request)
    monday = day - dt.timedelta(days=day.weekday())
    views = _views(request, "semaine", monday)
    today = _today(request)
    shown_day = today if monday <= today < monday + dt.timedelta(days=7) else monday  # for « Voir le jour »
    return render(request, "agenda.html", title=f"Semaine du {describe_day(monday)}", period="semaine",
                  day=monday, week_day=shown_day.isoformat(), views=views,
                  previous=(monday - dt.timedelta(days=7)).isoformat(),
                  next=(monday + dt.timedelta(days=7)).isoformat(), now=request.app[SETTINGS].clock(),
                  failed_mails=mail.failed_mails(request.app[STORE]))


def _find(request: web.Request, reference: str) -> Optional[Booking]:
    store = request.app[STORE]
    booking = store.by_reference(reference)
    if booking is None or not visible([booking], store.config, request.app[SETTINGS].clock()):
        return None
    return booking


def _reference_ok(text: str) -> bool:
    code = normalise_reference(text)
    return len(code) == len("DN-") + REFERENCE_LENGTH


async def search(request: web.Request) -> web.Response:
    text = request.query.get("reference", "").strip()
    if not text:
        raise web.HTTPSeeOther("/jour")
    if not _reference_ok(text):
        return render(request, "refused.html", status=400, title="Référence invalide",
                      message=f"« {text[:40]} » n'est pas une référence de rendez-vous (format DN-7K3P9Q).")
    booking = _find(request, text)
    if booking is None:
        return render(request, "refused.html", status=404, title="Aucun rendez-vous",
                      message=f"Aucun rendez-vous avec la référence {normalise_reference(text)} : il a été "
                              "annulé, supprimé après la durée de conservation, ou la référence est mal saisie.")
    raise web.HTTPSeeOther(f"/rendez-vous/{booking.reference}")


def _booking_or_404(request: web.Request) -> Booking:
    reference = request.match_info["reference"]
    booking = _find(request, reference) if _reference_ok(reference) else None
    if booking is None:
        raise web.HTTPNotFound(text=render(request, "refused.html", title="Aucun rendez-vous",
                                           message="Ce rendez-vous n'existe plus : il a été annulé ou supprimé "
                                                   "après la durée de conservation.").text,
                               content_type="text/html")
    return booking


async def booking_page(request: web.Request) -> web.Response:
    booking = _booking_or_404(request)
    return render(request, "booking.html", title=f"Rendez-vous {booking.reference}", booking=booking,
                  upcoming=booking.start > request.app[SETTINGS].clock(), day=booking.start.date())


async def fiche_pdf(request: web.Request) -> web.Response:
    """The booking's « fiche projet » (orientation/fiche/), the page the user has too, made in a worker thread."""
    booking = _booking_or_404(request)
    data, name = await asyncio.get_running_loop().run_in_executor(None, booking_pdf, booking)
    return web.Response(body=data, content_type=MEDIA_TYPE,
                        headers={"Content-Disposition": f'inline; filename="{name}"'})


async def cancel_form(request: web.Request) -> web.Response:
    booking = _booking_or_404(request)
    if booking.start <= request.app[SETTINGS].clock():
        raise web.HTTPSeeOther(f"/rendez-vous/{booking.reference}")
    return render(request, "cancel.html", title=f"Annuler le rendez-vous {booking.reference}", booking=booking)


async def cancel(request: web.Request) -> web.Response:
    booking = _booking_or_404(request)
    session: Session = request["session"]
    if booking.start <= request.app[SETTINGS].clock():
        session.notices.append("Ce rendez-vous est passé : il ne peut plus être annulé.")
        raise web.HTTPSeeOther(f"/rendez-vous/{booking.reference}")
    if not request.app[STORE].cancel(booking.reference, booking.email):
        raise web.HTTPSeeOther(f"/rendez-vous/{booking.reference}")  # cancelled meanwhile: the page says so
    log.info("booking %s cancelled by advisor %s", booking.reference, session.login)
    when = f"{describe_day(booking.start.date())} à {french.clock(booking.start.time())}"
    session.notices.append(f"Le rendez-vous {booking.reference} du {when} est annulé. "
                           + await _notify(request, booking))
    raise web.HTTPSeeOther(f"/jour?date={booking.start.date().isoformat()}")


async def _notify(request: web.Request, booking: Booking) -> str:
    """Tells the user (the injected mailer) and says in French what happened."""
    notify = request.app[SETTINGS].notify_cancelled
    if notify is None:
        return f"Aucun e-mail n'est envoyé par ce service : prévenez l'usager à l'adresse {booking.email}."
    try:
        result = await asyncio.get_running_loop().run_in_executor(None, notify, booking)
        if inspect.isawaitable(result):
            result = await result
    except Exception:  # the booking is cancelled whatever the mailer does; the advisor must know
        log.exception("cancellation e-mail for %s failed", booking.reference)
        result = False
    if result is False:
        return f"L'e-mail d'annulation n'a pas pu partir : prévenez l'usager à l'adresse {booking.email}."
    if result == mail.QUEUED:  # the mail server did not answer: the outbox sends it later
        return (f"Le serveur de messagerie n'a pas répondu : l'e-mail d'annulation à {booking.email} "
                "partira dès qu'il répondra.")
    if result == mail.REFUSED:
        return (f"Le serveur de messagerie refuse l'adresse {booking.email} : l'e-mail d'annulation ne partira "
                "pas, prévenez l'usager autrement.")
    if result == mail.DISABLED:
        return f"Aucun e-mail n'est envoyé par ce service : prévenez l'usager à l'adresse {booking.email}."
    return f"L'usager en est informé par e-mail ({booking.email})."


async def export(request: web.Request) -> web.Response:
    period, kind = request.match_info["period"], request.match_info["kind"]
    day = _day_param(request)
    if period == "semaine":
        day -= dt.timedelta(days=day.weekday())
    found = [b for view in _views(request, period, day) for b in view.bookings]
    store = request.app[STORE]
    if kind == "csv":
        body, content_type = agenda_csv(found), "text/csv"
    else:
        body, content_type = calendar_text(found, contact=store.config.contact), "text/calendar"
    name = f"agenda-{period}-{day.isoformat()}.{kind}"
    return web.Response(text=body, content_type=content_type, charset="utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})


# --- DINUM's statistics (orientation/statistics) ------------------------------------------------------

async def statistics_page(request: web.Request) -> web.Response:
    first, last = request.query.get("du"), request.query.get("au")
    try:
        period = parse_period(first, last, _today(request))
    except PeriodError as error:
        return render(request, "statistics.html", status=400, title="Statistiques", section="statistiques",
                      error=str(error), report=None, first=(first or "")[:10], last=(last or "")[:10])
    report = await asyncio.get_running_loop().run_in_executor(None, request.app[STATISTICS].report, period)
    return render(request, "statistics.html", title="Statistiques", section="statistiques", error=None,
                  report=report, first=period.first.isoformat(), last=period.last.isoformat())


async def statistics_csv(request: web.Request) -> web.Response:
    try:
        period = parse_period(request.query.get("du"), request.query.get("au"), _today(request))
    except PeriodError as error:
        return web.Response(text=str(error), status=400, content_type="text/plain", charset="utf-8")
    report = await asyncio.get_running_loop().run_in_executor(None, request.app[STATISTICS].report, period)
    name = f"statistiques-{period.first.isoformat()}-{period.last.isoformat()}.csv"
    return web.Response(text=report_csv(report), content_type="text/csv", charset="utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})
