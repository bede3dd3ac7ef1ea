"""Survey domain: definitions, answer rules, aggregation, charts and XLSX (pure)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from openpyxl import load_workbook

from bot.surveys import answers as sa
from bot.surveys.aggregate import OTHER, ParticipationRow, ResponseRow, aggregate, enps, low_scores
from bot.surveys.charts import Panel, distribution_chart, unit_chart
from bot.surveys.definition import (
    DefinitionError,
    default_survey_path,
    load_file,
    parse_definition,
    parse_text,
)
from bot.surveys.export import to_xlsx
from bot.surveys.report import distribution_panels, results_text
from bot.texts import t

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
MINI: dict[str, Any] = {
    "slug": "mini",
    "anonymous": True,
    "title": {"id": "Mini", "en": "Mini"},
    "questions": [
        {"key": "puas", "kind": "likert", "text": "Saya puas"},
        {"key": "nps", "kind": "scale10", "text": "Rekomendasi"},
        {
            "key": "latih",
            "kind": "multi",
            "required": False,
            "text": "Pelatihan",
            "options": [{"key": "a", "text": "A"}, {"key": "b", "text": "B"}],
        },
        {
            "key": "pilih",
            "kind": "single",
            "text": "Pilih",
            "options": [{"key": "x", "text": "X"}, {"key": "y", "text": "Y"}],
        },
        {"key": "catatan", "kind": "text", "required": False, "max_length": 20, "text": "Catatan"},
    ],
}


def mini(**changes: Any) -> dict[str, Any]:
    """The mini definition with top-level changes."""
    return {**MINI, **changes}


def test_default_survey_is_valid_and_round_trips() -> None:
    """The shipped survey parses, has the issue's topics and serialises losslessly."""
    survey = load_file(default_survey_path())
    assert survey.anonymous and survey.trigger == "move" and survey.offsets_days == (30, 90)
    kinds = [q.kind for q in survey.questions]
    assert kinds.count("likert") == 6 and "scale10" in kinds and "multi" in kinds
    assert all("en" in q.text for q in survey.questions)
    assert parse_definition(survey.to_dict()) == survey


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (mini(anonymous="ya"), "anonymous"),
        (mini(slug=""), "slug"),
        (mini(questions=[]), "questions"),
        (mini(questions=[{"key": "q", "kind": "slider", "text": "x"}]), "kind"),
        (
            mini(
                questions=[
                    {
                        "key": "q",
                        "kind": "single",
                        "text": "x",
                        "options": [{"key": "a", "text": "A"}],
                    }
                ]
            ),
            "options",
        ),
        (mini(questions=[{"key": "q", "kind": "likert", "text": {"en": "x"}}]), "Indonesian"),
        (mini(questions=[MINI["questions"][0], MINI["questions"][0]]), "duplicate"),
        (mini(trigger="move"), "offsets_days"),
        (mini(satisfaction_key="nope"), "satisfaction_key"),
        (
            mini(questions=[{"key": "t", "kind": "text", "text": "x", "max_length": 0}]),
            "max_length",
        ),
    ],
)
def test_bad_definitions_are_explained(data: dict[str, Any], message: str) -> None:
    """Each invalid definition raises DefinitionError naming the problem."""
    with pytest.raises(DefinitionError, match=message):
        parse_definition(data)


def test_parse_text_reports_syntax() -> None:
    """Broken YAML/JSON gives a clear error, not a traceback."""
    with pytest.raises(DefinitionError, match="not valid YAML"):
        parse_text("slug: [", source="f.yaml")
    with pytest.raises(DefinitionError, match="not valid JSON"):
        parse_text("{", json_format=True)


@pytest.mark.parametrize(
    ("key", "typed", "expected"),
    [
        ("puas", "4", 4),
        ("puas", " 1 ", 1),
        ("nps", "0", 0),
        ("nps", "10", 10),
        ("catatan", "  bagus  ", "bagus"),
    ],
)
def test_typed_answers_accepted(key: str, typed: str, expected: Any) -> None:
    """Numbers typed for scales and text for text questions are accepted."""
    survey = parse_definition(MINI)
    question = survey.question(key)
    assert question is not None
    assert sa.parse_typed(question, typed) == expected


@pytest.mark.parametrize(
    ("key", "typed", "error"),
    [
        ("puas", "setuju", "survey.err_not_number"),
        ("puas", "6", "survey.err_range"),
        ("puas", "0", "survey.err_range"),
        ("nps", "11", "survey.err_range"),
        ("nps", "-1", "survey.err_range"),
        ("pilih", "x", "survey.err_use_buttons"),
        ("catatan", "x" * 21, "survey.err_too_long"),
        ("catatan", "   ", "survey.err_empty"),
    ],
)
def test_bad_typed_answers_refused(key: str, typed: str, error: str) -> None:
    """Text where a scale is asked, out-of-range values and too long text are refused."""
    question = parse_definition(MINI).question(key)
    assert question is not None
    with pytest.raises(sa.AnswerError) as info:
        sa.parse_typed(question, typed)
    assert info.value.key == error


@pytest.mark.parametrize(
    ("key", "raw"), [("puas", "9"), ("puas", "abc"), ("pilih", "z"), ("latih", "a")]
)
def test_forged_button_values_refused(key: str, raw: str) -> None:
    """Button values outside the question's range or options raise AnswerError."""
    question = parse_definition(MINI).question(key)
    assert question is not None
    with pytest.raises(sa.AnswerError):
        sa.button_value(question, raw)


def test_draft_navigation_back_skip_and_completion() -> None:
    """Answer, go back, skip optional, refuse skipping required, complete."""
    survey = parse_definition(MINI)
    d = sa.answer(survey, sa.new_draft(), 4)
    d = sa.back(d)
    assert d["idx"] == 0 and d["answers"]["puas"] == 4
    d = sa.answer(survey, d, 5)
    with pytest.raises(sa.AnswerError):
        sa.skip(survey, d)  # nps is required
    d = sa.answer(survey, d, 9)
    d = sa.skip(survey, d)
    d = sa.answer(survey, d, "y")
    assert not sa.is_complete(survey, d)
    d = sa.skip(survey, d)
    assert sa.is_complete(survey, d)
    assert sa.final_answers(survey, d) == {"puas": 5, "nps": 9, "pilih": "y"}


def test_multi_toggle_keeps_definition_order() -> None:
    """Toggling options adds/removes them; unknown options are refused."""
    q = parse_definition(MINI).question("latih")
    assert q is not None
    assert sa.toggle(q, ["b"], "a") == ["a", "b"]
    assert sa.toggle(q, ["a", "b"], "a") == ["b"]
    with pytest.raises(sa.AnswerError):
        sa.toggle(q, [], "zz")


@pytest.mark.parametrize(
    ("values", "expected"),
    [([10, 9, 8, 7, 6], 20.0), ([0, 0], -100.0), ([9, 10], 100.0), ([7, 8], 0.0), ([], None)],
)
def test_enps(values: list[int], expected: float | None) -> None:
    """eNPS = % promoters (9-10) - % detractors (0-6)."""
    assert enps(values) == expected


def _fixture() -> tuple[list[ResponseRow], list[ParticipationRow]]:
    """Unit A: 5 responses, unit B: 4 responses, unit C: 1 response; two rounds."""
    a = [
        (5, 10, ["a"], "x", "bagus"),
        (4, 9, ["a", "b"], "x", None),
        (4, 8, [], "y", None),
        (3, 6, ["b"], "y", "kurang"),
        (2, 0, None, "x", None),
    ]
    b = [
        (1, 5, None, "y", "rahasia B"),
        (2, 7, None, "y", None),
        (3, 9, None, "x", None),
        (5, 10, None, "x", None),
    ]
    c = [(4, 8, None, "y", "rahasia C")]
    rows = []
    for unit, items in (("A", a), ("B", b), ("C", c)):
        for i, (puas, nps, latih, pilih, catatan) in enumerate(items):
            answers: dict[str, Any] = {"puas": puas, "nps": nps, "pilih": pilih}
            if latih:
                answers["latih"] = latih
            if catatan:
                answers["catatan"] = catatan
            rows.append(ResponseRow("30" if i % 2 == 0 else "90", unit, answers))
    parts = [ParticipationRow("30", "A", "finished", True)] * 10
    parts += [ParticipationRow("30", "A", "started", True)] * 2
    parts += [ParticipationRow("30", "A", "closed", False)] * 3
    parts += [ParticipationRow("90", "A", "scheduled", False)] * 4
    return rows, parts


def test_aggregates_match_hand_computed_values() -> None:
    """Rate, distribution, mean, eNPS, unit threshold, round split and comments."""
    survey = parse_definition(MINI)
    rows, parts = _fixture()
    res = aggregate(survey, rows, parts, min_group=5)
    assert (res.rate.invited, res.rate.started, res.rate.finished) == (15, 12, 10)
    assert res.rate.percent == pytest.approx(66.666, rel=1e-3)
    assert res.overall is not None and res.overall.n == 10
    puas = res.overall.questions["puas"]
    assert puas.distribution == {"1": 1, "2": 2, "3": 2, "4": 3, "5": 2}
    assert puas.mean == pytest.approx(33 / 10)
    nps = res.overall.questions["nps"]
    # promoters: 10,9,9,10 = 4; detractors: 6,0,5 = 3 -> (4-3)/10
    assert nps.enps == pytest.approx(10.0)
    assert res.overall.questions["latih"].hidden  # 3 answers: below the threshold
    assert res.overall.questions["latih"].distribution == {}
    assert res.overall.questions["pilih"].distribution == {"x": 5, "y": 5}
    names = [g.name for g in res.by_unit]
    assert names == ["A", OTHER]  # B (4) and C (1) merged: 5 responses
    assert res.hidden_units == 2
    unit_a = res.by_unit[0]
    assert unit_a.questions["puas"].mean == pytest.approx(18 / 5)
    assert unit_a.questions["nps"].enps == pytest.approx(0.0)  # 2 promoters, 2 detractors
    assert unit_a.questions["latih"].hidden and res.by_unit[1].questions["latih"].hidden
    assert res.comments["catatan"] == ["bagus", "kurang"]  # B and C comments never shown
    assert all(not s.comments for g in res.by_unit for s in g.questions.values() if g.name == OTHER)
    # round 30: 3 (A) + 2 (B) + 1 (C) = 6; round 90: 4 responses. Showing round 30 would show
    # round 90 too (overall minus round 30), so both are hidden.
    assert res.by_round == []


def test_threshold_hides_four_and_shows_five() -> None:
    """A unit with 4 responses is hidden; with 5 it is shown."""
    survey = parse_definition(MINI)
    four = [ResponseRow("30", "U", {"puas": 4, "nps": 9, "pilih": "x"})] * 4
    res = aggregate(survey, four, [], min_group=5)
    assert res.overall is None and res.by_unit == [] and res.hidden_units == 1
    res5 = aggregate(survey, [*four, four[0]], [], min_group=5)
    assert res5.overall is not None and [g.name for g in res5.by_unit] == ["U"]


def test_low_scores_lowest_first() -> None:
    """Follow-up list: answers at or below the maximum, lowest first."""
    named = [("a", {"puas": 2}), ("b", {"puas": 5}), ("c", {"puas": 1}), ("d", {})]
    assert low_scores(named, "puas", 2) == [("c", 1), ("a", 2)]


def test_charts_are_png() -> None:
    """Both charts render to valid PNG bytes."""
    survey = parse_definition(MINI)
    rows, parts = _fixture()
    res = aggregate(survey, rows, parts)
    assert res.overall is not None
    panels = distribution_panels("id", lambda k, **p: t("id", k, **p), survey, res.overall)
    assert len(panels) == 3  # "latih" has 3 answers: hidden
    png = distribution_chart(panels, "Distribusi")
    assert png.startswith(PNG_MAGIC) and len(png) > 1000
    bars = unit_chart([("A", 3.6), ("Lainnya", 3.0)], "Rerata")
    assert bars.startswith(PNG_MAGIC)
    assert distribution_chart([Panel("kosong", [])]).startswith(PNG_MAGIC)


@pytest.mark.parametrize("anonymous", [True, False])
def test_xlsx_opens_and_names_only_for_named(anonymous: bool) -> None:
    """The workbook opens; individual answers appear only for named surveys."""
    survey = parse_definition(mini(anonymous=anonymous))
    rows, parts = _fixture()
    res = aggregate(survey, rows, parts)
    individual = [("199001012015031001", "Andi", "30", {"puas": 2, "latih": ["a"]})]
    data = to_xlsx(survey, res, lambda k: t("id", k), lambda n: n, individual)
    wb = load_workbook(io.BytesIO(data))
    assert {"Ringkasan", "Pertanyaan", "Per unit", "Per putaran", "Komentar"} <= set(wb.sheetnames)
    assert ("Jawaban" in wb.sheetnames) is (not anonymous)
    summary = {r[0]: r[1] for r in wb["Ringkasan"].iter_rows(min_row=2, values_only=True)}
    assert summary["Diundang"] == 15 and summary["Selesai"] == 10
    text = results_text(lambda k, **p: t("id", k, **p), "id", survey, res)
    assert "eNPS +10" in text and "rahasia" not in text
