"""Every lesson in the catalogue, every way a student opens it: in Japanese, in Japanese with
readings (?furigana=1) and in English (?lang=en), plus a teacher's lesson made with
``netkit new lesson``.

Each page is checked as a student meets it:

- axe-core finds nothing serious or critical, on the whole page before the student's work and in
  every part the work changed after it;
- the work is done with the keyboard alone (``keyboard_student.KeyboardStudent``): every quiz
  question answered, every role-play, timeline and law walk finished, every lab slider moved, the
  focus visible at every Tab stop and kept on what each press brought. This walk runs in Japanese
  for every lesson, and in all three ways only for the lesson with the most kinds of component
  (``WALKED_IN_EVERY_VARIANT``) and the teacher's new lesson: readings and English change the
  words on the page, not its controls, focus order or keys; a page with readings or in English
  keeps its own wait for every part to draw, axe check and narrow-screen check;
- at 320 CSS px wide (a phone) and at 200% zoom of a 1024 x 768 window (512 CSS px, an iPad in
  portrait at 150% is wider) nothing is cut off and the page does not scroll sideways.

One row per page goes to ``every_lesson.jsonl`` in pytest's temporary folder, and the table of
results to ``every_lesson.md`` beside it.
"""

from __future__ import annotations

import json
import time
import urllib.request
from pathlib import Path

import pytest

from kit.serve.catalogue import scan
from tests.browser.conftest import REPO, Server, serious_violations
from tests.browser.keyboard_student import PARTS, KeyboardStudent, control_values
from tests.browser.lesson_page import WIDGET_TIMEOUT

LESSONS = [entry.path for entry in scan(REPO / "lessons")]
VARIANTS = {"ja": "", "furigana": "?furigana=1", "en": "?lang=en"}
NARROW = {"320px": (320, 640), "200%": (512, 384)}
NEW_LESSON = "defamation/jhs.ipynb"  # where `netkit new lesson --topic defamation --audience 中学生` puts it

# Every part of the page has drawn: the spinner is gone, no output is still empty, every quiz shows a question
# and every lab its controls (the lab shell draws them once its model has arrived).
READY = """() => {
  const spinner = document.querySelector('#loading');
  if (spinner && getComputedStyle(spinner).display !== 'none') return false;
  const outputs = [...document.querySelectorAll('.jp-OutputArea-output')];
  return outputs.length > 0 && outputs.every((o) => o.innerText.trim() || o.querySelector('svg, canvas, img, input'))
    && [...document.querySelectorAll('.nk-quiz')].every((q) => q.querySelector('.nk-quiz-card legend, .nk-summary'))
    && [...document.querySelectorAll('.nk-lab, .nk-flaming-lab, .nk-spread, .nk-ce, .nk-feed-lab')].every((l) => l.querySelector('input, select'));
}"""

# What a narrow screen cuts off: the page scrolling sideways, anything reaching past the window's
# edges (unless inside a box that scrolls on its own, like a wide table), text clipped by its box.
CUT_OFF = """() => {
  const se = document.scrollingElement, width = se.clientWidth, found = [];
  if (se.scrollWidth > width + 1) found.push(`the page scrolls sideways (${se.scrollWidth}px in ${width}px)`);
  const name = (el) => `${el.tagName.toLowerCase()}.${String(el.className).split(' ').filter(Boolean).slice(0, 2).join('.')}`
    + ` "${(el.innerText || '').replace(/\\s+/g, ' ').trim().slice(0, 30)}"`;
  const scroller = (el) => { for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    const x = getComputedStyle(p).overflowX; if ((x === 'auto' || x === 'scroll') && p !== se) return true; } return false; };
  const reported = new Set();
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('#loading, script, style, template, .jp-InternalAnchorLink')) continue;
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    if (r.width <= 1 || r.height <= 1 || s.visibility === 'hidden' || s.position === 'fixed') continue;
    if ([...reported].some((p) => p.contains(el))) continue;
    const text = (el.innerText || '').trim();
    if ((r.right > width + 1 || r.left < -1) && !scroller(el)) {
      reported.add(el); found.push(`${name(el)} reaches ${Math.round(r.left)}..${Math.round(r.right)}px`);
    } else if (text && (s.overflowX === 'hidden' || s.overflowX === 'clip') && el.scrollWidth > el.clientWidth + 1
               && !scroller(el) && s.textOverflow !== 'ellipsis') {
      reported.add(el); found.push(`${name(el)} clips its text (${el.scrollWidth}px in ${el.clientWidth}px)`);
    }
  }
  return found.slice(0, 6);
}"""


def pytest_generate_tests(metafunc):
    if "lesson" in metafunc.fixturenames and "variant" in metafunc.fixturenames:
        cases = [(lesson, v) for lesson in LESSONS for v in VARIANTS]
        metafunc.parametrize(("lesson", "variant"), cases, ids=[f"{lesson}-{v}" for lesson, v in cases])


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    """Rows of results, written as JSON lines and, at the end, as a table."""
    folder = tmp_path_factory.getbasetemp()
    rows: list[dict] = []
    yield rows, folder / "every_lesson.jsonl"
    if rows:
        (folder / "every_lesson.md").write_text(table(rows), "utf-8")


def table(rows: list[dict]) -> str:
    mark = {True: "✓", False: "✗"}
    lines = ["| lesson | " + " | ".join(f"{v} axe / keyboard / narrow" for v in VARIANTS) + " |",
             "| --- |" + " --- |" * len(VARIANTS)]
    lessons = list(dict.fromkeys(r["lesson"] for r in rows))
    for lesson in lessons:
        cells = []
        for v in VARIANTS:
            r = next((r for r in rows if r["lesson"] == lesson and r["variant"] == v), None)
            cells.append("–" if r is None else "error" if r["error"] else " / ".join(
                mark[not (r["axe_before"] or r["axe_after"])] if k == "axe" else "–" if k == "keyboard" and not r["walked"]
                else mark[not r[k]] for k in ("axe", "keyboard", "narrow")))
        lines.append(f"| {lesson} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def teacher_server(tmp_path_factory):
    """A teacher's folder (``netkit init``) with a lesson made by ``netkit new lesson``, served."""
    from kit.cli import main
    from tests.authoring.questions import teacher_questions

    base = tmp_path_factory.mktemp("teacher")
    folder = base / "class"
    assert main(["init", str(folder)]) == 0
    assert main(["new", "lesson", "--topic", "defamation", "--audience", "中学生", "--from", str(teacher_questions(base)),
                 "--dir", str(folder), "--title", "わたしのクラスの誹謗中傷", "--aim", "ことばの重さを知る"]) == 0
    assert (folder / "lessons" / NEW_LESSON).is_file()
    srv = Server(folder, base / "results")
    yield srv
    srv.stop()


def test_the_catalogue_lists_these_lessons(server):
    assert len(LESSONS) >= 16
    with urllib.request.urlopen(server.url, timeout=30) as response:
        page = response.read().decode("utf-8")
    assert all(f'href="/voila/render/{lesson}"' in page for lesson in LESSONS)
    assert page.count('href="/voila/render/') == len(LESSONS)


def richest(lessons: list[str]) -> str:
    """The lesson whose notebook calls the most kinds of component."""
    from kit.notebook import read

    return max(sorted(lessons), key=lambda lesson: len({c.method for c in read(REPO / "lessons" / lesson).calls}))


WALKED_IN_EVERY_VARIANT = richest(LESSONS)


def test_every_lesson(server, page, lesson, variant, report):
    check(page, server.url, lesson, variant, report, keyboard=variant == "ja" or lesson == WALKED_IN_EVERY_VARIANT)


@pytest.mark.parametrize("variant", list(VARIANTS))
def test_a_teachers_new_lesson(teacher_server, page, variant, report):
    check(page, teacher_server.url, NEW_LESSON, variant, report, name="netkit new lesson")


class Clock:
    """Seconds spent on each step of a page (reported with the results, never asserted)."""

    def __init__(self):
        self.start = time.monotonic()
        self.laps: dict[str, float] = {}

    def lap(self, name: str) -> None:
        now = time.monotonic()
        self.laps[name] = round(now - self.start, 1)
        self.start = now


def check(page, url: str, lesson: str, variant: str, report, name: str = "", keyboard: bool = True) -> None:
    clock = Clock()
    row = {"lesson": name or lesson, "variant": variant, "seconds": clock.laps, "error": "", "walked": keyboard,
           "axe_before": [], "keyboard": [], "axe_after": [], "narrow": []}
    try:
        work_through(page, url + "voila/render/" + lesson + VARIANTS[variant], row, clock, keyboard)
    except Exception as exc:  # noqa: BLE001  (the row says what stopped the check, then the test fails)
        row["error"] = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    rows, path = report
    rows.append(row)
    with Path(path).open("a", encoding="utf-8") as f:
        f.write(json.dumps(row, ensure_ascii=False) + "\n")
    problems = {k: row[k] for k in ("error", "axe_before", "keyboard", "axe_after", "narrow") if row[k]}
    assert problems == {}, json.dumps(problems, ensure_ascii=False, indent=1)


LABS = {"creator_income", "estimate_explorer", "flaming_lab", "spread_lab", "cascade_lab", "feed_lab"}
# At least ``n`` labs show their controls: a lab's output can be drawn before its shell is.
LABS_DRAWN = """(n) => [...document.querySelectorAll('.nk-lab, .nk-flaming-lab, .nk-spread, .nk-ce, .nk-feed-lab')]
  .filter((l) => l.querySelector('input, select')).length >= n"""


def labs_in(lesson: str) -> int:
    """How many labs the shipped lesson's notebook calls (0 for a lesson not shipped)."""
    from kit.notebook import read

    path = REPO / "lessons" / lesson
    return sum(c.method in LABS for c in read(path).calls) if path.is_file() else 0


def work_through(page, url: str, row: dict, clock: Clock, keyboard: bool = True) -> None:
    page.goto(url, wait_until="commit", timeout=WIDGET_TIMEOUT)
    page.wait_for_function(READY, timeout=WIDGET_TIMEOUT, polling=250)
    labs = labs_in(row["lesson"]) if row["lesson"].endswith(".ipynb") else 0
    if labs:
        page.wait_for_function(LABS_DRAWN, arg=labs, timeout=WIDGET_TIMEOUT, polling=250)
    if page.locator(".nk-problem").count():
        raise AssertionError(page.locator(".nk-problem").first.inner_text())
    clock.lap("open")
    row["axe_before"] = serious_violations(page)
    clock.lap("axe")
    if keyboard:
        walk(page, row, clock)
    for label, (width, height) in NARROW.items():
        page.set_viewport_size({"width": width, "height": height})
        page.evaluate("() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)))")
        row["narrow"] += [f"{label}: {problem}" for problem in page.evaluate(CUT_OFF)]
    clock.lap("narrow")


def walk(page, row: dict, clock: Clock) -> None:
    """The keyboard student's work, then axe on every part it changed."""
    sliders = control_values(page)
    row["keyboard"] = KeyboardStudent(page).work_through()
    after = control_values(page)
    unchanged = [i + 1 for i, (a, b) in enumerate(zip(sliders, after, strict=False)) if a == b]
    if unchanged or len(after) != len(sliders):
        row["keyboard"].append(f"sliders and menus not changed by keyboard: {unchanged} of {len(sliders)} (now {len(after)})")
    clock.lap("keyboard")
    row["axe_after"] = serious_violations(page, ", ".join(PARTS))  # only the parts the work changed
    clock.lap("axe_after")
