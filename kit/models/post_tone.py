"""Check a post before it is sent (送る前に、ちょっと待って): which words could hurt, and why.

Rules over a teacher's lexicon (``kit.content.lexicon``) and a morphological analyser that is
handed in (``kit.text.morph.analyse`` by default, loaded on first use). The post is normalised
first (NFKC: half-width ｷﾓｲ and full-width ０９０ become キモイ and 090; invisible characters go, letters spaced
out become a word again: キ モ い, 死.ね; romaji is read as hiragana: shine, korosu),
words are matched by their dictionary form and reading (キモかった, ｷﾓｲ and きもい are the same
word), patterns on the post written in hiragana. A word inside 「」 (talking about the word), said
in the negative (キモくないよ) or in the passive (無視されてる: it happened to the writer) is not
flagged, nor is anything in a post that reports abuse or asks for help (みんなで通報しよう,
〜って言われてつらい), except entries marked ``always`` (a phone number is never safe to post).
A rumour (``hearsay`` entries, issue 16's seventh round) is a damaging claim about a person (a crime, sex, family,
illness, what they did) in a post that passes on what was heard (the lexicon's ``hearsay``: らしい, って噂, みんな言ってる,
拡散して); a post telling that such a rumour is spread about someone (噂流されてる) is a report. Remarks about the writer
alone (自分デブすぎ), the writer's anger at a thing (この雨うざい, ルーター殴りたい) and a wish that a thing (the lexicon's
``things``: days, food, weather) were gone (「給食のピーマン、この世から消えろ」) are not flagged.

Whether the post hurts is decided by a learned judge (``kit.models.post_classifier``, issue 16's tenth round),
trained on the labelled posts the kit ships. Where the rules found words but the judge does not find the post
hurtful (a friend's joke, game banter), the words become a gentle note (``Check.softened``), which is not a flag,
except the words that are never let through: ``always`` entries (a phone number) and severity 3 (死ね, 殺す).
The note says why: the post says it is friendly (the lexicon's ``friendly``: 好きやで, 俺もだけど),
it is a laugh spoken to a friend (``Check.spoken_to``), or the judge doubts the words are meant to hurt
(``Check.doubted``). Where no rule found anything and the judge finds the post hurtful, the sentence that
weighed most is flagged with the reason of the kind of harm it is most like; not in a post that asks for
help, shows care, talks about the writer, or where a rule saw its word quoted, negated or reported.
Without the judge (``learned=False``) the rules decide alone, and only mild words in a friendly post are a note.
Every flag points back into the text the student typed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from kit.content.lexicon import CATEGORIES, Entry, Lexicon
from kit.content.text import Text
from kit.models.post_classifier import Classifier, Guess, shipped_classifier
from kit.text.morph import Token, analyse, fold
from kit.text.romaji import to_hiragana

MAX_LENGTH = 400  # characters: a post, not an essay; longer text is refused with a message

_KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]")
_COMBINING = {"\u3099", "\u309a", "\uff9e", "\uff9f"}  # voiced marks that join the kana before them
# Characters put between the letters of a word to hide it (キ モ い, コ・ロ・ス, 死.ね, ぶ_す); not ー, which is part of words.
_SEPARATORS = frozenset(" \u3000\t・.,_*/|-~〜‐+=")
_ROMAJI_MIN = 3  # letters: gg, ok and other short Latin words stay as they are
_LATIN_WORD = re.compile(r"(?<![A-Za-z0-9_'])[A-Za-z](?:[A-Za-z]|'(?=[A-Za-z]))*(?![A-Za-z0-9_'])")  # not in hana_0000
_CAMEL = re.compile(r"[a-z][A-Z]")  # YouTube, iPhone: a name, not romaji
# Latin words in a row, with only spaces and punctuation between them: a phrase. A phrase with one word that is not
# romaji (bright, the, at) is English, and none of its words is read as romaji ("You shine so bright" is praise).
_LATIN_PHRASE = re.compile(r"[A-Za-z][A-Za-z']*(?:[ \t,.!?~\-]+[A-Za-z][A-Za-z']*)*")
_LATIN_ASIDE = re.compile(r"(?i)w+|lol|lmao|gg|ok|xd")  # a laugh or a word of game talk beside romaji (omae shine www)
_LATIN_KEPT = frozenset({"ban"})  # romaji-like words the lexicon's patterns read in Latin letters (垢BANしよ)
_ADDRESS_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._%+-@:/~#?=&")
_DOTTED = re.compile(r"[A-Za-z0-9]\.[A-Za-z]")  # example.com, kimoi.jp: a web address, not a word
_NEGATIONS = {"ない", "ず", "ぬ", "ません"}
_RHETORICAL_AFTER = {"の", "か", "ん", "?", "？", "かな", "よね"}
_QUOTING = {"って", "と", "なんて", "とか"}
_SAYING = {"いう", "かく", "おくる", "いわれる", "よぶ", "おもう"}
# Who a post is aimed at, read from its grammar (issue 16, fifth round). A laugh (ｗ, 草, 笑) in a post that
# speaks *to* a friend (お前, あんた, おい, @name, or a name at the start as a vocative: 「コウタ、」「ユウキまた」) with
# only mild words is the uncertain middle: teasing and mockery look the same there, so the student gets the
# gentle note, not a flag. A post that talks *about* someone to others (あいつ, あの子, 〜の, 〜が, みんな) is not
# softened: laughing at a person in front of an audience is how mockery is written.
_LAUGH = re.compile(r"w|草|笑|[🤣😂😆]")
_SECOND_PERSON = re.compile(r"お(前|まえ)(?!ら|たち)|あんた(?!ら|たち)|^おい|@")
_THIRD_PERSON = re.compile(r"あいつ|こいつ|そいつ|あの(子|こ|人|ひと)|この(子|こ|人|ひと)|その(子|こ|人|ひと)|みんな|皆|全員|本人")
_NAME_SUFFIXES = {"ちゃん", "くん", "君", "さん", "ぴ", "っち", "たん"}
_ABOUT_PARTICLES = {"の", "が", "は", "って", "に", "を", "とか", "も", "と", "には", "から", "より"}
# The writer speaking of themself (自分デブすぎ, オレって運動神経死んでる, うち音痴やから): with no one else in
# the post, insults, looks and mockery are about the writer and are not flagged.
# Since the ninth round also ワイ, and a post that opens on the writer's own weight with a sigh (体重増えた…).
_SELF = re.compile(r"^(自分|俺|私|僕|わい(?=[、,はってもがほまw ]|…)|(体重|たいじゅう)(が|また)?(増|ふ)えた(…|\.\.\.|泣|😭|涙)|(じぶん|おれ|わたし|あたし|ぼく)(?![ぁ-ん])|(じぶん|おれ|わたし|あたし|ぼく)(って|は|、|の|も|が|ほんま|まじ|ほんと)|うち(?![ぁ-ん])|うち(って|は|、|も|が|ほんま|まじ|ほんと))")
_SELF_KINDS = {"insult", "appearance", "mockery"}
# Kinds of harm the learned judge never turns into a note, at any severity: a threat, a school's name, a call to pile
# on, leaving someone out, sexual remarks, wishing harm and rumours stay flags, and keep the post's other flags too.
# A sentence the judge finds at least this hurtful is not diluted by the friendly sentences around it (「…お前の家燃やして
# やる。今日は晴れ。」). Lower, the sentences of fine posts read alone raised the false alarms (2.5% to 10% on set 3).
SENTENCE_SURE = 0.98
NEVER_SOFTENED = frozenset({"threat", "personal_info", "pile_on", "exclusion", "sexual", "self_harm", "rumour"})
_NOT_SELF = re.compile(r"自分のこと[^。]{0,12}(思って|おもって|思っと)")  # 「自分のことイケてると思ってそう」 is about someone else
# Anger at a thing (この雨うざい, 月曜日消えてほしい, ルーター殴りたい): in a post that names no one, an insult, threat or
# contempt whose word follows a noun that is not a person or something of a person's is not flagged.
_THING_KINDS = {"insult", "threat", "contempt", "self_harm"}
_PERSONAL_NOUNS = {
    "人", "子", "やつ", "奴", "人間", "先生", "先輩", "後輩", "友達", "友", "親友", "親", "母", "父", "兄", "姉", "弟", "妹",
    "彼氏", "彼女", "担任", "男子", "女子", "男", "女", "クラス", "部", "チーム", "家族", "相手", "全員", "監督", "コーチ",
    "転校", "生", "顔", "顔面", "性格", "態度", "声", "髪", "体", "存在", "言い方", "話し方", "口", "目", "頭", "服", "生き方",
    "考え", "発言", "投稿", "名前", "自分", "俺", "私", "僕"}
_SKIPPED_BEFORE = {"は", "が", "を", "で", "まじ", "マジ", "ほんと", "ほんま", "本当", "正直", "まじで", "マジで"}
# Wishing a thing gone (「給食のピーマン、この世から消えろ」「月曜日まじで消えてほしい」): in a post that names no one, a word of
# disappearing or dying after one of the lexicon's ``things`` in the same sentence is about the thing, even as a command.
_GONE_KINDS = {"insult", "contempt"}
# Since the ninth round also a curse on the thing (このアプデくそすぎ): くそ after a thing is about the thing.
_GONE = re.compile(r"消え|きえ|死|しね|失せ|うせ|滅|ほろび|なくな|爆発|ばくはつ|くそ|糞")


Analyser = Callable[[str], list[Token]]


@dataclass(frozen=True)
class Flag:
    """One place in the post worth a second thought."""

    entry: str
    category: str
    start: int  # offsets into the text the student typed
    end: int
    text: str
    severity: int
    why: Text
    suggestion: Text


@dataclass(frozen=True)
class Check:
    """What the checker found in one post."""

    text: str
    flags: tuple[Flag, ...] = ()
    too_long: bool = False
    empty: bool = False
    suppressed: tuple[str, ...] = field(default=(), compare=False)  # entry ids not flagged (quoted, negated)
    softened: tuple[Flag, ...] = ()  # mild words in a post with a clear friendly signal: a gentle note, not flags
    spoken_to: bool = False  # the note is for a laugh spoken to a friend, not for a written sign of friendship
    doubted: bool = False  # the note is for listed words in a post the learned judge does not find hurtful

    @property
    def noted(self) -> bool:
        """True when the student sees the gentle note about jokes between friends instead of flags."""
        return bool(self.softened) and not self.flags

    @property
    def categories(self) -> tuple[str, ...]:
        """The kinds of problem found, in the lexicon's order."""
        found = {f.category for f in self.flags}
        return tuple(c for c in CATEGORIES if c in found)

    @property
    def ok(self) -> bool:
        """True when the post was checked and nothing was flagged (a gentle note is not a flag)."""
        return not (self.flags or self.too_long or self.empty)

    def masked(self) -> str:
        """The post with its personal information hidden (●), as a safer version to send."""
        chars = list(self.text)
        for f in self.flags:
            if f.category == "personal_info":  # masked wherever it was found, quoted or not
                for i in range(f.start, f.end):
                    if not chars[i].isspace():
                        chars[i] = "●"
        return "".join(chars)


def normalise(text: str) -> tuple[str, list[int], list[int]]:
    """``text`` in NFKC without invisible characters, and for each character where it came from.

    Returns the normalised text and two lists: the start and end offset in ``text`` of the
    characters each normalised character was made from. Besides NFKC, three ways of hiding a word
    are undone: invisible characters (Cf, lone surrogates, variation selectors: 殺\ufe0eす), separators
    between single characters (キ モ い, コ・ロ・ス, 死.ね) and romaji (shine, korosuzo, ｋｉｍｏｉ).
    """
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text) and (text[j] in _COMBINING or _selector(text[j])):
            j += 1
        piece = unicodedata.normalize("NFKC", text[i:j])
        for ch in piece:
            if unicodedata.category(ch) in ("Cf", "Cs") or _selector(ch):  # zero-width spaces, joiners, selectors hide words
                continue
            out.append(ch)
            starts.append(i)
            ends.append(j)
        i = j
    keep = _spaced_out(out)
    if len(keep) < len(out):
        out = [out[k] for k in keep]
        starts = [starts[k] for k in keep]
        ends = [ends[k] for k in keep]
    return _romaji(out, starts, ends)


def _selector(ch: str) -> bool:
    return "\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef"


def _single(ch: str) -> bool:
    """A character that can be one of a word's letters: kana, kanji, a Latin letter or a digit (not ー)."""
    return ch.isalnum() and ch != "ー"


def _spaced_out(chars: list[str]) -> list[int]:
    """The indices of ``chars`` to keep: in a run of two or more single characters each separated by one or two
    separators (キ モ い, コ・ロ・ス, 死.ね), the separators go. Between two digits only spaces count (3.5, 1-2-3)."""
    n = len(chars)
    drop: set[int] = set()
    i = 0
    while i < n:
        if not (_single(chars[i]) and (i == 0 or not _single(chars[i - 1]))) or (i + 1 < n and _single(chars[i + 1])):
            i += 1
            continue
        run: list[int] = []  # separator indices of the run starting at the single character i
        k = i
        while True:
            j = k + 1
            while j < n and j - k <= 3 and chars[j] in _SEPARATORS:
                j += 1
            gap = range(k + 1, j)
            if not 1 <= len(gap) <= 2 or j >= n or not _single(chars[j]) or (j + 1 < n and _single(chars[j + 1])):
                break
            if chars[k].isdigit() and chars[j].isdigit() and any(not chars[g].isspace() for g in gap):
                break
            run.extend(gap)
            k = j
        drop.update(run)
        i = k + 1
    return [k for k in range(n) if k not in drop] if drop else list(range(n))


def _romaji(chars: list[str], starts: list[int], ends: list[int]) -> tuple[str, list[int], list[int]]:
    """Each Latin word of three letters or more that is romaji (shine, KOROSU) in hiragana, pointing at its letters;
    not in an address (taro@example.com, https://…) or a handle (hana_0000), not a name in camel case (YouTube), not a
    word the lexicon reads in Latin letters (ban), not in an English phrase (You shine so bright)."""
    norm = "".join(chars)
    if not _LATIN_WORD.search(norm):
        return norm, starts, ends
    english = [phrase.span() for phrase in _LATIN_PHRASE.finditer(norm) if _english(phrase.group())]
    out: list[str] = []
    new_starts: list[int] = []
    new_ends: list[int] = []
    at = 0
    for m in _LATIN_WORD.finditer(norm):
        word = m.group()
        if any(a <= m.start() < b for a, b in english):
            continue
        if sum(c.isalpha() for c in word) < _ROMAJI_MIN or word.lower() in _LATIN_KEPT or _CAMEL.search(word) or _in_address(norm, m.start(), m.end()):
            continue
        kana = to_hiragana(word)
        if kana is None:
            continue
        out.extend(chars[at:m.start()])
        new_starts.extend(starts[at:m.start()])
        new_ends.extend(ends[at:m.start()])
        for k, a, b in kana:
            out.append(k)
            new_starts.append(starts[m.start() + a])
            new_ends.append(ends[m.start() + b - 1])
        at = m.end()
    if not at:
        return norm, starts, ends
    out.extend(chars[at:])
    new_starts.extend(starts[at:])
    new_ends.extend(ends[at:])
    return "".join(out), new_starts, new_ends


def _english(phrase: str) -> bool:
    """Whether a phrase of Latin words has a word that is not romaji, a laugh, game talk or a name (YouTube)."""
    return any(to_hiragana(w) is None and not _LATIN_ASIDE.fullmatch(w) and not _CAMEL.search(w)
               for w in re.findall(r"[A-Za-z]+", phrase))


def _in_address(norm: str, start: int, end: int) -> bool:
    a, b = start, end
    while a > 0 and norm[a - 1] in _ADDRESS_CHARS:
        a -= 1
    while b < len(norm) and norm[b] in _ADDRESS_CHARS:
        b += 1
    chunk = norm[a:b]
    return "@" in chunk or "://" in chunk or _DOTTED.search(chunk) is not None


class PostTone:
    """The checker: a lexicon plus an analyser. ``check(text)`` is all a component needs."""

    def __init__(self, lexicon: Lexicon, analyser: Analyser | None = None, *, learned: bool = True,
                 classifier: Classifier | None = None):
        self.lexicon = lexicon
        self._analyser = analyser
        self._keys: dict[str, tuple[tuple[str, str], ...]] = {}
        self.learned = learned  # False: the lexicon's rules only
        self._classifier = classifier
        self._mild = {e.id for e in lexicon.entries if e.mild}
        self._always = {e.id for e in lexicon.entries if e.always}

    @property
    def classifier(self) -> Classifier:
        if self._classifier is None:
            self._classifier = shipped_classifier()
        return self._classifier

    @property
    def analyser(self) -> Analyser:
        if self._analyser is None:
            self._analyser = analyse  # its dictionary loads on the first check
        return self._analyser

    def check(self, text: str) -> Check:
        """Every flag in ``text``; a text over ``MAX_LENGTH`` characters or an empty one is not checked."""
        text = "" if text is None else str(text)
        if len(text) > MAX_LENGTH:
            return Check(text, too_long=True)
        norm, starts, ends = normalise(text)
        if not norm.strip():
            return Check(text, empty=True)
        folded = fold(norm)
        tokens = self.analyser(norm)
        sentences = [(m.start(), m.end()) for m in re.finditer(r"[^。！？!?\n]+[。！？!?\n]*", norm)]
        found: list[tuple[Entry, int, int]] = []
        suppressed: list[str] = []
        read = False  # a rule read its word as quoted, reported, done to the writer or fine in its phrase (not only negated)
        asking_for_help = any(p.search(folded) for p in self.lexicon.help_and_report)
        for entry in self.lexicon.entries:
            if entry.near and not _near(entry.near, folded):
                continue
            if entry.not_near and _near(entry.not_near, folded):
                continue
            if entry.aimed and not (any(p.search(folded) for p in self.lexicon.people) or any(t.person for t in tokens)):
                continue
            if entry.hearsay and not any(p.search(folded) for p in self.lexicon.hearsay):
                continue  # 〇〇が万引きした, with no らしい or って噂: an accusation, not passing on a rumour
            for start, end in self._matches(entry, tokens, folded):
                sentence = next(((a, b) for a, b in sentences if a <= start < b), (0, len(norm)))
                if _excepted(entry, folded, start, end):
                    suppressed.append(entry.id)
                    read = True
                    continue
                if entry.always:
                    pass
                elif asking_for_help or _quoted(norm, start, end, sentence) or _passive(tokens, end, sentence[1]) \
                        or _mentioned(tokens, end, sentence[1]):
                    suppressed.append(entry.id)
                    read = True
                    continue
                elif _negated(tokens, end, sentence[1]):  # キモくないよ; but 二度と来ないで is for the judge to read
                    suppressed.append(entry.id)
                    continue
                found.append((entry, start, end))
        others = _others(folded, tokens, self.lexicon) or _SECOND_PERSON.search(folded) is not None
        about_self = _SELF.search(folded) is not None and not _NOT_SELF.search(folded) and not others
        if about_self:  # 自分デブすぎやろ: the writer laughing at themself, no one else named
            suppressed.extend(e.id for e, _, _ in found if e.category in _SELF_KINDS and not e.always)
            found = [f for f in found if f[0].category not in _SELF_KINDS or f[0].always]
        about_things = not others and any(p.search(folded) for p in self.lexicon.things)
        if not others:  # この雨まじうざい, ルーター殴りたい, 給食のピーマン、この世から消えろ: anger at a thing, no one named
            at_things = [f for f in found if f[0].category in _THING_KINDS and not f[0].always and (
                (_at_a_thing(tokens, f[1]) and _a_feeling(tokens, f[1], f[2]))
                or (f[0].category in _GONE_KINDS and _GONE.search(folded, f[1], f[2]) and _thing_before(self.lexicon, folded, tokens, sentences, f[1])))]
            suppressed.extend(e.id for e, _, _ in at_things)
            found = [f for f in found if f not in at_things]
        flags = _flags(self.lexicon, text, found, starts, ends)
        friendly = any(p.search(folded) for p in self.lexicon.friendly)
        if not self.learned:  # the rules alone: mild words in a post that says it is friendly are a note, nothing else is softened
            if flags and all(f.entry in self._mild for f in flags) and friendly:
                return Check(text, (), suppressed=tuple(dict.fromkeys(suppressed)), softened=flags)
            return Check(text, flags, suppressed=tuple(dict.fromkeys(suppressed)))
        # The learned judge decides whether the post hurts (issue 16, tenth round). Where a rule found its word, the
        # judge may find the post written as a joke, banter or about a thing: the words are then a note, not flags,
        # unless one of them is never let through (``always`` entries, severity 3: 死ね, a phone number).
        guess, (a, b) = self._judge(norm, tokens, sentences)
        hurtful = self.classifier.hurtful(guess.probability, listed_word=any(f.entry not in self._mild for f in flags))
        softened: tuple[Flag, ...] = ()
        if flags and not hurtful and not any(f.entry in self._always or f.severity >= 3 or f.category in NEVER_SOFTENED
                                             for f in flags):
            softened, flags = flags, ()
        caring = any(p.search(folded) for p in self.lexicon.care)
        # Where a rule found its word and saw it quoted, reported or done to the writer, or the post asks for help or
        # shows care, the rules have read the post already: the judge adds no flag of its own there. Nor does it call
        # the writer's remarks about themself insults (自分デブすぎ); a threat stays a threat whoever writes it.
        if hurtful and not flags and not softened and not read and not asking_for_help and not caring \
                and not (about_self and guess.category in _SELF_KINDS):
            flags = self._learned(text, norm, guess, (a, b), starts, ends)
            if flags and about_things and flags[0].category in _GONE_KINDS:
                flags = ()  # 暑すぎてとける, 雨で遠足中止とかまじ最悪: no one named, a thing, and only a likeness to insults
        note = ""
        if softened and not flags:
            banter = _LAUGH.search(folded) is not None and _addressed(folded, tokens)
            note = "friendly" if friendly else "spoken_to" if banter else "doubted"
        return Check(text, flags, suppressed=tuple(dict.fromkeys(suppressed)), softened=softened,
                     spoken_to=note == "spoken_to", doubted=note == "doubted")

    def _judge(self, norm: str, tokens: list[Token], sentences: list[tuple[int, int]]) -> tuple[Guess, tuple[int, int]]:
        """The judge's reading of the post, and the sentence it finds most hurtful.

        The post is judged whole; a sentence judged at least ``SENTENCE_SURE`` alone counts even if the whole post is
        judged less hurtful (padding with friendly sentences does not dilute it). The flag points at the sentence
        the judge finds most hurtful."""
        whole = self.classifier.guess(norm, tokens)
        if len(sentences) < 2:
            return whole, (0, len(norm))
        # a token's offsets only place the word's features; the words of a sentence are those that start in it
        parts = [(self.classifier.guess(norm[a:b], [t for t in tokens if a <= t.start < b]), (a, b)) for a, b in sentences]
        top, where = max(parts, key=lambda part: part[0].probability)
        return (top if top.probability >= max(whole.probability, SENTENCE_SURE) else whole), where

    def _learned(self, text: str, norm: str, guess: Guess, sentence: tuple[int, int], starts: list[int],
                 ends: list[int]) -> tuple[Flag, ...]:
        """The judge's flag on ``sentence`` of ``norm``, with the reason of the kind of harm it is most like."""
        if guess.category not in self.lexicon.categories:
            return ()
        a, b = _trim(norm, *sentence)
        if b <= a:
            return ()
        category = self.lexicon.categories[guess.category]
        why = category.why
        if self.lexicon.learned_why.ja:
            note = self.lexicon.learned_why
            why = Text(note.ja.format(label=category.label.ja) + category.why.ja,
                       note.en.format(label=category.label.en) + " " + category.why.en)
        return (Flag("learned", guess.category, starts[a], ends[b - 1], text[starts[a]:ends[b - 1]], 1,
                     why, category.suggestion),)

    def _matches(self, entry: Entry, tokens: list[Token], folded: str):
        if entry.pattern is not None:
            for m in entry.pattern.finditer(folded):
                if m.end() > m.start():
                    yield _trim(folded, m.start(), m.end())
        if entry.lemma:
            keys = self._entry_keys(entry)
            if not keys:
                return
            for i in range(len(tokens) - len(keys) + 1):
                window = tokens[i:i + len(keys)]
                if all(_same_word(t, k) for t, k in zip(window, keys, strict=True)) and \
                        _form_ok(entry.form, window[-1], tokens[i + len(keys)] if i + len(keys) < len(tokens) else None):
                    yield window[0].start, window[-1].end

    def _entry_keys(self, entry: Entry) -> tuple[tuple[str, str], ...]:
        # A teacher writes the word as they like (バカ, 馬鹿, ばか); the analyser turns it into the
        # same keys it gives the words of a post: kanji words by dictionary form, kana by reading.
        if entry.id not in self._keys:
            norm, _, _ = normalise(entry.lemma)
            keys = []
            for t in self.analyser(norm):
                keys.append(("lemma", t.lemma) if _KANJI.search(t.surface) else ("reading", f"{t.reading}|{_coarse(t.pos)}"))
            self._keys[entry.id] = tuple(keys)
        return self._keys[entry.id]



def _at_a_thing(tokens: list[Token], start: int) -> bool:
    """Whether the word at ``start`` follows a thing (雨, 月曜日, ルーター): a noun that is not a person's name,
    a pronoun or a person or something of a person's (_PERSONAL_NOUNS), with only は/が/まじ … between."""
    before = [t for t in tokens if t.end <= start]
    while before and before[-1].surface in _SKIPPED_BEFORE:
        before.pop()
    if not before:
        return False
    noun = before[-1]
    if noun.pos == "接尾辞" and len(before) > 1:  # 月曜 + 日
        noun = before[-2]
    return noun.pos == "名詞" and not noun.person and noun.surface not in _PERSONAL_NOUNS \
        and noun.lemma not in _PERSONAL_NOUNS and noun.surface not in ("w", "ｗ", "草")


def _thing_before(lexicon: Lexicon, folded: str, tokens: list[Token], sentences, start: int) -> bool:
    """Whether a thing, a day, a food or the weather (the lexicon's ``things``: 月曜日, ピーマン, 雨) comes before the word
    at ``start`` in its sentence with no verb or name between: 「給食のピーマン、この世から消えろ」 is about the pepper, even
    as a command; in 「ピーマン残したゆうた、消えろ」 the command is for the one who left it."""
    a = next((a for a, b in sentences if a <= start < b), 0)
    for p in lexicon.things:
        for m in p.finditer(folded, a, start):
            between = [t for t in tokens if m.end() <= t.start and t.end <= start]
            if not any(t.pos == "動詞" or t.person for t in between):
                return True
    return False


def _a_feeling(tokens: list[Token], start: int, end: int) -> bool:
    """Whether the word is the writer's own feeling (うざい, 殴りたい, 消えてほしい), not a command, a condition or
    a promise to the reader (楽しみにしとけ, 来たら終わり, ぶつけてやる)."""
    inside = [t for t in tokens if start <= t.start < end]
    after = [t for t in tokens if t.start >= end][:1]
    if not inside:
        return False
    if inside[-1].pos == "形容詞" and inside[-1].lemma not in ("無い", "ない"):
        return True
    return any(t.lemma in ("たい", "欲しい", "ほしい") or t.surface in ("たい", "ほしい", "欲しい") for t in inside[-1:] + after)


def _others(folded: str, tokens: list[Token], lexicon: Lexicon) -> bool:
    """Whether the post names someone besides the writer: a word under ``people:`` or a name followed by の/が/は …"""
    if any(p.search(folded) for p in lexicon.people) or _THIRD_PERSON.search(folded):
        return True
    return any(t.person and i + 1 < len(tokens) and tokens[i + 1].surface in _ABOUT_PARTICLES
               for i, t in enumerate(tokens))


def _addressed(folded: str, tokens: list[Token]) -> bool:
    """Whether the post speaks to someone (お前, あんた, おい, @name, a name as a vocative at the start) and talks
    about no one else (あいつ, あの子, みんな, a name followed by の/が/は …)."""
    if _THIRD_PERSON.search(folded):
        return False
    vocative = False
    for i, t in enumerate(tokens):
        named = t.person or (i + 1 < len(tokens) and tokens[i + 1].surface in _NAME_SUFFIXES and t.pos != "補助記号")
        if not named:
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].surface in _NAME_SUFFIXES:
            j += 1
        following = tokens[j] if j < len(tokens) else None
        if following is not None and following.pos == "助詞" and following.surface in _ABOUT_PARTICLES:
            return False  # ミホの顔面, リコが, ヒカルって: talking about someone
        if i == 0 or (i == 1 and tokens[0].surface in ("@", "＠", "おい")):
            vocative = True
    return vocative or _SECOND_PERSON.search(folded) is not None


def _near(words: tuple[str, ...], folded: str) -> bool:
    return any(fold(unicodedata.normalize("NFKC", w)) in folded for w in words)


def _excepted(entry: Entry, folded: str, start: int, end: int) -> bool:
    """Whether the match is part of a phrase the teacher listed as fine (バカみたいに楽しい, 親バカ)."""
    for phrase in entry.unless:
        for m in re.finditer(re.escape(phrase), folded):
            if m.start() <= start and end <= m.end():
                return True
    return False


def _same_word(token: Token, key: tuple[str, str]) -> bool:
    kind, value = key
    if kind == "lemma":
        return token.lemma == value
    return f"{token.reading}|{_coarse(token.pos)}" == value


def _coarse(pos: str) -> str:
    # バカ is a noun in バカだ and a na-adjective in バカな: the same word for the checker.
    return "名詞" if pos in ("名詞", "形状詞", "代名詞") else pos


def _form_ok(form: str, token: Token, following: Token | None) -> bool:
    if form == "imperative":
        # MeCab reads a lone 「死ね」 as 仮定形 (as in 死ねば); it is a command unless ば follows.
        return token.form.startswith("命令形") or (
            token.form.startswith("仮定形") and (following is None or following.surface not in ("ば", "ど", "ども")))
    if form == "volitional":
        return token.form.startswith("意志推量形")
    return True


def _trim(folded: str, start: int, end: int) -> tuple[int, int]:
    # Patterns may take a neighbouring character as context (^|[^ぁ-ん]); highlight only the word.
    while start < end and not (folded[start].isalnum() or _KANJI.match(folded[start])):
        start += 1
    while end > start and folded[end - 1] in "!！。、?？ \u3000":
        end -= 1
    return start, end


def _quoted(norm: str, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """Whether the span sits inside brackets: the student is talking about the word, not using it."""
    before = norm[sentence[0]:start]
    depth = sum(before.count(o) for o in "「『“") - sum(before.count(c) for c in "」』”")
    if depth > 0:
        return True
    return before.count('"') % 2 == 1


def _after(tokens: list[Token], end: int, limit: int) -> list[Token]:
    return [t for t in tokens if end <= t.start < limit][:5]


def _negated(tokens: list[Token], end: int, limit: int) -> bool:
    """キモくない, バカじゃないよ, 無視しない — but not the rhetorical バカじゃないの？"""
    following = _after(tokens, end, limit)
    for n, t in enumerate(following):
        if t.reading in _NEGATIONS or t.lemma in ("無い", "ない", "ず", "ぬ"):
            rest = following[n + 1:]
            if rest and (rest[0].surface in _RHETORICAL_AFTER or rest[0].reading in _RHETORICAL_AFTER):
                return False
            return True
        if t.pos in ("名詞", "形容詞", "補助記号") or (t.pos == "動詞" and t.reading not in ("する", "いる", "ある")):
            return False
    return False


def _passive(tokens: list[Token], end: int, limit: int) -> bool:
    """無視されてる, ハブられた, 晒されてる: it was done to the writer, who is telling or asking for help."""
    for t in _after(tokens, end, limit):
        if t.lemma in ("れる", "られる"):
            return True
        if t.lemma not in ("為る", "する", "さ"):
            return False
    return False


def _mentioned(tokens: list[Token], end: int, limit: int) -> bool:
    """バカって言われた, キモいとか言うのはやめよう: the word is reported, not aimed at someone."""
    quoting = ""
    for t in _after(tokens, end, limit):
        if t.surface in _QUOTING:
            quoting = t.surface
        elif quoting and t.reading in _SAYING and not (quoting == "と" and t.reading == "おもう"):
            return True  # 「キモいと思う」 is the writer's opinion of someone; 「キモいなんて思ってない」 is not
        elif t.pos not in ("助詞", "助動詞"):
            return False
    return False


def _flags(lexicon: Lexicon, text: str, found, starts: list[int], ends: list[int]) -> tuple[Flag, ...]:
    flags: list[Flag] = []
    for entry, start, end in sorted(found, key=lambda f: (f[1], -f[2], -f[0].severity)):
        a, b = starts[start], ends[end - 1]
        if any(f.category == entry.category and f.start < b and a < f.end for f in flags):
            continue  # the same kind of problem at the same place is told once
        joined = next((k for k, f in enumerate(flags) if f.entry == entry.id and f.end <= a and not text[f.end:a].strip()),
                      None)
        if joined is not None:  # the same word again right after it (ｗｗｗ, 草草) is one flag, not one per letter
            f = flags[joined]
            flags[joined] = replace(f, end=b, text=text[f.start:b])
            continue
        flags.append(Flag(entry.id, entry.category, a, b, text[a:b], entry.severity,
                          lexicon.why(entry), lexicon.suggestion(entry)))
    return tuple(sorted(flags, key=lambda f: (f.start, CATEGORIES.index(f.category))))


__all__ = ["MAX_LENGTH", "Analyser", "Check", "Flag", "PostTone", "normalise"]
