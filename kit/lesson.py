"""The one object a lesson notebook uses: it reads content, builds components, records answers.

A notebook says what to show (``lesson.quiz("quizzes/x.csv", group="pre")``); this module decides
the language and furigana from the link (``?lang=en&furigana=1``), builds the student's sitting
(who answers, where answers are stored: ``kit.sitting``) and hands it to every component, and
turns any broken content file into a friendly ``ProblemCard`` so the rest of the lesson works.
"""

from __future__ import annotations

import importlib
import logging
import os
import uuid
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qs

from kit.components import COMPONENTS, KINDS, attribute, default_file, lesson_files
from kit.content.errors import ContentError, ContentProblem, display_name
from kit.content.paths import resolve
from kit.sitting import Sitting

log = logging.getLogger(__name__)


def request_params(lesson_id: str = "") -> dict[str, str]:
    """The parameters of the link the student opened (first value of each), as Voilà passes them.

    With preheated kernels Voilà runs the notebook before anyone asks for it; it hands the query
    string over only when a student arrives, so wait for it then (``kit.preheat``) — after reading
    the content files and preparing the components this lesson uses (``kit.warmup``), so that what
    is left to do when 40 students arrive at once is only building widgets.
    """
    from kit.preheat import preheated, wait_for_request

    if preheated():
        warm_content(lesson_id)
        if lesson_id:
            from kit.warmup import warm_components

            warm_components(lesson_id)
        wait_for_request()
    query = os.environ.get("QUERY_STRING", "")
    return {k: v[0] for k, v in parse_qs(query, keep_blank_values=False).items() if v}


def declared_experiment(lesson_id: str):
    """The class experiment this lesson's notebook declares, on or off (``kit.content.experiment``), or None."""
    from kit import notebook
    from kit.content.experiment import read_experiment

    try:
        path = notebook.find(Path.cwd(), lesson_id) if lesson_id else None
        return read_experiment(notebook.metadata(path)) if path is not None else None
    except Exception:  # an unreadable notebook runs the lesson without its experiment
        log.exception("could not read the experiment of %s", lesson_id)
        return None


@lru_cache(maxsize=256)
def _load_cached(kind: str, path: str, mtime_ns: int, size: int):
    return attribute(KINDS[kind].loader)(path)


def load(kind: str, path: Path):
    """A content file of ``kind`` (a name in ``kit.components.KINDS``) read once per kernel while it is unchanged."""
    spec = KINDS[kind]
    try:
        stat = path.stat()
        key = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        key = (0, 0)  # missing: the loader says so, and the message is not cached
    for name in spec.beside:  # e.g. a router changes with the desks file beside it too
        beside = path.parent / name
        key = (max(key[0], beside.stat().st_mtime_ns if beside.exists() else 0), key[1])
    if spec.whole_folder:  # a folder: changes when any of its files does
        files = sorted(p for p in path.glob("*") if p.suffix.lower() in spec.suffixes) if path.is_dir() else []
        key = (max((f.stat().st_mtime_ns for f in files), default=0), len(files))
    return _load_cached(kind, str(path), *key)


def warm_content(lesson_id: str = "") -> None:
    """Read the content files lesson ``lesson_id`` uses now, ignoring the broken ones for later.

    The files are the ones its notebook's calls name (``kit.warmup.content_used``), and the facts;
    with no lesson id, or when its notebook cannot be read, every content file under datasets/.
    """
    from kit.text.ui import labels

    labels("ja")
    root = resolve("")
    files = None
    if lesson_id:
        from kit.warmup import content_used, notebook_for

        try:
            notebook = notebook_for(lesson_id)
            files = content_used(notebook) if notebook is not None else None
        except (OSError, ValueError):
            log.debug("could not read the notebook of %s", lesson_id, exc_info=True)
    if files is None:
        files = _every_content_file(root)
    for kind, file in [*files, ("facts", "facts")]:
        try:
            load(kind, resolve(file))
        except ContentError:
            pass  # shown to the teacher as a ProblemCard when the lesson gets there
        except Exception:  # warming up must never stop a lesson: the part is built (or reported) later
            log.warning("could not read %s ahead of the student", file, exc_info=True)


def _every_content_file(root: Path) -> list[tuple[str, Path]]:
    # Imports are most of a lesson's start-up cost: the components that read content, but not the
    # ones with a warm hook (numpy, scipy, an analyser), which a lesson that does not use them never pays for.
    for component in COMPONENTS.values():
        if component.kind is not None and component.warm is None:
            importlib.import_module(component.module)
    import kit.widgets.problem_card  # noqa: F401

    return lesson_files(root)


def _open_store():
    from kit.store import open_store  # imported when the first answer comes

    return open_store()


class Lesson:
    """A lesson being played by one student: its language, furigana, sitting (``kit.sitting``) and content."""

    def __init__(self, lesson_id: str, *, lang: str = "ja", furigana: bool = False,
                 params: dict[str, str] | None = None):
        params = request_params(lesson_id) if params is None else params
        self.id = lesson_id
        self.lang = params.get("lang") if params.get("lang") in ("ja", "en") else lang
        self.furigana = params.get("furigana", "1" if furigana else "0") in ("1", "true", "on", "yes")
        # Who answers: the link's class and nickname, then the browser's token (first one wins).
        self.sitting = Sitting(uuid.uuid4().hex, params.get("class", ""), params.get("name", ""), lesson=lesson_id,
                               open_store=_open_store)
        self.experiment = declared_experiment(lesson_id)  # on or off: an arm's parts show as its first arm when off
        self.sitting.experiment = self.experiment if self.experiment is not None and self.experiment.on else None
        self._facts = None
        self._feeds: dict = {}  # timeline file → the TimelineFeed shown, for timeline_spread

    @property
    def student(self) -> str:
        """The nickname answers are stored under (from the link, else from the browser)."""
        return self.sitting.student

    @property
    def class_code(self) -> str:
        """The class answers are stored under (from the link, else from the browser)."""
        return self.sitting.class_code

    @property
    def session(self) -> str:
        """The sitting's token: the kernel's own until the browser says its token."""
        return self.sitting.session

    # --- content -------------------------------------------------------------------------

    def quiz(self, file: str, *, group: str | None = None, phase: str = "practice"):
        """A Quiz over the bank ``file`` (relative to datasets/), or a ProblemCard if it is broken."""
        import ipywidgets as ipw

        from kit.widgets.quiz_card import Quiz

        def build():
            whole, problems = load("quiz", resolve(file))
            bank = whole.select(group=group)
            if not bank.questions:
                if problems:
                    raise ContentError(problems)
                raise ContentError.single(
                    file, f"group「{group}」の問題がありません。group の列を確かめてください。",
                    f"no questions in group '{group}'; check the group column.", field="group")
            self.sitting.expect(len(bank.questions))  # every form of it: a student answers one
            quiz = Quiz(bank, lang=self.lang, furigana=self.furigana, phase=phase, sitting=self.sitting, file=file)
            if not problems:
                return quiz
            # The sound questions stay playable; the teacher is told what to fix in the others.
            return ipw.VBox([self._problem(ContentError(problems), partial=True), quiz])

        return self._safely(build, file)

    def section(self, file: str, section_id: str, *, arm: str | None = None):
        """One section of the lesson text ``file`` with its fact cards; with ``arm``, for that arm of the experiment only."""
        from kit.widgets.fact_card import SectionView

        def build():
            section = load("text", resolve(file)).section(section_id)
            facts = self.facts()
            missing = [f for f in section.facts if f not in facts]
            if missing:
                raise ContentError.single(
                    file, f"事実 {', '.join(missing)} が datasets/facts にありません。id を直すか事実を加えてください。",
                    f"facts {', '.join(missing)} are not in datasets/facts; fix the ids or add the facts.",
                    place=section_id, field="facts")
            return SectionView(section, facts, lang=self.lang, furigana=self.furigana)

        if arm is not None:
            return self._for_arm(arm, lambda: self._safely(build, file))
        return self._safely(build, file)

    def sections(self, file: str):
        """Every section of the lesson text ``file``, one after another."""
        import ipywidgets as ipw

        try:
            text = load("text", resolve(file))
        except ContentError as exc:
            return self._problem(exc)
        return ipw.VBox([self.section(file, s.id) for s in text.sections])

    def title(self, file: str):
        """The lesson's title from its text file, as a heading."""
        import ipywidgets as ipw

        from kit.widgets._render import text_html

        def build():
            title = text_html(load("text", resolve(file)).title, self.lang, self.furigana)
            return ipw.HTML(f'<h1 class="nk-title" style="font-size:1.8rem;margin:0.2rem 0">{title}</h1>')

        return self._safely(build, file)

    def timeline(self, file: str, posts: list[str] | None = None):
        """The 「本当かな？」 timeline ``file`` (relative to datasets/), only ``posts`` if given, in that order."""
        from kit.widgets.timeline import TimelineFeed

        def build():
            timeline = load("timeline", resolve(file)).select(posts)
            facts = self.facts()
            missing = sorted({f for p in timeline.posts for f in p.sources if f not in facts})
            if missing:
                raise ContentError.single(
                    file, f"事実 {', '.join(missing)} が datasets/facts にありません。id を直すか事実を加えてください。",
                    f"facts {', '.join(missing)} are not in datasets/facts; fix the ids or add the facts.", field="sources")
            self.sitting.expect(2 * len(timeline.posts))  # a choice, and a decision after checking
            feed = TimelineFeed(timeline, facts=facts, lang=self.lang, furigana=self.furigana, sitting=self.sitting,
                                bank=file)
            self._feeds[file] = feed
            return feed

        return self._safely(build, file)

    def discernment(self, file: str, *, form: str, phase: str = "pre", reveal: bool = False,
                    pair: tuple[str, str] | None = None):
        """The 見分けるテスト: form ``form`` of the discernment file ``file``, each post judged 信じる or あやしい.

        Judgments are stored under ``phase`` ("pre", "post" or "delayed"); ``reveal`` shows each
        post's truth and clue once all are judged (after the lesson, never before it). Before and
        after the lesson ``form`` is this phase's form of a ``pair`` (by default the file's first two
        forms, a and b), declared for the first order: ``form="a"`` before and ``form="b"`` after.
        Half the class takes the pair the other way round, by the student's one order of forms in the
        lesson (the one a matched quiz uses too). A delayed test shows ``form`` to everyone.
        """
        from kit.widgets.discernment import DiscernmentFeed

        def build():
            feed = load("discernment", resolve(file))
            posts = feed.form(form)
            paired = (tuple(pair) if pair else feed.forms[:2]) if phase in ("pre", "post") else None
            self.sitting.expect(len(posts))
            return DiscernmentFeed(feed, form, phase=phase, reveal=reveal, lang=self.lang, furigana=self.furigana,
                                   sitting=self.sitting, bank=file, pair=paired)

        return self._safely(build, file)

    def lateral(self, file: str = default_file("lateral"), tasks: list[str] | None = None):
        """Lateral reading without internet: the tasks of ``file`` (relative to datasets/), only ``tasks`` if given."""
        from kit.widgets.lateral import LateralReading

        def build():
            lateral = load("lateral", resolve(file)).select(tasks)
            self.sitting.expect(len(lateral.tasks))
            return LateralReading(lateral, lang=self.lang, furigana=self.furigana, sitting=self.sitting, bank=file)

        return self._safely(build, file)

    def timeline_spread(self, file: str, network: str = "networks/school.json"):
        """How a rumour would spread at the share rate of this sitting (or class) on the timeline ``file``.

        Put it after ``lesson.timeline(file)``: its first button uses the choices just made there,
        the second the choices of every sitting of the class stored for this lesson.
        """
        from kit.models.networks import load_network
        from kit.widgets.class_spread import ClassSpread

        def build():
            feed = self._feeds.get(file)
            # the posts the student's timeline shows (``posts=`` of lesson.timeline), else the whole file
            timeline = feed.timeline if feed is not None else load("timeline", resolve(file))

            spread = ClassSpread(timeline, load_network(network), mine=feed.tally if feed is not None else None,
                                 class_answers=self.sitting.class_answers, class_code=self.class_code,
                                 lang=self.lang, furigana=self.furigana)
            self.sitting.on_identified(lambda sitting: spread.set_class(sitting.class_code))
            return spread

        return self._safely(build, file)

    def cascade_lab(self, network: str = "networks/school.json"):
        """The 高校生 class experiment: many cascades of a false and a true story, raw and size-matched."""
        from kit.models.networks import load_network
        from kit.widgets.cascade_lab import CascadeLab

        return self._safely(lambda: CascadeLab(load_network(network), lang=self.lang), network)

    def help(self, file: str = default_file("help"), audience: str = "children"):
        """Where to get help: the desks in ``file`` for ``audience``."""
        from kit.widgets.help_list import HelpList

        return self._safely(lambda: HelpList(load("help", resolve(file)), lang=self.lang, furigana=self.furigana,
                                                audience=audience), file)

    def scenario(self, file: str, *, role: str | None = None):
        """A role-play from ``file`` (under datasets/), played as ``role`` or as the student picks.

        ``role`` is poster, target or bystander; leave it out to let the student choose among the
        roles the file offers. Each choice is stored (phase "practice") before the story goes on.
        """
        from kit.widgets.scenario_player import ScenarioPlayer

        def build():
            scenario = load("scenario", resolve(file))
            self.sitting.expect(len(scenario.nodes))
            return ScenarioPlayer(scenario, role=role, lang=self.lang, furigana=self.furigana, sitting=self.sitting,
                                  bank=file)

        return self._safely(build, file)

    def help_router(self, file: str = default_file("help_router"), audience: str = "children"):
        """Where to get help, found by answering a few questions (法務省's guide chart, offline).

        Nothing the student chooses here is recorded. If the router file is broken, the plain list
        of desks (``help()``) is shown under the teacher's note, so a student always sees help.
        """
        import ipywidgets as ipw

        from kit.widgets.help_router import HelpRouter

        try:
            return HelpRouter(load("router", resolve(file)), lang=self.lang, furigana=self.furigana, audience=audience)
        except ContentError as exc:
            return ipw.VBox([self._problem(exc, partial=True), self.help(audience=audience)])
        except Exception:  # never a traceback for a student, and never a lesson end without help
            log.exception("lesson %s: could not build the help router from %s", self.id, file)
            return self.help(audience=audience)

    def download_rule_checker(self, file: str = default_file("download_rule_checker")):
        """A DownloadRuleChecker over the rules in ``file``: describe a case, predict, see the law."""
        from kit.widgets.download_rule_checker import DownloadRuleChecker

        def build():
            rules = load("law_rules", resolve(file))
            self.sitting.expect(len(rules.rules))
            return DownloadRuleChecker(rules, self.facts(), lang=self.lang, furigana=self.furigana,
                                       sitting=self.sitting, bank=file)

        return self._safely(build, file)

    def creator_income(self, **start):
        """The income model of one manga volume with sliders (``start`` overrides default values)."""
        from kit.models.parameters import ParamError
        from kit.widgets.creator_income_lab import CreatorIncomeLab

        def build():
            try:
                return CreatorIncomeLab(lang=self.lang, furigana=self.furigana, start=start)
            except ParamError as exc:  # a teacher's value in the notebook, told as the range to use
                raise ContentError(ContentProblem(f"lessons ({self.id})", "lesson.creator_income(...)", exc.name,
                                                  exc.ja, exc.en)) from None

        return self._safely(build, "creator_income")

    def estimate_explorer(self, file: str = default_file("estimate_explorer")):
        """The assumptions behind a published loss figure, as sliders, with the other figures."""
        from kit.widgets.estimate_explorer import EstimateExplorer

        return self._safely(lambda: EstimateExplorer(load("estimates", resolve(file)), self.facts(), lang=self.lang,
                                                     furigana=self.furigana), file)

    def post_checker(self, file: str = default_file("post_checker"), *, store_text: bool = False):
        """送る前に、ちょっと待って: a box to write a post and check it against the lexicon ``file``.

        What the student writes is not stored unless ``store_text=True`` (the teacher's choice, told
        to the student under the box); that a check happened and which kinds of problem it found are
        always recorded as a practice answer ``postchecker:<n>``.
        """
        from kit.widgets.post_checker import PostChecker

        def build():
            return PostChecker(load("lexicon", resolve(file)), lang=self.lang, furigana=self.furigana,
                               store_text=store_text, sitting=self.sitting, bank=file)

        return self._safely(build, file)

    def flaming_lab(self, *, seed: int = 0, **params):
        """The 炎上 simulator: sliders for ``kit.models.flaming`` and the same pile-on without and
        with reporting and muting. ``params`` set the sliders' starting values (e.g. ``join=0.1``);
        a value out of range shows a card that names the parameter and its range."""
        from kit.models.flaming import FlamingParams
        from kit.models.parameters import ParamError, checked
        from kit.widgets.flaming_lab import FlamingLab

        def build():
            try:
                start = checked(FlamingParams, params)
            except ParamError as exc:
                raise ContentError.single("flaming_lab", exc.ja, exc.en, field=exc.name) from None
            return FlamingLab(start, lang=self.lang, furigana=self.furigana, seed=seed)

        return self._safely(build, "flaming_lab")

    def feed_lab(self, file: str = default_file("feed_lab"), *, seed: int = 0, **params):
        """The recommendation lab: a feed that maximises clicks narrowing beside a mixed one, with the
        platform's ad money. ``file`` words the posts (``datasets/feeds``); ``params`` set the starting
        values (``like="music"``); a value out of range shows a card naming the parameter and its range."""
        from kit.models.feed import FeedParams
        from kit.models.parameters import ParamError, checked
        from kit.widgets.feed_lab import FeedLab

        def build():
            try:
                start = checked(FeedParams, params)
            except ParamError as exc:
                raise ContentError.single("feed_lab", exc.ja, exc.en, field=exc.name) from None
            return FeedLab(load("feed", resolve(file)), start, lang=self.lang, furigana=self.furigana, seed=seed)

        return self._safely(build, file)

    def law_walk(self, file: str = default_file("law_walk")):
        """A step-by-step walk through a procedure (e.g. 発信者情報開示命令), a question at each step.

        Answers are stored (phase "practice") before their feedback; facts are shown with source and date.
        """
        from kit.content.law import missing_facts
        from kit.widgets.law_walk import LawWalkView

        def build():
            walk = load("law_walk", resolve(file))
            facts = self.facts()
            problems = missing_facts(walk, facts)
            if problems:
                raise ContentError(problems)
            self.sitting.expect(len(walk.steps))
            return LawWalkView(walk, facts, lang=self.lang, furigana=self.furigana, sitting=self.sitting, bank=file)

        return self._safely(build, file)

    def law_card(self, *cards: str, file: str = default_file("law_card")):
        """Law cards by id (``lesson.law_card("defamation", "insult")``): when the law applies, its penalty from the facts, dates."""
        import ipywidgets as ipw

        from kit.content.law import missing_facts
        from kit.widgets.law_walk import LawCardView

        def build(card: str):
            chosen = load("law_cards", resolve(file)).card(card)
            facts = self.facts()
            cards_file = load("law_cards", resolve(file))
            problems = [p for p in missing_facts(cards_file, facts) if p.place == f"カード「{card}」"]
            if problems:
                raise ContentError(problems)
            return LawCardView(chosen, facts, lang=self.lang, furigana=self.furigana)

        shown = [self._safely(lambda c=c: build(c), file) for c in cards]
        return shown[0] if len(shown) == 1 else ipw.VBox(shown)

    def law_cards(self, file: str = default_file("law_cards")):
        """Every law card in ``file``, one after another."""
        import ipywidgets as ipw

        try:
            cards = load("law_cards", resolve(file))
        except ContentError as exc:
            return self._problem(exc)
        return ipw.VBox([self.law_card(c.id, file=file) for c in cards.cards])

    def spread_lab(self, network: str = "networks/class.json", *, compare: bool = True,
                   sliders: tuple[str, ...] | None = None, network_seed: int = 0, **params):
        """A SpreadLab: a false story and its correction on ``network``, with sliders.

        ``network`` is a file under datasets (``"networks/school.json"``) or a generated network
        (``"scale-free:1000"``, ``"small-world:1000"``, seeded by ``network_seed``). Keyword
        arguments set the starting values (``share_false=0.4``, ``nudge=0.2``); ``sliders`` names
        the ones a student may move (default: all). A value out of range shows a card naming it.
        """
        from kit.models.parameters import ParamError, checked
        from kit.models.spread import Params, load_network
        from kit.widgets.spread_lab import SpreadLab

        def build():
            net = load_network(network, seed=network_seed)
            try:
                return SpreadLab(net, checked(Params, params), lang=self.lang, furigana=self.furigana,
                                 compare=compare, sliders=sliders)
            except ParamError as exc:
                raise ContentError.single(f"lesson {self.id}", exc.ja, exc.en, place="spread_lab", field=exc.name) from None

        return self._safely(build, network)

    def manipulator_game(self, file: str = default_file("manipulator_game"), *, seed: int = 0, **params):
        """「だます側になってみよう」: the game ``file`` (under datasets/), played on a fictional account.

        ``params`` set where the account starts and how many readers check (``followers=50``,
        ``credibility=50``, ``checkers=0.5``; ``kit.models.manipulator``); a value out of range shows a
        card naming it. Each choice is stored (phase "practice") before what it did is shown.
        """
        from kit.models.manipulator import ManipulatorParams
        from kit.models.parameters import ParamError, checked
        from kit.widgets.manipulator_game import ManipulatorGame

        def build():
            game = load("game", resolve(file))
            try:
                start = checked(ManipulatorParams, params)
            except ParamError as exc:
                raise ContentError.single(f"lesson {self.id}", exc.ja, exc.en, place="manipulator_game",
                                          field=exc.name) from None
            self.sitting.expect(len(game.stages))
            return ManipulatorGame(game, start, seed=seed, lang=self.lang, furigana=self.furigana,
                                   sitting=self.sitting, bank=file)

        return self._safely(build, file)

    def facts(self) -> dict:
        """Every fact in datasets/facts (read once per lesson)."""
        if self._facts is None:
            self._facts = load("facts", resolve("facts"))
        return self._facts

    # --- errors --------------------------------------------------------------------------

    def _for_arm(self, arm: str, make):
        """The part ``make()`` builds, for the students of ``arm`` of the lesson's class experiment only.

        While the experiment is off (``netkit experiment off``), the lesson is as its first arm sees it:
        the part is there for the first arm and left out for the other. While it is on, the part waits
        empty and hidden until the student joins and their arm is known (``Sitting.assigned``), then is
        built and shown for that arm only; the page never names an arm, and the other arm's part is never sent.
        A notebook whose ``arm=`` names no declared arm (``netkit validate`` says so) shows the part.
        """
        import ipywidgets as ipw

        experiment = self.experiment
        if experiment is None or arm not in experiment.arm_ids:
            return make()
        if not experiment.on:
            return make() if arm == experiment.arm_ids[0] else None
        box = ipw.Box([], layout=ipw.Layout(display="none"))

        def place(sitting) -> None:
            try:
                if sitting.assigned(experiment.design, experiment.arm_ids) == arm:
                    box.children = (make(),)
                    box.layout.display = None
            except Exception:  # never a traceback for a student: the lesson goes on without this part
                log.exception("lesson %s: could not place a part of arm %s", self.id, arm)

        if self.sitting.identified:
            place(self.sitting)
        else:
            self.sitting.on_identified(place)
        return box

    def _safely(self, build, file: str):
        try:
            return build()
        except ContentError as exc:
            return self._problem(exc)
        except Exception as exc:  # never a traceback for a student
            log.exception("lesson %s: could not build from %s", self.id, file)
            return self._problem(ContentError(ContentProblem(
                display_name(Path(file)), "", "", f"読み込めませんでした（{type(exc).__name__}: {exc}）。",
                f"could not be loaded ({type(exc).__name__}: {exc}).")))

    def _problem(self, error: ContentError, partial: bool = False):
        from kit.widgets.problem_card import ProblemCard

        log.warning("lesson %s: %s", self.id, error)
        return ProblemCard(error, lang=self.lang, partial=partial)
