"""LateralReading: a post and its page, a simulated search in another tab, the pages behind it, a question.

The student reads a post and the page it links to, may open 「別のタブで調べる」 — a search box whose
results open source pages inside the component (nothing is loaded from anywhere) — and answers
whether the claim can be trusted and who is behind it. The answer and the path (the pages opened,
in order) are stored through the sitting (phase "practice", item ``lateral:<file id>:<task id>``,
response ``kit.models.lateral.response``: the answer's position, then the search page as 0 and
source *i* as *i* + 1; correct = the right answer) before the feedback is sent. The browser never
holds the right answer, the feedback or who is behind the page before the answer is stored.
``search()``, ``open_source()``, ``show_post()``, ``answer()`` and ``next()`` do what the buttons do.
"""

from __future__ import annotations

import traitlets

from kit.content.lateral import LateralFile, Source, Task
from kit.content.text import Text
from kit.models.lateral import SEARCH, TaskScore, from_response, response, score, summarise
from kit.sitting import Sitting
from kit.store.records import Answer
from kit.text.ui import label, labels
from kit.widgets._assets import asset
from kit.widgets._base import KitWidget
from kit.widgets._render import text_html

COMPONENT = "lateral"
MAX_OPENS = 200  # page openings followed per task (a held-down key or a forged loop changes nothing more)


class LateralReading(KitWidget):
    """Lateral-reading tasks played one at a time, each ending with a stored answer and its feedback."""

    _esm = traitlets.Unicode(asset("lateral.js")).tag(sync=True)
    _css = traitlets.Unicode(asset("lateral.css")).tag(sync=True)
    RUBY_LABELS = ("lr_tab_post", "lr_tab_search", "lr_search", "lr_back_results", "lr_answer", "lr_next")

    heading = traitlets.Dict(help="Title, what to do and the note that everything is made up, as HTML.").tag(sync=True)
    labels = traitlets.Dict(help="Interface strings in the lesson's language.").tag(sync=True)
    task = traitlets.Dict(help="The task shown: post, its page, the search words, question and answers; no right answer.").tag(sync=True)
    view = traitlets.Unicode("post", help="What the simulated browser shows: post | search | source.").tag(sync=True)
    results = traitlets.List(help="The search results, sent once the student searches.").tag(sync=True)
    source = traitlets.Dict(help="The source page open in the other tab (empty when none).").tag(sync=True)
    opened = traitlets.List(help="Ids of the source pages opened so far in this task (marked as visited).").tag(sync=True)
    stage = traitlets.Unicode("read", help="read | feedback | done").tag(sync=True)
    result = traitlets.Dict(help="Empty until the answer is stored; then the verdict, feedback and the path's reading.").tag(sync=True)
    summary = traitlets.Dict(help="The sitting's tasks added up, once every task is done.").tag(sync=True)
    progress = traitlets.Unicode("", help="Progress line, e.g. '1 / 3'.").tag(sync=True)
    who = traitlets.Unicode("", help="Class and nickname the answers are stored under, shown as plain text.").tag(sync=True)
    pending = traitlets.Bool(False, help="True while the kernel stores an answer.").tag(sync=True)
    number = traitlets.Int(0, help="Index of the task being shown (0-based).")

    def __init__(self, lateral: LateralFile, *, lang: str = "ja", furigana: bool = False,
                 sitting: Sitting | None = None, bank: str = "", **kwargs):
        super().__init__(**kwargs)
        self.lateral = lateral
        self._lang, self._furigana = lang, furigana
        self._bank = bank
        self.sitting = sitting or Sitting()
        self.path: list[str] = []
        self.scores: dict[str, TaskScore] = {}
        self.resumed = False
        self.labels = labels(lang, ruby=self.RUBY_LABELS if furigana else ())
        self.heading = {"title_html": self._html(lateral.title), "intro_html": self._html(lateral.intro),
                        "note_html": self._html(lateral.note)}
        self._show_task()
        self.on_msg(self._on_browser_message)
        self.sitting.join(self._show_who, restore=self.resume)

    @property
    def current(self) -> Task:
        """The task being shown."""
        return self.lateral.tasks[min(self.number, len(self.lateral.tasks) - 1)]

    # --- what the buttons do --------------------------------------------------------------

    def search(self) -> None:
        """Open the other tab's search results (「別のタブで調べる」, then 検索)."""
        if self.stage != "read" or len(self.path) >= MAX_OPENS:
            return
        self.path.append(SEARCH)
        with self.hold_sync():
            self.results = [self._result_view(s) for s in self.current.sources]
            self.source = {}
            self.view = "search"

    def open_source(self, source_id: str) -> bool:
        """Open the page of the search result ``source_id`` in the other tab; False if there is none to open."""
        if self.stage != "read" or not self.results or len(self.path) >= MAX_OPENS:
            return False
        try:
            page = self.current.source(source_id)
        except KeyError:
            return False  # a forged message from the browser changes nothing
        self.path.append(page.id)
        with self.hold_sync():
            self.source = self._source_view(page)
            self.opened = list(dict.fromkeys([*self.opened, page.id]))
            self.view = "source"
        return True

    def back_to_results(self) -> None:
        """From a source page back to the search results."""
        if self.stage == "read" and self.results:
            with self.hold_sync():
                self.source = {}
                self.view = "search"

    def show_post(self) -> None:
        """Back to the tab with the post and its page (opening nothing)."""
        if self.stage == "read":
            self.view = "post"

    def answer(self, option_id: str) -> TaskScore | None:
        """Answer the task's question with ``option_id``: stored with the path, then the feedback is sent."""
        if self.stage != "read" or not isinstance(option_id, str):
            return None
        task = self.current
        try:
            result = score(task, option_id, self.path)
        except KeyError:
            return None
        self.pending = True
        saved = self.sitting.record(f"{COMPONENT}:{self.lateral.id}:{task.id}", response(task, option_id, self.path),
                                    result.right, bank=self._bank)  # stored first, then shown
        self.scores[task.id] = result
        self._feedback(task, result, saved)
        return result

    def next(self) -> None:
        """Go on to the next task (or to the summary after the last), as the next button does."""
        if self.stage != "feedback":
            return
        if self.number + 1 < len(self.lateral.tasks):
            self.number += 1
            self._show_task()
        else:
            self._finish()

    # --- drawing ---------------------------------------------------------------------------

    def _html(self, text: Text) -> str:
        return text_html(text, self._lang, self._furigana)

    def _paragraphs(self, text: Text) -> list[str]:
        return [self._html(Text(p.strip())) for p in text.get(self._lang).split("\n\n") if p.strip()]

    def _show_task(self) -> None:
        task = self.current
        page = task.page
        self.path = []
        with self.hold_sync():
            self.progress = label("lr_progress", self._lang, number=self.number + 1, total=len(self.lateral.tasks))
            self.task = {
                "id": task.id,
                "author_html": self._html(task.author), "handle": task.handle,
                "initial": task.author.get(self._lang)[:1],
                "text_html": self._html(task.text),
                "page": {"site_html": self._html(page.site), "address": page.address,
                         "badge_html": self._html(page.badge) if page.badge.get(self._lang) else "",
                         "heading_html": self._html(page.heading), "body": self._paragraphs(page.body)},
                "query": task.query.get(self._lang),
                "question_html": self._html(task.question),
                "options": [{"id": o.id, "html": self._html(o.text)} for o in task.options],
            }
            self.results, self.source, self.opened, self.result = [], {}, [], {}
            self.view = "post"
            self.stage = "read"
            self.pending = False

    def _result_view(self, s: Source) -> dict:
        return {"id": s.id, "site_html": self._html(s.site), "address": s.address,
                "title_html": self._html(s.title), "snippet_html": self._html(s.snippet)}

    def _source_view(self, s: Source) -> dict:
        return {"id": s.id, "site_html": self._html(s.site), "address": s.address,
                "heading_html": self._html(s.heading), "body": self._paragraphs(s.body)}

    def _feedback(self, task: Task, result: TaskScore, saved: bool) -> None:
        chosen = task.options[task.option_index(result.answer)]
        right = task.options[task.option_index(task.answer)]
        sites = [self._html(task.source(i).site) for i in result.sources_opened]
        if not result.left_page:
            reading = label("lr_stayed", self._lang)
        elif not result.sources_opened:
            reading = label("lr_searched_only", self._lang)
        else:
            reading = label("lr_left" if result.found_key else "lr_left_no_key", self._lang, count=len(sites))
        with self.hold_sync():
            self.result = {
                "right": result.right,
                "verdict": label("lr_right" if result.right else "lr_wrong", self._lang),
                "chosen_html": self._html(chosen.text),
                "right_html": self._html(right.text),
                "feedback_html": self._html(chosen.feedback),
                "behind_html": self._html(task.behind),
                "reading": result.reading,
                "reading_text": reading,
                "opened": sites,
                "points": label("lr_points", self._lang, points=result.points),
                "method": self._paragraphs(self.lateral.method),
                "saved": saved,
                "is_last": self.number == len(self.lateral.tasks) - 1,
            }
            self.view = "post"
            self.stage = "feedback"
            self.pending = False

    def _finish(self) -> None:
        s = summarise(self.scores.get(t.id) for t in self.lateral.tasks if t.id in self.scores)
        self.summary = {
            "right": label("lr_summary_right", self._lang, right=s.right, total=s.tasks),
            "left": label("lr_summary_left", self._lang, left=s.left_page, total=s.tasks),
            "points": label("lr_summary_points", self._lang, points=s.points, max=s.max_points),
            "method": self._paragraphs(self.lateral.method),
        }
        self.stage = "done"

    # --- resuming ----------------------------------------------------------------------------

    def _show_who(self, who: str) -> None:
        self.who = who

    def resume(self, earlier: list[Answer]) -> None:
        """Skip the tasks this browser already answered (after a reload or in a new kernel).

        The sitting calls this once, when the browser first says who is playing (``kit.sitting``).
        """
        self.resumed = True
        prefix = f"{COMPONENT}:{self.lateral.id}:"
        for a in earlier:
            if a.item.startswith(prefix) and a.session == self.sitting.session:
                try:
                    task = self.lateral.task(a.item[len(prefix):])
                except KeyError:
                    continue
                done = from_response(task, a.response)
                if done is not None and task.id not in self.scores:
                    self.scores[task.id] = done
        if not any(t.id in self.scores for t in self.lateral.tasks):
            return
        while self.current.id in self.scores:
            if self.number + 1 == len(self.lateral.tasks):
                self._finish()
                return
            self.number += 1
        self._show_task()

    def _on_browser_message(self, _widget, content, _buffers) -> None:
        if not isinstance(content, dict):
            return
        action = content.get("action")
        if action == "search":
            self.search()
        elif action == "open":
            self.open_source(str(content.get("source", ""))[:50])
        elif action == "results":
            self.back_to_results()
        elif action == "post":
            self.show_post()
        elif action == "answer" and content.get("task") == self.current.id:
            self.answer(str(content.get("option", ""))[:50])
        elif action == "next":
            self.next()
        elif action == "hello":  # only the sitting's first identity is taken (kit.sitting)
            self.sitting.hello(content)

