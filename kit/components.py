"""What a lesson component is: one registry line per ``Lesson`` method, one per kind of content file.

A line says which kind of content file the method reads (and so its loader and its folder under
datasets/), the file it reads when the notebook names none, where that file sits among the call's
arguments, the widget it builds, the function that warms it in a preheated kernel, the check
``netkit validate`` makes of a call's constant arguments and, for a component that stores answers,
the first part of its item ids and the function that puts a stored answer in a teacher's words. ``Lesson``, the warm-up, ``netkit
validate``, the printed pages and the catalogue all read it here.

Modules, classes and functions are written as text (``"module:name"``) and imported only when
used, so reading the registry imports nothing: a student's kernel, the server and ``netkit
validate`` read it without ipywidgets, numpy or pandas.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path

CONTENT_SUFFIXES = (".csv", ".tsv", ".xlsx", ".yaml", ".yml")
YAML = (".yaml", ".yml")


@dataclass(frozen=True)
class Kind:
    """A kind of content file: how it is read and where it lives."""

    name: str
    loader: str  # "module:function" a lesson reads one file with (for facts: the folder)
    folder: str  # under datasets/
    prefix: str = ""  # in a folder several kinds share, this kind's file names start with it
    suffixes: tuple[str, ...] = CONTENT_SUFFIXES
    strict: str = ""  # the loader ``netkit validate`` uses, when the lesson's keeps the sound part of a broken file
    facts: str = ""  # "module:function" (content, facts) -> problems: the fact ids the file names, checked
    params: str = ""  # "module:function" (content) -> problems: values the file gives a model, checked as the model checks them
    beside: tuple[str, ...] = ()  # files next to it that its loader reads too (a change to them is a change)
    whole_folder: bool = False  # read as one folder, not file by file


@dataclass(frozen=True)
class Component:
    """What one ``Lesson`` method builds."""

    method: str
    widget: str  # "module:Class" of what it shows
    kind: str | None = None  # the kind of content file it reads from its ``file`` argument
    file: str | None = None  # the file it reads when the notebook names none
    file_at: int | None = 0  # where ``file`` sits among the positional arguments (None: by keyword only)
    warm: str | None = None  # "module:function" run once in a preheated kernel before its student arrives
    check: str | None = None  # "module:function" (notebook name, place, call, content, datasets) -> problems
    root: str = field(default="", kw_only=True)  # CSS selector of what it puts on the page (its root element)
    records: str | None = field(default=None, kw_only=True)  # item ids of its stored answers start "<records>:" ("": a quiz's bare ids); None: stores none
    describe: str | None = field(default=None, kw_only=True)  # "module:function" (content, item, response, lang) -> Described: a stored answer for the teacher
    scored: bool = field(default=True, kw_only=True)  # False: its stored "correct" means neither right nor wrong

    @property
    def module(self) -> str:
        """The module of the widget (imported to warm a preheated kernel)."""
        return self.widget.partition(":")[0]

    @property
    def loader(self) -> str | None:
        """The loader of the content file it reads, as ``"module:function"``."""
        return KINDS[self.kind].loader if self.kind else None

    def file_of(self, args: tuple, kwargs: dict) -> object:
        """The file a call with these arguments reads: named by keyword, by position, else the default."""
        if "file" in kwargs:
            return kwargs["file"]
        if self.file_at is not None and len(args) > self.file_at:
            return args[self.file_at]
        return self.file


def _kinds(*kinds: Kind) -> dict[str, Kind]:
    return {k.name: k for k in kinds}


def _components(*components: Component) -> dict[str, Component]:
    return {c.method: c for c in components}


_C = "kit.content."
_W = "kit.widgets."
_CHECK = "kit.content.check:"
_D = "kit.analysis.describe."

# Files are found folder by folder in this order; in a shared folder a kind with a prefix claims its files first.
KINDS: dict[str, Kind] = _kinds(
    Kind("quiz", _C + "quiz:read_quiz", "quizzes", strict=_C + "quiz:load_quiz", facts=_C + "quiz:source_problems"),
    Kind("text", _C + "lesson_text:load_lesson_text", "texts", facts=_C + "lesson_text:fact_problems"),
    Kind("router", _C + "router:load_router", "help", prefix="router", beside=("desks.yaml",)),
    Kind("help", _C + "help:load_help", "help"),
    Kind("scenario", _C + "scenario:load_scenario", "scenarios"),
    Kind("lexicon", _C + "lexicon:load_lexicon", "lexicon", suffixes=YAML),
    Kind("law_cards", _C + "law:load_law_cards", "law", prefix="cards", facts=_C + "law:fact_problems"),
    Kind("law_walk", _C + "law:load_law_walk", "law", facts=_C + "law:fact_problems"),
    Kind("law_rules", _C + "law_rules:load_law_rules", "law_rules", facts=_C + "law_rules:fact_problems"),
    Kind("estimates", _C + "estimates:load_estimates", "estimates", facts=_C + "estimates:fact_problems",
         params="kit.models.lab_settings:assumption_problems"),
    Kind("timeline", _C + "timeline:load_timeline", "timelines", facts=_C + "timeline:fact_problems"),
    Kind("discernment", _C + "discernment:load_discernment", "discernment"),
    Kind("game", _C + "manipulator:load_game", "games", suffixes=YAML),
    Kind("feed", _C + "feed:load_feed", "feeds"),
    Kind("lateral", _C + "lateral:load_lateral", "lateral", suffixes=YAML),
    Kind("facts", _C + "facts:load_all_facts", "facts", suffixes=YAML, whole_folder=True),
)

# One line per Lesson method.
COMPONENTS: dict[str, Component] = _components(
    Component("title", "ipywidgets:HTML", "text", root=".nk-title"),
    Component("section", _W + "fact_card:SectionView", "text", check=_CHECK + "section_problems", root=".nk-section"),
    Component("sections", _W + "fact_card:SectionView", "text", root=".nk-section"),
    Component("quiz", _W + "quiz_card:Quiz", "quiz", check=_CHECK + "group_problems", root=".nk-quiz-card",
              records="", describe=_D + "quiz:describe"),
    Component("help", _W + "help_list:HelpList", "help", "help/desks.yaml", root=".nk-help"),
    Component("help_router", _W + "help_router:HelpRouter", "router", "help/router.yaml", root=".nk-help-router"),
    Component("scenario", _W + "scenario_player:ScenarioPlayer", "scenario", check=_CHECK + "role_problems", root=".nk-scenario",
              records="scenario", describe=_D + "scenario:describe"),
    Component("timeline", _W + "timeline:TimelineFeed", "timeline", check=_CHECK + "post_problems", root=".nk-tl",
              records="timeline", describe=_D + "timeline:describe"),
    Component("discernment", _W + "discernment:DiscernmentFeed", "discernment", check=_CHECK + "form_problems", root=".nk-dc",
              records="discern", describe=_D + "discernment:describe"),
    Component("lateral", _W + "lateral:LateralReading", "lateral", "lateral/who_is_behind.yaml",
              check=_CHECK + "task_problems", root=".nk-lr", records="lateral", describe=_D + "lateral:describe"),
    Component("timeline_spread", _W + "class_spread:ClassSpread", "timeline", warm=_W + "class_spread:warm", root=".nk-cs"),
    Component("post_checker", _W + "post_checker:PostChecker", "lexicon", "lexicon/lexicon.yaml",
              warm=_W + "post_checker:warm", root=".nk-post-checker", records="postchecker",
              describe=_D + "post_checker:describe", scored=False),
    Component("law_walk", _W + "law_walk:LawWalkView", "law_walk", "law/identified.yaml", root=".nk-law-walk",
              records="law", describe=_D + "law_walk:describe"),
    Component("law_card", _W + "law_walk:LawCardView", "law_cards", "law/cards.yaml", file_at=None,
              check=_CHECK + "card_problems", root=".nk-law-card"),
    Component("law_cards", _W + "law_walk:LawCardView", "law_cards", "law/cards.yaml", root=".nk-law-card"),
    Component("download_rule_checker", _W + "download_rule_checker:DownloadRuleChecker", "law_rules",
              "law_rules/download_rule.yaml", root=".nk-drc", records="download_rule_checker",
              describe=_D + "download_rule:describe"),
    Component("estimate_explorer", _W + "estimate_explorer:EstimateExplorer", "estimates",
              "estimates/piracy_losses.yaml", root=".nk-lab"),
    Component("creator_income", _W + "creator_income_lab:CreatorIncomeLab",
              check="kit.models.lab_settings:creator_income_problems", root=".nk-lab"),
    Component("flaming_lab", _W + "flaming_lab:FlamingLab", warm=_W + "flaming_lab:warm",
              check="kit.models.lab_settings:flaming_problems", root=".nk-flaming-lab"),
    Component("spread_lab", _W + "spread_lab:SpreadLab", warm=_W + "spread_lab:warm",
              check="kit.models.lab_settings:spread_lab_problems", root=".nk-spread"),
    Component("cascade_lab", _W + "cascade_lab:CascadeLab", warm=_W + "cascade_lab:warm", root=".nk-ce"),
    Component("manipulator_game", _W + "manipulator_game:ManipulatorGame", "game", "games/manipulator.yaml",
              check="kit.models.lab_settings:manipulator_problems", root=".nk-mg", records="game",
              describe=_D + "game:describe", scored=False),
    Component("feed_lab", _W + "feed_lab:FeedLab", "feed", "feeds/everyday.yaml", warm=_W + "feed_lab:warm",
              check="kit.models.lab_settings:feed_lab_problems", root=".nk-feed-lab"),
)


def default_file(method: str) -> str:
    """The file ``Lesson.<method>`` reads when the notebook names none (the registry is its one home)."""
    file = COMPONENTS[method].file
    if file is None:
        raise KeyError(f"{method} has no default file")
    return file


def attribute(path: str):
    """The object a ``"module:name"`` text names, its module imported now."""
    module, _, name = path.partition(":")
    return getattr(importlib.import_module(module), name)


def content_files(folder: Path) -> list[Path]:
    """The content files (CSV, XLSX, YAML) under ``folder``, skipping hidden files and Excel's lock files."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in CONTENT_SUFFIXES
                  and not p.name.startswith((".", "~$")))


def kind_of(folder: str, path: Path) -> str | None:
    """The kind of the content file ``path`` in ``datasets/<folder>`` (None: no lesson reads it, e.g. labelled posts)."""
    candidates = [k for k in KINDS.values() if k.folder == folder and not k.whole_folder
                  and path.suffix.lower() in k.suffixes]
    for kind in candidates:
        if kind.prefix and path.name.startswith(kind.prefix):
            return kind.name
    return next((k.name for k in candidates if not k.prefix), None)


def lesson_files(datasets: Path) -> list[tuple[str, Path]]:
    """``(kind, path)`` of every file under ``datasets`` that a lesson can read, folder by folder (facts aside)."""
    folders = dict.fromkeys(k.folder for k in KINDS.values() if not k.whole_folder)
    found = []
    for folder in folders:
        for path in content_files(datasets / folder):
            kind = kind_of(folder, path)
            if kind is not None:
                found.append((kind, path))
    return found
