"""A student with a keyboard and no mouse: Tab, Shift+Tab, Enter, Space, arrow keys and typing.

``KeyboardStudent(page).work_through()`` walks a lesson page from the top: it Tabs from part to
part, and in each part (a quiz, a role-play, a lab…) does what that part asks until it is finished.
At every Tab stop it checks that the focus can be seen; after every press that changes the page it
checks where the focus went. It never fails at the first problem: ``problems`` lists each one in
words, so one run reports everything a page gets wrong.
"""

from __future__ import annotations

from playwright.sync_api import Error as PlaywrightError

WAIT_MS = 60_000  # at most, for one answer from the kernel on a busy 2-core machine

# What the focus is on: where it is, whether a ring shows, and which part of the page holds it.
FOCUSED = """(roots) => {
  const a = document.activeElement;
  if (!a || a === document.body || a === document.documentElement) return {body: true};
  const ring = (el) => { if (!el) return false; const s = getComputedStyle(el);
    return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && s.outlineColor !== 'rgba(0, 0, 0, 0)'; };
  const shown = ring(a) || ring(a.closest('label')) || (a.tagName === 'INPUT' && ring(a.parentElement));
  const all = [...document.querySelectorAll(roots)];
  const root = a.closest(roots);
  const text = (a.getAttribute('aria-label') || a.innerText || a.value || '').replace(/\\s+/g, ' ').trim().slice(0, 40);
  return {body: false, ring: shown, root: root ? all.indexOf(root) : -1,
          what: `${a.tagName.toLowerCase()}.${String(a.className).split(' ').filter(Boolean).slice(0, 2).join('.')} "${text}"`};
}"""


# Wait in the page until TEST(el, arg) holds, or fail after ms (TEST is spliced in as JS source).
POLL = """(el, [arg, ms]) => new Promise((ok, no) => { const test = TEST; const t0 = Date.now();
  (function again() { if (test(el, arg)) ok(true); else if (Date.now() - t0 > ms) no(new Error('timeout'));
    else setTimeout(again, 50); })(); })"""


def until(handle, test: str, arg=None) -> bool:
    """True once ``test`` (a JS ``(el, arg) => boolean``) holds for ``handle``'s element; False after WAIT_MS."""
    try:
        return handle.evaluate(POLL.replace("TEST", test), [arg, WAIT_MS])
    except PlaywrightError:
        return False


# The parts of a lesson page a student works in (the rest is text that never changes).
PARTS = (".nk-quiz", ".nk-scenario", ".nk-tl", ".nk-cs", ".nk-ce", ".nk-lab", ".nk-flaming-lab", ".nk-drc",
         ".nk-post-checker", ".nk-law-walk", ".nk-help-router", ".nk-dc", ".nk-mg", ".nk-feed-lab", ".nk-lr")


# What a lesson shows that a student only reads (or works in through a part above).
READ_ONLY = (".nk-title", ".nk-section", ".nk-help", ".nk-law-card", ".nk-quiz-card")


def unwalked_parts(page) -> list[str]:
    """A component of the registry on this page that the walk has no way through: a new component
    needs its keyboard walk here (one method in ``KeyboardStudent.kinds``) to pass the every-lesson test."""
    from kit.components import COMPONENTS

    return [f"lesson.{method}(…): the keyboard walk has no way through {c.root} (add one to tests/browser/keyboard_student.py)"
            for method, c in COMPONENTS.items()
            if c.root not in PARTS and c.root not in READ_ONLY and page.locator(c.root).count()]


class KeyboardStudent:
    """Works through one lesson page by keyboard; ``problems`` says what got in the way."""

    def __init__(self, page):
        self.page = page
        self.problems: list[str] = []
        self.kinds = dict(zip(PARTS, (
            self.quiz, self.role_play, self.timeline, self.class_spread, self.cascade_lab, self.model_lab,
            self.flaming_lab, self.rule_checker, self.post_checker, self.law_walk, self.help_router,
            self.discernment, self.game, self.feed_lab, self.lateral), strict=True))
        self.roots = ", ".join(PARTS)
        self._no_ring: set[str] = set()

    # --- the walk ---------------------------------------------------------------------------

    def work_through(self) -> list[str]:
        """Every part of the page, top to bottom; returns the problems found."""
        self.page.evaluate("""() => { window.nkFocusLog = []; document.addEventListener('focusin', (e) => {
            const t = e.target; nkFocusLog.push(`${t.tagName.toLowerCase()}.${String(t.className).split(' ')[0]}`); }); }""")
        self.problems += unwalked_parts(self.page)
        count = self.page.locator(self.roots).count()
        for index in range(count):
            root = self.page.locator(self.roots).nth(index)
            kind = next(k for k in self.kinds if root.evaluate("(el, k) => el.matches(k)", k))
            try:
                if not self._tab_into(index, kind):
                    continue
                self._back_and_forth(index, kind)
                self.kinds[kind](root, kind)
            except (PlaywrightError, _Stuck) as exc:
                self.problems.append(f"{kind} #{index + 1}: {str(exc).splitlines()[0]}")
        self._tab_to_the_end()
        return self.problems

    def _tab_into(self, index: int, kind: str) -> bool:
        for _ in range(80):
            info = self._press("Tab")
            if info.get("root") == index:
                return True
            if info.get("root", -1) > index:
                break
        self.problems.append(f"{kind} #{index + 1}: Tab never reached it")
        return False

    def _back_and_forth(self, index: int, kind: str) -> None:
        """Shift+Tab leaves the part backwards and Tab comes back to the same control (unless this
        is the first control left on the page, where Shift+Tab leaves the page)."""
        here = self._focused()
        before = self._press("Shift+Tab")
        left_the_page = self.page.locator(self.roots).nth(index).evaluate(
            "(el) => { const a = document.activeElement; return !a || a === document.body || "
            "!!(el.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING); }")
        if left_the_page:
            self._tab_into(index, kind)
            return
        back = self._press("Tab")
        if back.get("what") != here.get("what"):
            moves = self.page.evaluate("() => nkFocusLog.slice(-6).join(' → ')")
            self.problems.append(f"{kind} #{index + 1}: Shift+Tab went to {before.get('what') or 'the page'}, then Tab to "
                                 f"{back.get('what') or 'the page'}, not back to {here.get('what')} (focus moves: {moves})")

    def _tab_to_the_end(self) -> None:
        for _ in range(200):
            if self._press("Tab").get("body"):
                return

    # --- keys and focus ---------------------------------------------------------------------

    def _focused(self) -> dict:
        return self.page.evaluate(FOCUSED, self.roots)

    def _press(self, key: str) -> dict:
        self.page.keyboard.press(key)
        info = self._focused()
        if key.endswith("Tab") and not info["body"] and not info["ring"] and info["what"] not in self._no_ring:
            self._no_ring.add(info["what"])
            self.problems.append(f"no visible focus on {info['what']}")
        return info

    def _on(self, root, selector: str) -> bool:
        return root.evaluate("(el, sel) => { const a = document.activeElement; return !!a && el.contains(a) && a.matches(sel); }",
                             selector)

    def tab_to(self, root, selector: str, limit: int = 40) -> None:
        """Tab forwards until the focus is on ``selector`` inside ``root``."""
        for _ in range(limit):
            if self._on(root, selector):
                return
            self._press("Tab")
        raise _Stuck(f"Tab did not reach {selector}")

    def expect_focus(self, root, selector: str, after: str) -> None:
        """The focus lands on ``selector`` inside ``root`` (waiting for the kernel's answer)."""
        if not until(root, "(el, sel) => { const a = document.activeElement; return !!a && el.contains(a) && a.matches(sel); }",
                     selector):
            info = self._focused()
            where = "nowhere (the page)" if info["body"] else info["what"]
            raise _Stuck(f"after {after} the focus went to {where}, not to {selector}")

    def wait_for(self, root, selector: str, what: str) -> None:
        try:
            root.locator(selector).first.wait_for(timeout=WAIT_MS)
        except PlaywrightError:
            raise _Stuck(f"{what} never showed ({selector})") from None

    def slide(self, root, selector: str) -> None:
        """Move the focused slider one step with an arrow key (back if it is at its top)."""
        at_max = root.evaluate("(el, sel) => { const a = document.activeElement; return Number(a.value) >= Number(a.max); }",
                               selector)
        self._press("ArrowLeft" if at_max else "ArrowRight")

    # --- the parts of a lesson ----------------------------------------------------------------

    def quiz(self, root, kind):
        """Every question: choose (arrow keys in a radio group, Space on a checkbox, Enter on a move
        button), Tab to the answer button, Enter; the feedback takes the focus; Tab to next, Enter."""
        for number in range(1, 40):
            if root.locator(".nk-summary").count():
                self.expect_focus(root, ".nk-summary", "the last question")
                return
            card = root.locator(".nk-quiz-card")
            self.wait_for(root, ".nk-quiz-card legend", "the question")
            self.tab_to(card, ".nk-input, .nk-move:not([disabled])")
            if card.locator(".nk-order").count():
                self._press("Enter")
            elif card.locator("input[type=checkbox]").count():
                self._press("Space")
            else:
                self._press("ArrowDown")  # moves to the next choice and selects it
                if not card.locator("input:checked").count():
                    raise _Stuck(f"question {number}: an arrow key chose nothing")
            self.tab_to(card, ".nk-submit")
            self._press("Enter")
            self.expect_focus(card, ".nk-feedback, .nk-feedback *", f"answering question {number}")
            if not card.locator(".nk-next").count():
                return
            progress = card.locator(".nk-progress").inner_text()
            self.tab_to(card, ".nk-next")
            self._press("Enter")
            until(root, """(el, old) => { const p = el.querySelector('.nk-progress');
                return !!el.querySelector('.nk-summary') || (!!p && p.innerText !== old && !!el.querySelector('.nk-quiz-card legend')); }""",
                  progress)
            if not root.locator(".nk-summary").count():
                self.expect_focus(root, ".nk-quiz-card .nk-input, .nk-quiz-card .nk-move", f"going on from question {number}")
        raise _Stuck("the quiz did not end")

    def role_play(self, root, kind):
        """Pick a role if asked, then the first choice each time until the summary."""
        if root.locator(".nk-sc-role").count():
            self.tab_to(root, ".nk-sc-role")
            self._press("Enter")
            self.expect_focus(root, ".nk-sc-choices button", "picking a role")
        for step in range(1, 40):
            if root.locator(".nk-sc-summary").count():
                self.expect_focus(root, "#nk-sc-sum-h", "the last choice")
                return
            self.tab_to(root, ".nk-sc-choices button")
            self._press("Enter")
            self.expect_focus(root, ".nk-sc-choices button, #nk-sc-sum-h", f"choice {step}")
        raise _Stuck("the role-play did not end")

    def timeline(self, root, kind):
        """Every post: share, check (open a step with Enter, then decide) or scroll past, in turn."""
        for number in range(40):
            if root.locator(".nk-tl-summary").count():
                return
            self.wait_for(root, ".nk-tl-actions button:not([disabled])", "the post's buttons")
            action = ("share", "check", "ignore")[number % 3]
            self.tab_to(root, f".nk-tl-{action}")
            self._press("Enter")
            if action == "check":
                self.expect_focus(root, ".nk-tl-checking .nk-tl-lead", "pressing check")
                self.tab_to(root, ".nk-tl-step summary")
                self._press("Enter")
                if not root.locator(".nk-tl-step[open]").count():
                    raise _Stuck("Enter did not open a checking step")
                self.tab_to(root, ".nk-tl-decide-ignore")
                self._press("Enter")
            self.expect_focus(root, ".nk-tl-feedback", f"choosing on post {number + 1}")
            self.tab_to(root, ".nk-tl-next")
            self._press("Enter")
            self.expect_focus(root, ".nk-tl-post, .nk-tl-summary", f"going on from post {number + 1}")
        raise _Stuck("the timeline did not end")

    def game(self, root, kind):
        """「だます側になってみよう」: each technique's first post published with Enter, the outcome
        taking the focus, then on to the next technique (its heading takes the focus), until the debrief."""
        for number in range(1, 20):
            if root.locator(".nk-mg-summary").count():
                self.expect_focus(root, "#nk-mg-sum-h", "the last technique")
                return
            self.wait_for(root, ".nk-mg-choices button", "the posts to publish")
            self.tab_to(root, ".nk-mg-choices button")
            self._press("Enter")
            self.expect_focus(root, ".nk-mg-result-h", f"publishing on technique {number}")
            self.tab_to(root, ".nk-mg-next")
            self._press("Enter")
            self.expect_focus(root, ".nk-mg-stage-h", f"going on from technique {number}")
        raise _Stuck("the game did not end")

    def discernment(self, root, kind):
        """Every post of the feed judged in turn (信じる, あやしい, …); the focus goes on to the next post's buttons, then the result."""
        for number in range(40):
            if root.locator(".nk-dc-result").count():
                self.expect_focus(root, ".nk-dc-result", "the last post")
                return
            self.wait_for(root, ".nk-dc-actions button:not([disabled])", "the post's buttons")
            self.tab_to(root, (".nk-dc-believe", ".nk-dc-doubt")[number % 2])
            self._press("Enter")
            self.expect_focus(root, ".nk-dc-actions .nk-dc-believe, .nk-dc-result", f"judging post {number + 1}")
        raise _Stuck("the discernment feed did not end")

    def lateral(self, root, kind):
        """Every task: the search tab, search, open the first result (its heading takes the focus), choose, answer, next."""
        for number in range(1, 20):
            if root.locator(".nk-lr-summary").count():
                return
            self.wait_for(root, ".nk-lr-tab-search:not([disabled])", "the search tab")
            self.tab_to(root, ".nk-lr-tab-search")
            self._press("Enter")
            self.expect_focus(root, ".nk-lr-query", f"opening the search tab in task {number}")
            self.tab_to(root, ".nk-lr-search-go")
            self._press("Enter")
            self.expect_focus(root, ".nk-lr-results-heading", f"searching in task {number}")
            self.tab_to(root, ".nk-lr-result-open")
            self._press("Enter")
            self.expect_focus(root, ".nk-lr-page-heading", f"opening a result in task {number}")
            self.tab_to(root, ".nk-lr-option input")
            self._press("Space")
            if not root.locator(".nk-lr-option input:checked").count():
                raise _Stuck(f"task {number}: Space chose no answer")
            self.tab_to(root, ".nk-lr-answer")
            self._press("Enter")
            self.expect_focus(root, ".nk-lr-feedback", f"answering task {number}")
            self.tab_to(root, ".nk-lr-next")
            self._press("Enter")
            self.expect_focus(root, ".nk-lr-post, .nk-lr-summary", f"going on from task {number}")
        raise _Stuck("the lateral reading did not end")

    def class_spread(self, root, kind):
        self.tab_to(root, ".nk-cs-button")
        self._press("Enter")
        self.wait_for(root, ".nk-cs-result svg", "the class's outcome")
        self.expect_focus(root, ".nk-cs-button", "running the spread")

    def cascade_lab(self, root, kind):
        for n in range(root.locator(".nk-param-range").count()):
            self.tab_to(root, ".nk-param-range")
            self.slide(root, ".nk-param-range")
            if n + 1 < root.locator(".nk-param-range").count():
                self._press("Tab")
        before = root.locator(".nk-ce-result").inner_html()
        self.tab_to(root, ".nk-ce-run")
        self._press("Enter")
        # the lab draws itself anew, result box included: look it up each time
        if not until(root, "(el, old) => { const r = el.querySelector('.nk-ce-result'); "
                           "return !!r && r.innerHTML !== old && !!r.querySelector('svg'); }", before):
            raise _Stuck("no new cascades after pressing the button")
        self.expect_focus(root, ".nk-ce-run", "running the cascades")

    def model_lab(self, root, kind):
        """Every slider moved with an arrow key; the kernel's numbers follow."""
        for n in range(root.locator(".nk-param-range").count()):
            self.tab_to(root, ".nk-param-range")
            value = root.locator(".nk-param-value").nth(n).inner_text()
            self.slide(root, ".nk-param-range")
            if not until(root.locator(".nk-param-value").nth(n), "(el, old) => el.innerText !== old", value):
                raise _Stuck(f"slider {n + 1}: the value shown did not change")
            if n + 1 < root.locator(".nk-param-range").count():
                self._press("Tab")

    def flaming_lab(self, root, kind):
        """The main sliders, then "more" opened with Enter and its sliders, then the button."""
        ranges = root.locator(".nk-param-range")
        for n in range(ranges.count()):
            if not ranges.nth(n).is_visible():
                self.tab_to(root, ".nk-param-more summary")
                self._press("Enter")
            self.tab_to(root, ".nk-param-range")
            self.slide(root, ".nk-param-range")
            self._press("Tab")
        before = root.locator(".nk-flaming-charts").inner_html()
        self.tab_to(root, ".nk-fl-run")
        self._press("Enter")
        if not until(root, "(el, old) => { const ch = el.querySelector('.nk-flaming-charts'); return !!ch && ch.innerHTML !== old; }",
                     before):
            raise _Stuck("the charts did not change after moving every slider and pressing the button")
        self.expect_focus(root, ".nk-fl-run", "running the model")

    def feed_lab(self, root, kind):
        """Each menu (an arrow key picks the next choice) and slider, "the model's assumptions" opened
        with Enter; the timelines and their sentences follow the kernel."""
        before = root.locator(".nk-fd-summary").inner_html()
        controls = root.locator(".nk-param-select, .nk-param-range")
        for n in range(controls.count()):
            if not controls.nth(n).is_visible():
                self.tab_to(root, ".nk-param-more summary")
                self._press("Enter")
            menu = controls.nth(n).evaluate("(el) => el.tagName === 'SELECT'")
            self.tab_to(root, ".nk-param-select" if menu else ".nk-param-range")
            if menu:
                self._press("ArrowDown")
            else:
                self.slide(root, ".nk-param-range")
            self._press("Tab")
        if not until(root, "(el, old) => { const s = el.querySelector('.nk-fd-summary'); return !!s && s.innerHTML !== old; }",
                     before):
            raise _Stuck("the timelines did not change after moving every control")

    def rule_checker(self, root, kind):
        """The first answer to each question, then a prediction; the law's answer takes the focus."""
        self.tab_to(root, ".nk-drc-option")
        for step in range(1, 20):
            if root.locator(".nk-drc-result").count():
                self.expect_focus(root, ".nk-drc-result", "the prediction")
                return
            self._press("Enter")
            self.expect_focus(root, ".nk-drc-option, .nk-drc-result", f"answer {step}")
        raise _Stuck("the rule checker did not reach an answer")

    def post_checker(self, root, kind):
        self.tab_to(root, "textarea")
        self.page.keyboard.type("おまえキモいから学校くるな")
        self.tab_to(root, ".nk-pc-check")
        self._press("Enter")
        self.wait_for(root, ".nk-pc-verdict", "the check's result")
        self.expect_focus(root, ".nk-pc-result", "checking the post")

    def law_walk(self, root, kind):
        for step in range(1, 30):
            if root.locator(".nk-lw-end").count():
                self.expect_focus(root, ".nk-lw-end .nk-lw-heading", "the last step")
                return
            self.tab_to(root, ".nk-lw-choice")
            self._press("Enter")
            self.expect_focus(root, ".nk-lw-next", f"answering step {step}")
            self._press("Enter")
            self.expect_focus(root, ".nk-lw-choice, .nk-lw-end .nk-lw-heading", f"going on from step {step}")
        raise _Stuck("the law walk did not end")

    def help_router(self, root, kind):
        """The first answer to each question until the help desks; then "show all help desks"."""
        self.tab_to(root, ".nk-hr-answer")
        for step in range(1, 20):
            self._press("Enter")
            self.expect_focus(root, ".nk-hr-answer, .nk-hr-result-h", f"answer {step}")
            if root.locator(".nk-hr-result-h").count():
                break
        else:
            raise _Stuck("the help chart did not reach a result")
        self.tab_to(root, ".nk-hr-nav-b[aria-expanded]")
        self._press("Enter")
        self.wait_for(root, ".nk-hr-all", "every help desk")
        self.expect_focus(root, '.nk-hr-nav-b[aria-expanded="true"]', "showing every help desk")


CONTROLS = """() => [...document.querySelectorAll('input[type=range], select, [role=slider]')]
    .map((el) => el.value !== undefined && el.tagName !== 'DIV' ? el.value : el.getAttribute('aria-valuenow'))"""


def control_values(page) -> list:
    """The value of every slider and menu on the page, in document order."""
    return page.evaluate(CONTROLS)


class _Stuck(Exception):
    """The student could not go on in this part of the page."""

