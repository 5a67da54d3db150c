"""Feed model: a recommender that maximises predicted engagement, beside a feed that mixes sources.

A seeded pool of fictional posts (``make_pool``): each has a topic, a source kind (official, news,
friend, anonymous, look-alike), an extremeness from 0 (calm) to 1 (outrage) whose spread depends on
the source, and an appeal (how eye-catching it is, known to the platform). A simulated student
likes one or two topics and clicks a shown post with probability ``CLICK_BASE × interest × appeal ×
(1 + (extreme_pull − 1) × extremeness)`` — the assumption that outrage draws clicks is the
``extreme_pull`` parameter, not a fact. Each round the recommender draws ``feed_size`` unseen posts
with probability rising with its predicted engagement (a Gumbel top-k draw: mostly what it predicts
best, with some exploration); predicted engagement is its topic score × appeal × (1 + its learnt
extremeness weight × extremeness). It starts from the student's stated likes, and after each round
it moves its topic scores toward the topics clicked and its extremeness weight toward whatever was
clicked more than shown, at the rate ``follow_clicks``: the feedback loop. The mixed feed shows, in
turn, every topic and every source kind, whatever is predicted. Both are measured per round: topic
and source diversity (Shannon entropy over the round's posts, 0 = one kind only, 1 = all alike),
mean extremeness, clicks, minutes of attention (a glance per post shown, reading time per click) and
what the platform earns from them (minutes × the ``ad_yen_per_hour`` assumption). Pure numpy, no
Python loop over posts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from kit.models.parameters import ModelParams, choice, param

TOPICS = ("sports", "games", "music", "animals", "food", "science")
SOURCES = ("official", "news", "friend", "anonymous", "lookalike")
SOURCE_SHARE = (0.10, 0.25, 0.30, 0.25, 0.10)  # how many posts of the pool come from each kind of source
# Extremeness ~ Beta(a, b) by source kind: official and news posts are mostly calm, anonymous ones
# spread out, look-alike accounts (made to be shared) lean to outrage. Illustrative, not measured.
SOURCE_EXTREMENESS = ((1.2, 6.0), (1.5, 5.0), (1.5, 4.0), (2.5, 2.5), (3.0, 2.0))
CLICK_BASE = 0.25  # chance of a click on a calm, ordinary post of a topic the student likes most
LIKED, ALSO_LIKED, OTHER = 1.0, 0.7, 0.15  # the simulated student's interest in topics
PRIOR = {LIKED: 2.0, ALSO_LIKED: 1.5, OTHER: 1.0}  # the recommender's starting topic scores from stated likes
SHARPNESS = 1.5  # how strongly the recommender first prefers what it predicts best (0 would be random)
SURER = 0.5  # how much surer (less exploring) it gets per round, times ``follow_clicks``
EXTREME_LEARNING = 30.0  # extremeness weight per unit by which clicked posts are more extreme than shown ones
EVIDENCE = 10  # clicks at which the click evidence on extremeness counts half
LEVELS = 100  # the recommender reads extremeness in hundredths
BANDS = (0.33, 0.66)  # extremeness below the first is calm, below the second strong, else extreme


@dataclass(frozen=True)
class FeedParams(ModelParams):
    """The student's likes, the assumptions of the loop and of the ad money; labels in params.yaml (``feed``)."""

    TEXT = "feed"

    like: str = choice("games", TOPICS)
    also_like: str = choice("animals", ("none", *TOPICS))
    extreme_pull: float = param(3.0, 1.0, 5.0, 0.5)
    follow_clicks: float = param(0.5, 0.0, 1.0, 0.05, percent=True)
    rounds: int = param(10, 3, 30, 1)
    ad_yen_per_hour: int = param(30, 0, 300, 10)
    posts: int = param(10000, 1000, 20000, 1000, slider=False)
    feed_size: int = param(10, 4, 20, 1, slider=False)
    glance_seconds: int = param(5, 1, 30, 1, slider=False)
    read_seconds: int = param(40, 5, 180, 5, slider=False)


# The largest rounds and feed size FeedParams allows: a pool draws its random numbers for them.
MAX_ROUNDS = FeedParams.__dataclass_fields__["rounds"].metadata["max"]
MAX_FEED = FeedParams.__dataclass_fields__["feed_size"].metadata["max"]


@dataclass(frozen=True)
class Pool:
    """The fictional posts: per post its topic and source index, extremeness (0–1) and appeal (>0)."""

    topic: np.ndarray
    source: np.ndarray
    extremeness: np.ndarray
    appeal: np.ndarray
    seed: int
    draw: np.ndarray  # per post, the uniform draw its click chance is compared with (the same in both feeds)
    noise: np.ndarray  # float32 (MAX_ROUNDS, size): the recommender's exploration (Gumbel noise) per round
    mixed_order: np.ndarray  # the mixed feed's posts in the order it shows them, MAX_ROUNDS × MAX_FEED long

    def __len__(self) -> int:
        return len(self.topic)

    def band(self, post: int) -> int:
        """0 calm, 1 strong, 2 extreme: which kind of wording a post card shows."""
        return int(np.searchsorted(BANDS, self.extremeness[post], side="right"))


@lru_cache(maxsize=8)
def make_pool(size: int, seed: int = 0) -> Pool:
    """``size`` posts drawn from ``seed``, with every random draw a run needs (so a slider change draws
    nothing: a pool is kept, and the same arguments give the same pool)."""
    rng = np.random.default_rng([seed, 1])
    topic = rng.integers(0, len(TOPICS), size).astype(np.int8)
    source = rng.choice(len(SOURCES), size, p=SOURCE_SHARE).astype(np.int8)
    a = np.array([ab[0] for ab in SOURCE_EXTREMENESS])[source]
    b = np.array([ab[1] for ab in SOURCE_EXTREMENESS])[source]
    extremeness = rng.beta(a, b)
    appeal = rng.lognormal(0.0, 0.3, size)
    draw = np.random.default_rng([seed, 2]).random(size)
    # Gumbel noise as -log(Exp(1)): the exponential sampler is far cheaper than rng.gumbel.
    noise = (-np.log(np.random.default_rng([seed, 3]).standard_exponential((MAX_ROUNDS, size)))).astype(np.float32)
    order = _mixed_order(topic, source, np.random.default_rng([seed, 4]), MAX_ROUNDS * MAX_FEED)
    for array in (topic, source, extremeness, appeal, draw, noise, order):
        array.setflags(write=False)
    return Pool(topic, source, extremeness, appeal, seed, draw, noise, order)


def _mixed_order(topic: np.ndarray, source: np.ndarray, rng, length: int) -> np.ndarray:
    """Every (topic, source) pair in turn, a random post of that pair each time; any post once a pair runs out."""
    order = rng.permutation(len(topic))
    pairs = len(TOPICS) * len(SOURCES)
    pair = (topic.astype(np.int64) * len(SOURCES) + source)[order]
    ranked = np.argsort(pair, kind="stable")
    by_pair = order[ranked].tolist()
    ends = np.searchsorted(pair[ranked], np.arange(pairs), side="right").tolist()
    next_of = [0, *ends[:-1]]  # where each pair's next post is in by_pair
    spare = iter(order.tolist())
    seen = np.zeros(len(topic), bool)
    picks = []
    for slot in range(min(length, len(topic))):
        # slot → (topic, source): 30 slots in a row visit every pair once
        p = (slot % len(TOPICS)) * len(SOURCES) + (slot // len(TOPICS) + slot) % len(SOURCES)
        post = None
        while post is None and next_of[p] < ends[p]:
            candidate = by_pair[next_of[p]]
            next_of[p] += 1
            post = None if seen[candidate] else candidate
        if post is None:
            post = next(c for c in spare if not seen[c])
        seen[post] = True
        picks.append(post)
    return np.array(picks, dtype=np.int64)


@dataclass(frozen=True)
class FeedRun:
    """One feed over the rounds: the posts shown each round and what they add up to."""

    shown: tuple[np.ndarray, ...]  # post indices shown, per round, in feed order
    clicked: tuple[np.ndarray, ...]  # bool per shown post
    topic_diversity: np.ndarray  # 0–1 per round
    source_diversity: np.ndarray
    extremeness: np.ndarray  # mean per round
    clicks: np.ndarray
    minutes: np.ndarray
    yen: np.ndarray

    @property
    def total_minutes(self) -> float:
        return float(self.minutes.sum())

    @property
    def total_yen(self) -> float:
        return float(self.yen.sum())


@dataclass(frozen=True)
class FeedResult:
    """The recommended feed and the mixed feed, from the same pool and the same student."""

    params: FeedParams
    pool: Pool
    recommended: FeedRun
    mixed: FeedRun
    topic_scores: np.ndarray  # the recommender's topic scores after the last round (sums to 1)
    extreme_weight: float  # its learnt extremeness weight after the last round


def interest(params: FeedParams) -> np.ndarray:
    """The simulated student's interest in each topic, from what they said they like."""
    out = np.full(len(TOPICS), OTHER)
    if params.also_like != "none":
        out[TOPICS.index(params.also_like)] = ALSO_LIKED
    out[TOPICS.index(params.like)] = LIKED
    return out


def click_chance(pool: Pool, params: FeedParams) -> np.ndarray:
    """Per post, the chance the student clicks it when shown (outrage draws clicks by ``extreme_pull``)."""
    pull = 1.0 + (params.extreme_pull - 1.0) * pool.extremeness
    return np.minimum(0.95, CLICK_BASE * interest(params)[pool.topic] * pool.appeal * pull)


def diversity(values: np.ndarray, kinds: int) -> float:
    """Shannon entropy of ``values`` (ints below ``kinds``) over log(kinds): 0 one kind only, 1 all equally."""
    if len(values) == 0:
        return 0.0
    p = np.bincount(values, minlength=kinds) / len(values)
    p = p[p > 0]
    return max(0.0, float(-(p * np.log(p)).sum() / np.log(kinds)))


def simulate(params: FeedParams, seed: int = 0, pool: Pool | None = None) -> FeedResult:
    """Both feeds for ``params``; the pool and the student's clicks come from ``seed`` (same seed, same result)."""
    pool = pool if pool is not None else make_pool(params.posts, seed)
    # Common random numbers: a post the student would click in one feed is clicked in the other too.
    would_click = pool.draw < click_chance(pool, params)
    recommended, scores, weight = _recommended(pool, params, would_click)
    mixed = _mixed(pool, params, would_click)
    return FeedResult(params, pool, recommended, mixed, scores / scores.sum(), weight)


def _recommended(pool: Pool, params: FeedParams, would_click: np.ndarray) -> tuple[FeedRun, np.ndarray, float]:
    liked = interest(params)
    scores = np.array([PRIOR[level] for level in liked])
    weight = 0.0
    seen = np.zeros(len(pool), bool)
    # Predicted engagement depends on a post through its topic, its extremeness and its appeal. The
    # first two go through one small table per round (extremeness in hundredths), so a round costs
    # one gather, two adds and a partial sort of the pool: this is the whole cost of a slider change.
    cell = (pool.topic.astype(np.intp) * (LEVELS + 1) + np.rint(pool.extremeness * LEVELS).astype(np.intp))
    grid = np.linspace(0.0, 1.0, LEVELS + 1)
    log_appeal = np.log(pool.appeal).astype(np.float32)
    shown, clicked = [], []
    rate = params.follow_clicks
    key = np.empty(len(pool), np.float32)
    for number in range(params.rounds):
        # key = sharpness × log(predicted engagement) + Gumbel noise: the top keys are a draw that
        # favours, by ``sharpness``, the posts predicted best (the Gumbel top-k trick).
        sharpness = SHARPNESS * (1 + SURER * rate * number)
        table = (np.log(scores)[:, None] + np.log1p(weight * grid)[None, :]).ravel().astype(np.float32)
        np.take(table, cell, out=key)
        key += log_appeal
        key *= np.float32(sharpness)
        key += pool.noise[number]
        key[seen] = -np.inf
        k = min(params.feed_size, len(pool) - sum(len(t) for t in shown))
        top = np.argpartition(key, len(key) - k)[len(key) - k:] if k else np.zeros(0, np.int64)
        top = top[np.argsort(-key[top], kind="stable")]
        seen[top] = True
        hits = would_click[top]
        shown.append(top)
        clicked.append(hits)
        # Topic scores move toward this round's click shares (one imagined click per topic keeps a
        # round of few clicks from ruling a topic out at once).
        counts = np.bincount(pool.topic[top][hits], minlength=len(TOPICS)) + 1.0
        scores = (1 - rate) * scores + rate * len(TOPICS) * counts / counts.sum()
        # The extremeness weight moves toward how much more extreme the clicks so far were than what was shown.
        all_shown, all_hits = np.concatenate(shown), np.concatenate(clicked)
        if all_hits.any():
            lift = pool.extremeness[all_shown][all_hits].mean() - pool.extremeness[all_shown].mean()
            lift *= all_hits.sum() / (all_hits.sum() + EVIDENCE)  # a few clicks are weak evidence
            weight = max(0.0, (1 - rate) * weight + rate * EXTREME_LEARNING * lift)
    return _run(pool, params, shown, clicked), scores, weight


def _mixed(pool: Pool, params: FeedParams, would_click: np.ndarray) -> FeedRun:
    order = pool.mixed_order[:params.rounds * params.feed_size]
    shown = [order[i:i + params.feed_size] for i in range(0, len(order), params.feed_size)]
    return _run(pool, params, shown, [would_click[s] for s in shown])


def _run(pool: Pool, params: FeedParams, shown: list, clicked: list) -> FeedRun:
    clicks = np.array([int(c.sum()) for c in clicked])
    views = np.array([len(s) for s in shown])
    minutes = (views * params.glance_seconds + clicks * params.read_seconds) / 60
    return FeedRun(
        shown=tuple(shown), clicked=tuple(clicked),
        topic_diversity=np.array([diversity(pool.topic[s], len(TOPICS)) for s in shown]),
        source_diversity=np.array([diversity(pool.source[s], len(SOURCES)) for s in shown]),
        extremeness=np.array([float(pool.extremeness[s].mean()) if len(s) else 0.0 for s in shown]),
        clicks=clicks, minutes=minutes, yen=minutes / 60 * params.ad_yen_per_hour)
