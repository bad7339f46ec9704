"""The reviewer's screen, finished (issue 14): panel, notices, n/N, undo, diffs, export, small terminals.

Flags are handed to the app through the very message its flagging workers post
(``FlagsReady``), so each test controls which flags there are; the detectors
themselves are tested in tests/unit and in test_flags_screen.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets import OptionList, Static
from tui_helpers import cell, list_on_screen, status, wait_until

from review.document import load_document
from review.model import Flag, Severity
from review.replay import replay
from review.store import default_log_path
from review.tui.app import ReviewApp, ReviewFooter
from review.tui.screens.export import ExportScreen
from review.tui.screens.scores import ScoresScreen
from review.tui.screens.take_variant import TakeVariantScreen
from review.tui.widgets.editor import SegmentEditor
from review.tui.widgets.flag_panel import FlagPanel, in_article_order
from review.tui.widgets.notice import NoticeLine

WIDE = (170, 48)
SMALL = (80, 24)
P1S1 = ("Iran et le Pakistan accusent de renforcer leur coopération en matière de sécurité après des attaques "
        "de missiles contre des militants")
LONG_QUOTE = ("the English “Iran and Pakistan accuse of strengthening their security cooperation after missile "
              "attacks against militants” is a guess of the model")


def flag(segment_id: str, text: str, span: str, *, detector: str = "lexicon", severity: Severity = Severity.MAJOR,
         suggestions: tuple[str, ...] = (), message: str = "check this", confidence: float = 0.7) -> Flag:
    start = text.index(span)
    return Flag(segment_id=segment_id, start=start, end=start + len(span), detector=detector,
                category="accuracy/mistranslation", severity=severity, message=message, suggestions=suggestions,
                confidence=confidence, span_text=span)


def five_suggestions() -> list[Flag]:
    """Five flags on the first segment, the riskiest last in the text; one with five suggestions."""
    return [
        flag("p1s1", P1S1, "Iran", detector="typography", severity=Severity.MINOR, confidence=0.4),
        flag("p1s1", P1S1, "accusent de", severity=Severity.CRITICAL,
             suggestions=("conviennent de", "s'engagent à", "décident de", "promettent de", "acceptent de"),
             message="«accuser de» + infinitive means to blame for, not to agree to", confidence=0.9),
        flag("p1s1", P1S1, "coopération", detector="consistency", severity=Severity.MINOR, message=LONG_QUOTE),
        flag("p1s1", P1S1, "attaques", detector="grammar", severity=Severity.MINOR, suggestions=("frappes",)),
        flag("p1s1", P1S1, "militants", detector="confidence", severity=Severity.MAJOR, confidence=0.95,
             suggestions=("combattants", "activistes", "insurgés", "rebelles", "partisans"), message=LONG_QUOTE),
    ]


async def given_flags(app: ReviewApp, pilot, flags: list[Flag], kind: str = "offline") -> None:
    app.post_message(app.FlagsReady(flags, [], kind))  # type: ignore[arg-type]
    await wait_until(pilot, lambda: any(item in app.session.flags for item in flags) or not flags)
    await pilot.pause()


def panel_text(app: ReviewApp) -> str:
    return str(app.query_one(FlagPanel).content)


def notices(app: ReviewApp) -> list[str]:
    """Every notice the notice line showed (each stays only seconds: a slow test could miss it)."""
    return app.query_one(NoticeLine).said


# -- the flag panel ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [WIDE, (100, 30), SMALL], ids=["170x48", "100x30", "80x24"])
async def test_panel_lists_flags_in_article_order_and_keeps_the_selected_one_in_view(open_app, size) -> None:
    app = open_app()
    async with app.run_test(size=size) as pilot:
        flags = five_suggestions()
        await given_flags(app, pilot, flags)
        shown = panel_text(app)
        positions = [shown.index(f" {item.span_text} —") for item in in_article_order(flags)]
        assert positions == sorted(positions)  # the panel's order is the article's
        assert app.selected_flag() == in_article_order(flags)[0]  # and it starts at its first flag
        panel = app.query_one(FlagPanel)
        for _ in range(len(flags)):
            await pilot.press("n")
            await pilot.pause()
            selected = app.flag_cursor
            assert selected is not None
            visible = "\n".join(panel.visible_lines())
            assert "▶ " in visible
            assert selected.span_text in visible
            if selected.suggestions:
                assert "a apply" in visible  # the apply hint of the selected flag is reachable
        assert app.flag_cursor == in_article_order(flags)[-1]
        if size == SMALL:
            assert panel.scroll_y > 0  # the last flag needed scrolling to


async def test_long_quotes_are_elided_in_the_panel(open_app) -> None:
    app = open_app()
    async with app.run_test(size=WIDE) as pilot:
        await given_flags(app, pilot, five_suggestions())
        shown = panel_text(app)
        assert "…" in shown
        assert "strengthening their security cooperation after missile attacks" not in shown
        assert "is a guess of the model" in shown  # the message around the quote stays whole


async def test_brackets_scroll_the_panel(open_app) -> None:
    app = open_app()
    async with app.run_test(size=SMALL) as pilot:
        await given_flags(app, pilot, five_suggestions())
        panel = app.query_one(FlagPanel)
        assert panel.max_scroll_y > 0
        before = panel.scroll_y
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert panel.scroll_y > before
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert panel.scroll_y == before


# -- notices ----------------------------------------------------------------------------------------------


async def test_ctrl_c_says_how_to_quit_in_plain_words(open_app) -> None:
    app = open_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        said = [text for text in notices(app) if "to quit" in text]
        assert said == ["press q to quit (your corrections are saved as you make them)"]
        assert app.is_running


async def test_notices_take_the_headings_line_and_cover_nothing(open_app) -> None:
    app = open_app()
    async with app.run_test(size=WIDE) as pilot:
        await given_flags(app, pilot, five_suggestions())
        await pilot.press("i")
        await pilot.pause()
        assert any("dismissed" in text for text in notices(app))
        flags_region = app.query_one(FlagPanel).region
        app.notify("a notice")
        await pilot.pause()
        assert app.query_one("#notice").display
        assert not app.query_one("#headings").display  # the notice is where the headings were
        assert app.query_one(FlagPanel).region == flags_region  # nothing moved
        assert not any(toast.visible for toast in app.screen.query("Toast"))
        app.notify("a long stay asked for", timeout=60)
        assert app._notifications
        assert max(note.timeout for note in app._notifications) <= 10


# -- n / N ------------------------------------------------------------------------------------------------


async def test_n_and_n_back_follow_the_panel_and_say_when_they_wrap(open_app) -> None:
    app = open_app()
    async with app.run_test(size=WIDE) as pilot:
        second = load_document(app.session.document.path).segments[1]
        flags = [*five_suggestions(), flag(second.id, second.text, "JAKARTA", detector="typography")]
        await given_flags(app, pilot, flags)
        walk = [*in_article_order(flags[:5]), flags[5]]
        for expected in walk:
            await pilot.press("n")
            assert app.flag_cursor == expected
        await pilot.press("n")
        assert app.flag_cursor == walk[0]
        assert any("wrapped to the first flag" in text for text in notices(app))
        await pilot.press("N")
        assert app.flag_cursor == walk[-1]
        assert any("wrapped to the last flag" in text for text in notices(app))


async def test_after_applying_a_fix_n_back_goes_back(open_app) -> None:
    app = open_app()
    async with app.run_test(size=WIDE) as pilot:
        flags = five_suggestions()
        await given_flags(app, pilot, flags)
        ordered = in_article_order(flags)
        await pilot.press("n", "n")
        assert app.flag_cursor == ordered[1]  # "accusent de"
        await pilot.press("a")
        await pilot.pause()
        assert app.session.text(app.segment).startswith("Iran et le Pakistan conviennent de")
        await pilot.press("N")
        assert app.flag_cursor == ordered[0]  # back, not forward


async def test_a_flag_raised_by_a_fix_is_announced_and_the_fix_is_not_flagged_again(open_app) -> None:
    app = open_app()
    async with app.run_test(size=WIDE) as pilot:
        flags = five_suggestions()
        await given_flags(app, pilot, flags)
        await pilot.press("n", "n", "a")
        await pilot.pause()
        fixed = app.session.text(app.segment)
        # the detectors run again on the new French: the lexicon flags its own suggestion, grammar a new word
        again = [
            flag("p1s1", fixed, "conviennent de", message="«convenir de» is formal"),
            flag("p1s1", fixed, "renforcer", detector="grammar", message="a new doubt"),
            *[replace_start(item, fixed) for item in flags if item.span_text != "accusent de"],
        ]
        await given_flags(app, pilot, again)
        open_now = app.session.open_flags(app.segment)
        assert not any(item.span_text == "conviennent de" for item in open_now)
        assert any(item.span_text == "renforcer" for item in open_now)
        assert any("the fix raised a new flag" in text and "renforcer" in text for text in notices(app))
        assert not any("militants" in text and "new flag" in text for text in notices(app))


def replace_start(item: Flag, text: str) -> Flag:
    """The same flag found again in the changed French (its span moved)."""
    return flag(item.segment_id, text, item.span_text, detector=item.detector, severity=item.severity,
                suggestions=item.suggestions, message=item.message, confidence=item.confidence)


# -- undo, redo, restore ----------------------------------------------------------------------------------


async def test_u_undoes_a_dismissal_and_capital_u_redoes_it(open_app, article: Path) -> None:
    app = open_app()
    async with app.run_test(size=WIDE) as pilot:
        flags = five_suggestions()
        await given_flags(app, pilot, flags)
        first = app.selected_flag()
        await pilot.press("i")
        assert first not in app.session.open_flags()
        await pilot.press("u")
        assert first in app.session.open_flags()
        await pilot.press("U")
        assert first not in app.session.open_flags()
        await pilot.press("space", "u")
        assert not app.session.is_reviewed(app.segment)
        await pilot.press("u")
        assert first in app.session.open_flags()  # undo goes back through the actions, whatever they were
        await pilot.press("q")
    assert first.id not in replay(default_log_path(article), load_document(article)).dismissed


async def test_undo_and_redo_a_correction(open_app, article: Path) -> None:
    app = open_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("e")
        app.query_one(SegmentEditor).query_one("#editor-text").text = "Titre corrigé"
        await pilot.press("enter", "u")
        assert app.session.text(app.segment) == app.segment.text
        await pilot.press("U")
        assert app.session.text(app.segment) == "Titre corrigé"
        await app.workers.wait_for_complete()
        await pilot.press("q")
    assert replay(default_log_path(article), load_document(article)).texts == {"p1s1": "Titre corrigé"}


async def test_dismissed_flags_are_listed_and_restored_from_the_palette(open_app) -> None:
    app = open_app()
    async with app.run_test(size=WIDE) as pilot:
        flags = five_suggestions()
        await given_flags(app, pilot, flags)
        await pilot.press("n", "n")
        dismissed = app.flag_cursor
        await pilot.press("i")
        assert app.dismissed_flags() == [dismissed]
        await pilot.press("I")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"accusent")
        await wait_until(pilot, lambda: app.screen.query_one(CommandList).option_count > 0)
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: dismissed in app.session.open_flags())
        assert app.flag_cursor == dismissed
        assert any("restored" in text for text in notices(app))


# -- what changed -----------------------------------------------------------------------------------------


async def test_a_corrected_segment_marks_its_changes_against_the_machine_french(open_app) -> None:
    app = open_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("e")
        app.query_one(SegmentEditor).query_one("#editor-text").text = P1S1.replace("accusent", "conviennent")
        await pilot.press("enter")
        await pilot.pause()
        french = app.row_content(app.session.segment("p1s1")).french
        assert isinstance(french, Text)
        struck = [french.plain[span.start : span.end] for span in french.spans if "strike" in str(span.style)]
        marked = [french.plain[span.start : span.end] for span in french.spans if "green" in str(span.style)]
        assert struck == ["accusent"]
        assert marked == ["conviennent"]
        assert french.plain.startswith("Iran et le Pakistan accusent conviennent de")  # struck, then the new word
        assert cell(app, "p1s1", "french") == P1S1.replace("accusent", "conviennent")


def _variants(article: Path) -> dict[str, list[str]]:
    texts = [segment.text for segment in load_document(article).segments]
    changed = list(texts)
    changed[0] = changed[0].replace("accusent", "conviennent")
    return {"same.fr.txt": list(texts), "other.fr.txt": changed}


async def test_variant_panel_marks_differences_and_identical_variants_say_so(article: Path, open_app) -> None:
    from review.tui.widgets.variant_panel import VariantPanel  # noqa: PLC0415

    app = open_app()
    app.variants = _variants(article)
    async with app.run_test(size=WIDE) as pilot:
        app.refresh_variant_panel()
        await pilot.pause()
        shown = app.query_one(VariantPanel).content
        assert isinstance(shown, Text)
        assert "same as your text" in shown.plain
        struck = [shown.plain[span.start : span.end] for span in shown.spans if "strike" in str(span.style)]
        assert struck == ["accusent"]  # the other variant's change, against the current French
        await pilot.press("v")
        assert isinstance(app.screen, TakeVariantScreen)
        assert [name for name, _ in app.screen.choices] == ["other.fr.txt"]  # the identical one is not offered
        await pilot.press("escape")
        app.variants = {"same.fr.txt": _variants(article)["same.fr.txt"]}
        app.query_one(VariantPanel).variants = app.variants
        await pilot.press("v")
        assert not isinstance(app.screen, TakeVariantScreen)
        assert any("reads as your text" in text for text in notices(app))


async def test_scores_screen_says_which_segments_it_used(open_app) -> None:
    app = open_app()
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("s")
        assert isinstance(app.screen, ScoresScreen)
        line = str(app.screen.query_one("#scores-segmentation", Static).content)
        assert f"{len(app.session.segments)} sentences" in line
        assert "--lines" in line


# -- export -----------------------------------------------------------------------------------------------


async def test_export_name_is_finished_not_replaced_and_the_format_follows(open_app) -> None:
    app = open_app()
    async with app.run_test(size=WIDE) as pilot:
        await wait_until(pilot, lambda: "16/16" in status(app))  # a TMX pairs each segment with its English
        await pilot.press("x")
        assert isinstance(app.screen, ExportScreen)
        field = app.screen.query_one("#export-path")
        suggested = field.value
        assert field.cursor_position == len(suggested)
        assert "→ txt" in str(app.screen.query_one("#export-format", Static).content)
        await pilot.press("backspace", "backspace", "backspace", *"tmx")
        assert field.value == suggested[:-3] + "tmx"  # typing finished the name instead of replacing it
        assert "→ tmx" in str(app.screen.query_one("#export-format", Static).content)
        await pilot.press("enter")
        await pilot.pause()
        await app.workers.wait_for_complete()  # the export is written in a worker
    target = Path(suggested[:-3] + "tmx")
    assert target.read_bytes().lstrip().startswith(b"<?xml")


async def test_export_to_an_unknown_extension_asks_which_format(open_app, tmp_path: Path) -> None:
    app = open_app()
    target = tmp_path / "review.out"
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("x")
        app.screen.query_one("#export-path").value = str(target)
        await pilot.pause()
        assert "format?" in str(app.screen.query_one("#export-format", Static).content)
        await pilot.press("enter")
        assert isinstance(app.screen, ExportScreen)  # not written silently
        choices = app.screen.query_one("#export-formats", OptionList)
        assert choices.display
        assert "which format" in str(app.screen.query_one("#export-question", Static).content)
        csv = [option.id for option in choices.options].index("csv")
        await pilot.press(*["down"] * csv, "enter")
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        await app.workers.wait_for_complete()
    assert target.read_text(encoding="utf-8").splitlines()[0].count(",") >= 2


# -- small terminals --------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [SMALL, (100, 30)], ids=["80x24", "100x30"])
async def test_small_terminal_keeps_status_footer_and_list(open_app, size) -> None:
    app = open_app()
    async with app.run_test(size=size) as pilot:
        await given_flags(app, pilot, five_suggestions())
        await pilot.pause()
        line = status(app)
        assert len(line) <= size[0]
        assert "flags" in line
        footer = app.query_one(ReviewFooter)
        keys = {key.key for key in footer.query("FooterKey")}
        assert {"q", "question_mark", "n", "a", "u"} <= keys
        assert footer.region.right <= size[0]
        assert app.query_one("#segments").region.height >= 5


async def test_capital_e_toggles_the_english_column(open_app) -> None:
    app = open_app()
    async with app.run_test(size=SMALL) as pilot:
        shown = list_on_screen(app)
        assert "waiting for the model" in shown or "no English" in shown
        await pilot.press("E")
        await pilot.pause()
        assert not app.segment_list.show_english
        hidden = list_on_screen(app)
        assert "waiting for the model" not in hidden
        assert "no English" not in hidden
        assert not app.query_one("#headings").query_one(".col-english").display
        await pilot.press("E")
        await pilot.pause()
        assert app.segment_list.show_english


async def test_the_editor_shows_only_while_a_segment_is_edited(open_app) -> None:
    from review.tui.widgets.editor import SegmentEditor  # noqa: PLC0415

    app = open_app()
    async with app.run_test(size=WIDE) as pilot:
        editor = app.query_one(SegmentEditor)
        assert not editor.display
        await pilot.press("e")
        assert editor.display
        await pilot.press("escape")
        await pilot.pause()
        assert not editor.display


async def test_the_short_status_groups_thousands_as_the_long_one_does(open_app, monkeypatch) -> None:
    app = open_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        counts = {"segments": 100_000, "reviewed": 90_500, "corrected": 90_000, "flags": 12_345}
        monkeypatch.setattr(app.session, "counts", lambda: counts)
        short = app.status_text(40).plain  # a narrow terminal: the shortest form
        assert "90,000✎" in short
        assert "12,345 flags" in short
