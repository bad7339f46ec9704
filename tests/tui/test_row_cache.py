"""The segment list keeps a row's wrapped lines while what the row shows and the width stay the same.

Checked on the real app: a row is wrapped again after an edit, a new width or a
hidden English column, and not when the app only says rows may have changed.
The flag panel is drawn again only when what it shows changes.
"""

from __future__ import annotations

from tui_helpers import cell, list_on_screen, wait_until

from review.model import Category, Flag, Severity
from review.tui.widgets.flag_panel import FlagPanel
from review.tui.widgets.segment_list import SegmentList

SIZE = (150, 45)


def count_wraps(segments: SegmentList) -> list[int]:
    """Count the rows the list wraps from now on (the real drawing still runs)."""
    wrapped: list[int] = []
    draw = segments._draw

    def counted(row):  # type: ignore[no-untyped-def]
        wrapped.append(row.number)
        return draw(row)

    segments._draw = counted  # type: ignore[method-assign]
    return wrapped


def french_on_first_line(app) -> int:  # type: ignore[no-untyped-def]
    """How many characters of the first segment's French the list's first line shows."""
    line = list_on_screen(app).splitlines()[0]
    text = app.session.segments[0].text
    return max(length for length in range(len(text) + 1) if text[:length] in line)


async def test_rows_are_wrapped_again_only_when_they_change(open_app) -> None:
    app = open_app(model="no-model-here")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        segments = app.query_one(SegmentList)
        await wait_until(pilot, lambda: "unavailable" in app.progress_text)
        await pilot.pause()
        wrapped = count_wraps(segments)

        segments.refresh_rows()  # what new renderings or flags elsewhere in the article do
        await pilot.pause()
        assert wrapped == []
        assert app.segment.text[:30] in list_on_screen(app)

        second = app.session.segments[1]
        await pilot.press("j", "e", "end", *" (vu)", "ctrl+s")
        await wait_until(pilot, lambda: app.session.is_corrected(second))
        await pilot.pause()
        assert 2 in wrapped  # the edited row, and it shows the new text
        assert cell(app, second.id, "french").endswith("(vu)")
        assert "(vu)" in list_on_screen(app)
        assert set(wrapped) == {2}  # no other row

        wrapped.clear()
        await pilot.resize_terminal(110, 45)
        await pilot.pause()
        assert 1 in wrapped
        assert all(strip.cell_length == segments.scrollable_content_region.width
                   for strip in (segments.render_line(y) for y in range(segments.size.height)))

        wrapped.clear()
        before = french_on_first_line(app)
        await pilot.press("E")  # the English column hidden: the French takes its room
        await pilot.pause()
        assert 1 in wrapped
        assert french_on_first_line(app) > before


async def test_the_flag_panel_is_drawn_only_when_it_changes(open_app) -> None:
    app = open_app(model="no-model-here")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        segments = app.session.segments
        flag = Flag(segment_id=segments[3].id, start=0, end=4, detector="lexicon",
                    category=Category.MISTRANSLATION.value, severity=Severity.MAJOR, message="a test flag",
                    span_text=segments[3].text[:4])
        app.post_message(app.FlagsReady([flag], []))
        await wait_until(pilot, lambda: app.session.flags)
        panel = app.query_one(FlagPanel)
        drawn = []
        update = panel.body.update

        def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
            drawn.append(args[0])
            return update(*args, **kwargs)

        panel.body.update = counted  # type: ignore[method-assign]
        await pilot.press("g", "j")  # from one segment without flags to another
        await pilot.pause()
        assert drawn == []
        await pilot.press("j", "j")  # onto the flagged segment: its flag is shown
        await pilot.pause()
        assert len(drawn) == 1
        assert "a test flag" in str(drawn[0])
        await pilot.press("j")  # off it again
        await pilot.pause()
        assert len(drawn) == 2
        assert "no open flags" in str(drawn[1])
