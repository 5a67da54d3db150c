"""FeedLab: what a student likes, a recommended timeline narrowing and growing more extreme, and a mixed one beside it.

A lab on the shell of ``kit.widgets.lab``: the controls come from ``FeedParams``' spec (the likes
and the number of rounds first, the model's assumptions — how much outrage draws clicks, how fast
the recommender follows clicks, the ad money per hour — under a disclosure, each marked as an
assumption). Every change reruns ``kit.models.feed.simulate`` on the kept pool of posts (10,000
by default; ``benchmarks/feedlab.py`` times it) and sends ``view_data``: per feed a few post cards
of the last round, worded from the feed file (``kit.content.feed``), and its figures; the two
charts as numbers (extremeness and topic variety per round), which ``widgets/feed_lab.js`` draws
as SVG with a table beside them; and what changed and what the platform earned, as sentences.
"""

from __future__ import annotations

from functools import cache

import traitlets

from kit.content.feed import LEVELS, Feed, worded_level
from kit.content.text import Text
from kit.models.feed import SOURCES, TOPICS, FeedParams, FeedResult, FeedRun, make_pool, simulate
from kit.models.parameters import spec
from kit.text.numbers import amount
from kit.text.ui import label, labels
from kit.widgets.lab import Lab, lab_asset

MAIN = ("like", "also_like", "rounds")  # what a student sets; the rest are the model's assumptions
CARDS = 4  # post cards shown per feed


def warm() -> None:
    """Build the default pool and run the model once (``kit.warmup`` calls this in a preheated kernel)."""
    simulate(FeedParams(), 0)


def _both(key: str, **values) -> Text:
    ja, en = _words("ja"), _words("en")
    return Text(ja[key].format(**values), en[key].format(**values))


@cache
def _words(lang: str) -> dict:
    return labels(lang)


def _label(key: str, lang: str, **values) -> str:
    return _words(lang)[key].format(**values)


def _pct(share: float) -> str:
    return f"{round(share * 100)}%"


def _points(value: float) -> int:
    return round(value * 100)


class FeedLab(Lab):
    """Likes and assumptions as controls; two timelines, two charts, the money, recomputed on every change."""

    params_class = FeedParams
    BUTTONS = (("reset", "fd_reset", "nk-fd-reset"),)
    RUBY_LABELS = ("fd_reset", "fd_more", "fd_table")
    SOURCES = True

    _esm = traitlets.Unicode(lab_asset("feed_lab.js")).tag(sync=True)
    _css = traitlets.Unicode(lab_asset("feed_lab.css")).tag(sync=True)

    view = traitlets.Dict(help="Both timelines' cards and figures, the charts' numbers and the summary (view_data).").tag(sync=True)

    def __init__(self, feed: Feed, params: FeedParams | None = None, *, lang: str = "ja", furigana: bool = False,
                 seed: int = 0, **kwargs):
        self.feed, self.seed = feed, seed
        self.result: FeedResult | None = None
        names = sorted((s.name for s in FeedParams.specs() if s.slider),
                       key=lambda n: MAIN.index(n) if n in MAIN else len(MAIN))
        super().__init__(params, lang=lang, furigana=furigana, names=tuple(names),
                         title=_both("fd_title"), lead=_both("fd_lead"), **kwargs)
        self.changed()

    def group_list(self):
        return [("main", "", "plain"), ("more", label("fd_more", self._lang), "details")]

    def group_of(self, s):
        return "main" if s.name in MAIN else "more"

    def _control(self, s):
        control = super()._control(s)
        if s.name in MAIN:  # a student's own choice, not an assumption of the model
            control.pop("assumption", None)
            control.pop("source_html", None)
        return control

    def changed(self) -> None:
        """Rerun both feeds with the parameters in use and send what the browser draws."""
        self.result = simulate(self.params, self.seed, make_pool(self.params.posts, self.seed))
        self.view = view_data(self.result, self.feed, self._lang, self._html)

    def run(self) -> FeedResult:
        """The last result (the lab reruns on every change; a teacher's code may call this to read it)."""
        return self.result


def view_data(result: FeedResult, feed: Feed, lang: str, html) -> dict:
    """What the browser draws, as data and kernel-made HTML (``html`` turns a ``Text`` into safe HTML)."""
    params = result.params
    panels = [_panel(key, run, result, feed, lang, html) for key, run in (("recommended", result.recommended),
                                                                          ("mixed", result.mixed))]
    rec, mix = result.recommended, result.mixed
    rate = amount(params.ad_yen_per_hour, lang, "円", "yen")
    change = _both("fd_change", rounds=params.rounds, topics_first=_pct(rec.topic_diversity[0]),
                   topics=_pct(rec.topic_diversity[-1]), extreme_first=_points(rec.extremeness[0]),
                   extreme=_points(rec.extremeness[-1]), mixed_topics=_pct(mix.topic_diversity[-1]),
                   mixed_extreme=_points(mix.extremeness[-1]))
    earned = _both("fd_earned", yen=_yen(rec.total_yen, lang), mixed_yen=_yen(mix.total_yen, lang), rate=rate)
    rounds = list(range(1, params.rounds + 1))
    return {
        "panels": panels,
        "chart": {
            "rounds": rounds, "x_label": _label("fd_axis_round", lang), "table_label": _label("fd_table", lang),
            "charts": [
                {"key": "extreme", "title": _label("fd_chart_extreme", lang), "top": 100,
                 "series": [{"key": key, "name": _label(f"fd_{key}", lang),
                             "values": [_points(v) for v in run.extremeness]} for key, run in (("recommended", rec), ("mixed", mix))]},
                {"key": "topics", "title": _label("fd_chart_topics", lang), "top": 100,
                 "series": [{"key": key, "name": _label(f"fd_{key}", lang),
                             "values": [round(v * 100) for v in run.topic_diversity]} for key, run in (("recommended", rec), ("mixed", mix))]},
            ],
        },
        "summary": [html(change), html(earned), html(_both("fd_model_note"))],
    }


def _yen(value: float, lang: str) -> str:
    return f"{value:.1f}円" if lang == "ja" else f"{value:.1f} yen"


def _panel(key: str, run: FeedRun, result: FeedResult, feed: Feed, lang: str, html) -> dict:
    pool = result.pool
    last = run.shown[-1][:CARDS]
    clicked = run.clicked[-1][:CARDS]
    used: list = []
    cards = []
    for post, hit in zip(last.tolist(), clicked.tolist(), strict=True):
        topic, source = TOPICS[pool.topic[post]], SOURCES[pool.source[post]]
        level = worded_level(source, LEVELS[pool.band(post)])  # no clickbait from a city or a newspaper
        # the author fits the words: an account that posts about the topic, a wording in its kind's voice
        wording, account = feed.wording(topic, level, post, avoid=used, source=source), feed.account(source, post, topic)
        used.append(wording)  # two cards of one feed read the same only when the file has no other wording
        cards.append({
            "post": post, "name_html": html(account.name), "handle": account.handle, "badge": account.badge,
            "badge_label": _label(f"fd_badge_{account.badge}", lang) if account.badge != "none" else "",
            "source": source, "source_label": _label(f"fd_source_{source}", lang),
            "topic_label": spec(FeedParams, "like").choice_labels[TOPICS.index(topic)].get(lang),
            "level": level, "level_label": _label(f"fd_level_{level}", lang),
            "text_html": html(wording.text), "clicked": bool(hit)})
    facts = [html(_both("fd_facts", topics=_pct(run.topic_diversity[-1]), topics_first=_pct(run.topic_diversity[0]),
                        sources=_pct(run.source_diversity[-1]), extreme=_points(run.extremeness[-1]),
                        extreme_first=_points(run.extremeness[0]))),
             html(_both("fd_money", minutes=f"{run.total_minutes:.0f}", clicks=int(run.clicks.sum()),
                        yen=_yen(run.total_yen, lang)))]
    return {"key": key, "name": _label(f"fd_{key}", lang),
            "round_label": _label("fd_last_round", lang, round=len(run.shown), n=len(cards)),
            "cards": cards, "facts": facts}

