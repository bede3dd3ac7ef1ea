"""Pure delivery logic: pacing with a fake clock, error classification, audience parsing."""

from __future__ import annotations

import bisect
import itertools

import aiohttp
import httpx
import pytest
from telegram.error import NetworkError, TelegramError, TimedOut

from bot.delivery.audience import AudienceError, match_unit, parse_audience, pick_unit
from bot.delivery.errors import backoff_delay, classify, failure_of, reason_code
from bot.delivery.pacing import ChatSpacing, Pacer


def _run(
    pacer: Pacer, sends: int, rtt: float = 0.05, refuse: frozenset[int] = frozenset()
) -> list[float]:
    """Start ``sends`` sends as early as the pacer allows (fake clock); return start times.

    Each answer arrives ``rtt`` after its start; sends whose index is in ``refuse`` are
    refused by the server (403), the others accepted.
    """
    now, starts = 0.0, []
    answers: list[tuple[float, int, int]] = []
    for index in range(sends):
        while True:
            while answers and answers[0][0] <= now:
                at, token, which = answers.pop(0)
                if which in refuse:
                    pacer.refuse(token)
                else:
                    pacer.accepted(token, at)
            wait = pacer.delay(now)
            if wait <= 0:
                break
            now += min(wait, max(1e-4, (answers[0][0] - now) if answers else wait))
        token = pacer.take(now)
        starts.append(now)
        answers.append((now + rtt, token, index))
        answers.sort()
    return starts


@pytest.mark.parametrize("rate", [1.0, 5.0, 30.0, 300.0])
def test_pacer_spaces_sends_evenly_without_burst(rate: float) -> None:
    """A fresh pacer lets one send out, not a burst: sends are at least one interval apart."""
    starts = _run(Pacer(rate), 50)
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert starts[0] == 0.0
    assert min(gaps) >= 1.0 / (rate * 1.1) - 1e-9


@pytest.mark.parametrize("rate", [10.0, 30.0, 300.0])
def test_pacer_never_more_than_rate_in_any_sliding_window(rate: float) -> None:
    """The property the emulator checks: at most ``rate`` accepted sends per sliding second."""
    starts = _run(Pacer(rate), int(rate * 5))
    worst = max(bisect.bisect_left(starts, t + 1.0) - i for i, t in enumerate(starts))
    assert worst <= rate
    assert starts[-1] <= 5.2  # and close to the limit, not far below it


def test_pacer_refused_sends_give_their_place_back() -> None:
    """Blocked recipients (403) do not count: accepted sends still fill the window."""
    refuse = frozenset(range(0, 400, 10))
    starts = _run(Pacer(20.0), 400, refuse=refuse)
    accepted = [t for i, t in enumerate(starts) if i not in refuse]
    worst = max(bisect.bisect_left(accepted, t + 1.0) - i for i, t in enumerate(accepted))
    assert worst <= 20
    assert len(accepted) / starts[-1] > 19.0


def test_pacer_slow_answer_keeps_counting_longer() -> None:
    """A send answered late may have been counted late: it stays in the window longer."""
    pacer = Pacer(1.0, margin=0.0)
    fast = pacer.take(0.0)
    pacer.accepted(fast, 0.05)
    assert pacer.delay(0.99) == pytest.approx(0.01)
    slow = pacer.take(1.0)
    pacer.accepted(slow, 1.35)
    assert pacer.delay(2.0) == pytest.approx(0.3, abs=1e-3)
    assert pacer.delay(2.31) == 0.0


def test_pacer_idle_time_does_not_accumulate_tokens() -> None:
    """After a quiet period the next two sends are still one interval apart."""
    pacer = Pacer(10.0, spread=1.0)
    pacer.take(0.0)
    assert pacer.delay(100.0) == 0.0
    pacer.take(100.0)
    assert pacer.delay(100.0) == pytest.approx(0.1)


def test_pacer_one_off_429_pauses_without_slowing() -> None:
    """A single 429 pauses everyone for retry_after and then resumes at the full rate."""
    pacer = Pacer(10.0)
    pacer.take(0.0)
    pacer.penalize(0.05, 1.0, started=0.0)
    pacer.penalize(0.06, 1.0, started=0.01)  # an echo: sent before the pause began
    assert pacer.delay(0.1) == pytest.approx(0.96)
    assert pacer.current == 10.0


def test_pacer_repeated_429s_slow_down_then_recover() -> None:
    """A 429 soon after a pause lowers the rate, which climbs back after quiet seconds."""
    pacer = Pacer(10.0, recover_after=5.0)
    pacer.penalize(1.0, 1.0, started=0.9)
    pacer.penalize(2.5, 1.0, started=2.1)
    assert pacer.current == pytest.approx(8.0)
    now = 3.5
    for _ in range(20):
        now += 5.0
        pacer.delay(now)
    assert pacer.current == pytest.approx(10.0)


def test_pacer_rate_never_below_floor() -> None:
    """Many 429s do not drive the rate to zero."""
    pacer = Pacer(2.0, min_rate=0.5)
    for i in range(50):
        pacer.penalize(float(i), 0.0, started=float(i))
    assert pacer.current == 0.5


def test_pacer_rejects_non_positive_rate() -> None:
    """A zero rate is a configuration error."""
    with pytest.raises(ValueError):
        Pacer(0.0)


def test_chat_spacing_one_send_per_second_per_chat() -> None:
    """Busy chats wait; after a send the chat is free again one gap later."""
    spacing = ChatSpacing(1.0)
    assert spacing.ready_at(7, 0.0) == 0.0
    spacing.begin(7)
    assert spacing.ready_at(7, 0.1) is None
    spacing.started(7, 0.2)
    spacing.end(7)
    assert spacing.ready_at(7, 0.5) == pytest.approx(1.2)
    assert spacing.ready_at(8, 0.5) == 0.5
    spacing.prune(5.0)
    assert spacing.ready_at(7, 5.0) == 5.0


@pytest.mark.parametrize(
    ("kind", "description", "attempts", "action", "reason"),
    [
        ("forbidden", "Forbidden: bot was blocked by the user", 1, "unreachable", "blocked"),
        ("forbidden", "Forbidden: user is deactivated", 1, "unreachable", "deactivated"),
        ("bad_request", "Bad Request: chat not found", 1, "unreachable", "chat_not_found"),
        (
            "bad_request",
            "Bad Request: can't parse entities",
            1,
            "failed",
            "bad_request: can't parse entities",
        ),
        ("network", "Bad Gateway", 1, "retry", "network: bad gateway"),
        ("timeout", "Timed out", 4, "retry", "timeout: timed out"),
        ("timeout", "Timed out", 5, "failed", "timeout: timed out"),
        ("lost", "Timed out", 1, "uncertain", "lost: timed out"),
        ("other", "Internal Server Error", 5, "failed", "other: internal server error"),
    ],
)
def test_classify(kind: str, description: str, attempts: int, action: str, reason: str) -> None:
    """Each Telegram failure maps to the documented next step and a stable reason."""
    decision = classify(kind, description, attempts, max_attempts=5)  # type: ignore[arg-type]
    assert decision.action == action
    assert decision.reason == reason


def _raised(error: TelegramError, cause: BaseException | None) -> TelegramError:
    """``error`` as PTB raises it: ``from`` the transport's exception, if any."""
    try:
        raise error from cause
    except TelegramError as exc:
        return exc


@pytest.mark.parametrize(
    ("error", "cause", "kind"),
    [
        (TimedOut(), httpx.ReadTimeout("read"), "lost"),  # the request went out
        (TimedOut(), httpx.WriteTimeout("write"), "lost"),
        (NetworkError("httpx.RemoteProtocolError"), httpx.RemoteProtocolError("gone"), "lost"),
        (TimedOut(), aiohttp.SocketTimeoutError(), "lost"),
        (
            NetworkError("aiohttp.ServerDisconnectedError"),
            aiohttp.ServerDisconnectedError(),
            "lost",
        ),
        (TimedOut(), httpx.PoolTimeout("pool"), "timeout"),  # never sent: retried
        (TimedOut(), httpx.ConnectTimeout("connect"), "timeout"),
        (TimedOut(), aiohttp.ConnectionTimeoutError(), "timeout"),
        (NetworkError("httpx.ConnectError"), httpx.ConnectError("refused"), "network"),
        (NetworkError("Bad Gateway"), None, "network"),  # Telegram answered 502
    ],
)
def test_failure_of_tells_a_lost_answer_from_a_request_never_sent(
    error: TelegramError, cause: BaseException | None, kind: str
) -> None:
    """Only a request that may have arrived is ``lost`` (ends uncertain, never resent)."""
    assert failure_of(_raised(error, cause)).kind == kind


def test_classify_retry_after_keeps_wait() -> None:
    """A 429 is rate limiting, never a failure."""
    decision = classify("retry_after", "Too Many Requests", 9, 3, retry_after=7)
    assert (decision.action, decision.delay) == ("rate_limited", 7.0)


@pytest.mark.parametrize(("attempts", "delay"), [(1, 2.0), (2, 4.0), (3, 8.0), (20, 300.0)])
def test_backoff_is_exponential_and_capped(attempts: int, delay: float) -> None:
    """2, 4, 8 ... seconds, never more than five minutes."""
    assert backoff_delay(attempts) == delay


def test_reason_code_is_clipped() -> None:
    """Long descriptions are cut to the column size."""
    assert len(reason_code("bad_request", "x" * 1000)) == 200


@pytest.mark.parametrize(
    ("text", "spec"),
    [
        ("all", {"kind": "all"}),
        ("Semua", {"kind": "all"}),
        ("role:HR", {"kind": "role", "role": "hr"}),
        ("role:approver", {"kind": "role", "role": "approver"}),
        ("unit:Dinas Kesehatan", {"kind": "units", "names": ["Dinas Kesehatan"], "unit_ids": []}),
        ("unit:dinkes; bappeda", {"kind": "units", "names": ["dinkes", "bappeda"], "unit_ids": []}),
        ("employees:3, 1,3", {"kind": "employees", "employee_ids": [1, 3]}),
        ("5 6", {"kind": "employees", "employee_ids": [5, 6]}),
    ],
)
def test_parse_audience(text: str, spec: dict[str, object]) -> None:
    """Every documented audience form parses to its spec."""
    assert parse_audience(text) == spec


def test_parse_audience_from_id_list() -> None:
    """A list of employee ids is an employees audience."""
    assert parse_audience([4, 2]) == {"kind": "employees", "employee_ids": [2, 4]}


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("everyone", "delivery.audience.unknown"),
        ("role:boss", "delivery.audience.bad_role"),
        ("employees:1,x", "delivery.audience.bad_id"),
        ("employees:0", "delivery.audience.bad_id"),
        ("unit:", "delivery.audience.unknown"),
    ],
)
def test_parse_audience_errors_name_a_text_key(text: str, key: str) -> None:
    """Bad input raises AudienceError carrying the text key to show."""
    with pytest.raises(AudienceError) as info:
        parse_audience(text)
    assert info.value.key == key


UNITS = ["Dinas Kesehatan", "Dinas Pendidikan", "Badan Perencanaan Pembangunan Daerah"]


@pytest.mark.parametrize(
    ("typed", "unit"),
    [
        ("dinas kesehatan", "Dinas Kesehatan"),
        ("Dinas Kesehtan", "Dinas Kesehatan"),
        ("pendidikan", "Dinas Pendidikan"),
        ("badan perencanaan", "Badan Perencanaan Pembangunan Daerah"),
    ],
)
def test_pick_unit_fuzzy(typed: str, unit: str) -> None:
    """Typos and partial names find the unit."""
    assert pick_unit(typed, UNITS) == unit


def test_pick_unit_unknown() -> None:
    """Nothing close enough is an error, not a random unit."""
    with pytest.raises(AudienceError) as info:
        pick_unit("kepolisian", UNITS)
    assert info.value.key == "delivery.audience.unit_not_found"


def test_pick_unit_ambiguous() -> None:
    """'dinas' alone is ambiguous between two units."""
    with pytest.raises(AudienceError) as info:
        pick_unit("dinas", UNITS)
    assert info.value.key == "delivery.audience.unit_ambiguous"


def test_match_unit_exact_wins() -> None:
    """An exact (case-insensitive) name scores 100 and stands alone."""
    assert match_unit("DINAS PENDIDIKAN", UNITS) == [("Dinas Pendidikan", 100.0)]
