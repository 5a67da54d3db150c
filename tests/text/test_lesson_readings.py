"""Every 小学生 lesson text read with furigana: the words children meet read right, and no reading covers okurigana.

The texts are everything those lessons show with furigana: the lesson texts, quizzes, scenarios,
timelines and rule files their notebooks name, the teacher guides (printed worksheets), the facts
and help desks, and the interface strings. Each word below is checked at every place a lesson
uses it, against the reading a Japanese dictionary gives; a reading that runs across the word's
edge (2026年時点 read as 年時《ねんじ》点) fails too.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from functools import cache

import yaml

from kit.content.okurigana import KANJI, hiragana
from kit.text.furigana import ruby_html
from kit.text.ruby import strip_marks
from tests.conftest import REPO

# word as written in the lessons -> how it reads (digits stay digits: the child reads those).
READINGS = {
    # counters and dates, whose reading depends on the number
    "6月1日": "6がつついたち", "10月1日": "10がつついたち", "1月1日": "1がつついたち", "4月1日": "4がつついたち",
    "7月7日": "7がつなのか", "2月9日": "2がつここのか", "4月14日": "4がつじゅうよっか", "1日3回": "いちにち3かい",
    "3日前": "みっかまえ", "3日以内": "みっかいない", "7日以内": "なのかいない", "30日未満": "30にちみまん",
    "2026年時点": "2026ねんじてん", "2025年": "2025ねん", "2018年": "2018ねん", "令和5年版": "れいわ5ねんばん",
    "1年生": "1ねんせい", "2023年分": "2023ねんぶん", "9月": "9がつ", "2か月前": "2かげつまえ",
    "約10人に1人": "やく10にんにひとり", "約2人に1人": "やくふたりにひとり", "1話目": "1わめ", "1話": "1わ",
    "1回": "1かい", "4問": "4もん", "18歳": "18さい", "16時から21時まで": "16じから21じまで",
    "24時間": "24じかん", "110番": "110ばん", "50万円": "50まんえん", "6,031億円": "6,031おくえん",
    "8.5兆円": "8.5ちょうえん", "3倍": "3ばい", "30分": "30ぷん", "10分間": "10ぷんかん", "45〜90分": "45〜90ぷん",
    "3年以下": "3ねんいか", "1冊": "1さつ", "230条": "230じょう",
    # words pykakasi alone reads wrongly
    "お金": "おかね", "今日": "きょう", "明日": "あした", "一人": "ひとり", "一人ひとり": "ひとりひとり",
    "大人": "おとな", "友だち": "ともだち", "何人": "なんにん", "本当": "ほんとう", "一度": "いちど",
    "一つ": "ひとつ", "一歩": "いっぽ", "一緒": "いっしょ", "一言": "ひとこと", "悪口": "わるくち",
    "止めると": "とめると", "受け止め": "うけとめ", "役立て": "やくだて", "役立つ": "やくだつ", "重なる": "かさなる",
    "怒って": "おこって", "入らない": "はいらない", "入って": "はいって", "小さく": "ちいさく", "罰せられ": "ばっせられ",
    "身近": "みぢか", "作り話": "つくりばなし", "つげ口": "つげぐち", "売上": "うりあげ", "見た目": "みため",
    "読み返し": "よみかえし", "選び方": "えらびかた", "使い方": "つかいかた", "広まり方": "ひろまりかた",
    "やり方": "やりかた", "求め方": "もとめかた", "言い方": "いいかた", "立ち止まる": "たちどまる",
    "気象予報士": "きしょうよほうし", "数コマ": "すうこま", "授業の後": "じゅぎょうのあと", "避難所": "ひなんじょ",
    "既読": "きどく", "発売日": "はつばいび", "引上げ": "ひきあげ", "あっという間": "あっというま",
    "日本": "にほん", "二次創作": "にじそうさく", "漫画村": "まんがむら", "インターネット上": "いんたーねっとじょう",
    # everyday words of the lessons
    "相談": "そうだん", "投稿": "とうこう", "情報": "じょうほう", "写真": "しゃしん", "自分": "じぶん",
    "先生": "せんせい", "言葉": "ことば", "気持ち": "きもち", "画面": "がめん", "違法": "いほう",
    "保存": "ほぞん", "相手": "あいて", "作品": "さくひん", "授業": "じゅぎょう", "書きこみ": "かきこみ",
    "時間": "じかん", "公式": "こうしき", "地震": "じしん", "確かめる": "たしかめる", "広告": "こうこく",
    "行動": "こうどう", "大切": "たいせつ", "動画": "どうが", "危険": "きけん", "学校": "がっこう",
    "子ども": "こども", "答え": "こたえ", "法律": "ほうりつ", "無料": "むりょう", "電話": "でんわ",
    "名前": "なまえ", "無断": "むだん", "理由": "りゆう", "方法": "ほうほう", "正規": "せいき",
    "削除": "さくじょ", "罰金": "ばっきん", "問題": "もんだい", "手続き": "てつづき", "作者": "さくしゃ",
    "両方": "りょうほう", "正解": "せいかい", "通報": "つうほう", "場合": "ばあい", "匿名": "とくめい",
    "最後": "さいご", "事実": "じじつ", "毎日": "まいにち", "説明": "せつめい", "窓口": "まどぐち",
    "警察": "けいさつ", "音楽": "おんがく", "人数": "にんずう", "安心": "あんしん", "場所": "ばしょ",
    "全部": "ぜんぶ", "責任": "せきにん", "大丈夫": "だいじょうぶ", "権利": "けんり", "拡散": "かくさん",
    "確率": "かくりつ", "最初": "さいしょ", "応援": "おうえん", "味方": "みかた", "証拠": "しょうこ",
    "心配": "しんぱい", "必要": "ひつよう", "被害": "ひがい", "出来事": "できごと", "全員": "ぜんいん",
    "本屋": "ほんや", "犯罪": "はんざい", "直接": "ちょくせつ", "新刊": "しんかん", "懲役": "ちょうえき",
    "侮辱": "ぶじょく", "新しい": "あたらしい", "撮影": "さつえい", "習慣": "しゅうかん", "意味": "いみ",
    "連絡": "れんらく", "文字": "もじ", "注意": "ちゅうい", "安全": "あんぜん", "誹謗中傷": "ひぼうちゅうしょう",
    "海賊版": "かいぞくばん", "著作権": "ちょさくけん", "名誉毀損": "めいよきそん", "法務省": "ほうむしょう",
    "総務省": "そうむしょう", "文化庁": "ぶんかちょう", "裁判所": "さいばんしょ", "出版社": "しゅっぱんしゃ",
    "図書館": "としょかん", "動物園": "どうぶつえん", "修学旅行": "しゅうがくりょこう", "運動会": "うんどうかい",
    "深呼吸": "しんこきゅう", "寝顔": "ねがお", "手がかり": "てがかり", "見分ける": "みわける",
    "抜け道": "ぬけみち", "話し合う": "はなしあう", "言い返す": "いいかえす", "傷つける": "きずつける",
    # the 小3-4 misinformation lesson (chain messages, rumours heard in person, corrections)
    "回して": "まわして", "訂正": "ていせい", "お兄ちゃん": "おにいちゃん", "消えない": "きえない", "熊本": "くまもと",
    "外国": "がいこく", "校庭": "こうてい", "休み時間": "やすみじかん", "お昼休み": "おひるやすみ", "正直": "しょうじき",
}

# Words in the reading dictionary that the lessons do not use today, read in a sentence of their own.
OWN_SENTENCES = {
    "上手": ("絵が上手だね。", "じょうず"), "下手": ("絵、下手すぎ。", "へた"), "友達": ("友達に話す。", "ともだち"),
    "一日中": ("一日中ゲームをした。", "いちにちじゅう"), "今年": ("今年の運動会。", "ことし"),
    "昨日": ("昨日の投稿。", "きのう"), "部屋": ("部屋で読む。", "へや"), "時計": ("時計を見る。", "とけい"),
    "景色": ("きれいな景色。", "けしき"), "二人": ("二人で話す。", "ふたり"), "2人": ("2人で話す。", "ふたり"),
    "20日": ("5月20日に", "はつか"), "1日中": ("1日中ゲーム", "いちにちじゅう"), "20歳": ("20歳になった", "はたち"),
    "3本": ("えんぴつ3本", "3ぼん"), "1分": ("あと1分", "1ぷん"), "2分": ("あと2分", "2ふん"), "2日": ("2日に", "ふつか"),
    "読み返す": ("もう一度読み返す。", "よみかえす"), "1つ目": ("1つ目の投稿", "1つめ"),
    "3分の1": ("クラスの3分の1", "3ぶんの1"), "1行目": ("1行目に", "1ぎょうめ"), "11日": ("5月11日", "11にち"),
}


def _shown(key) -> bool:
    return isinstance(key, str) and (key.endswith("_ja") or key in ("ja", "contact", "source"))


def _strings(value, key=None):
    if isinstance(value, str):
        if _shown(key):
            yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v, key)


def _files():
    from kit.warmup import content_used

    found = set()
    for nb in sorted((REPO / "lessons").rglob("*.ipynb")):
        meta = json.loads(nb.read_text("utf-8"))["metadata"].get("netkit", {})
        if str(meta.get("audience", "")).startswith("小"):
            found |= {REPO / "datasets" / file for _, file in content_used(nb)}
            found |= set((REPO / "datasets" / "guides").glob(f"{meta['id']}.y*ml"))
    found |= set((REPO / "datasets" / "facts").glob("*.yaml")) | set((REPO / "datasets" / "help").glob("*.yaml"))
    return sorted(found | {REPO / "kit" / "text" / "ui.yaml"})


@cache
def _lines() -> tuple[str, ...]:
    lines = set()
    for path in _files():
        for text in _strings(yaml.safe_load(path.read_text("utf-8"))):
            lines.update(line for line in text.split("\n") if KANJI.search(line))
    return tuple(sorted(lines))


_RUBY = re.compile(r"<ruby>(.*?)<rp>\(</rp><rt>(.*?)</rt><rp>\)</rp></ruby>|([^<]+)")


def _pieces(line: str) -> list[tuple[str, str | None]]:
    """(shown text, reading or None) of a line as the lesson shows it with furigana."""
    return [(html.unescape(m.group(1)), m.group(2)) if m.group(1) is not None else (html.unescape(m.group(3)), None)
            for m in _RUBY.finditer(ruby_html(line))]


def _reads_as(pieces, start: int, end: int, expected: str) -> bool:
    """Whether the span start..end reads ``expected``.

    A reading may run over a longer run of kanji (相談窓口 read そうだんまどぐち as one): the span's
    share of it must then be the start, the end or a part of that reading, never a guess across it.
    """
    pattern, at = "", 0
    for text, reading in pieces:
        s, e = at, at + len(text)
        at = e
        if e <= start or s >= end:
            continue
        if reading is None:
            pattern += re.escape(hiragana(text[max(start, s) - s:min(end, e) - s]))
        elif s >= start and e <= end:
            pattern += re.escape(reading)
        elif s < start and e > end:
            pattern += "(?:" + "|".join(re.escape(reading[i:j]) for i in range(len(reading))
                                        for j in range(i + 1, len(reading) + 1)) + ")"
        elif s < start:  # the end of a compound, maybe voiced there: 顔写真 かおじゃしん holds 写真 しゃしん
            pattern += "(?:" + "|".join(re.escape(v) for i in range(1, len(reading))
                                        for v in (reading[i:], _unvoiced(reading[i:]))) + ")"
        else:
            pattern += "(?:" + "|".join(re.escape(reading[:j]) for j in range(1, len(reading))) + ")"
    return re.fullmatch(pattern, expected) is not None


def _unvoiced(kana: str) -> str:
    """``kana`` with its first sound unvoiced (じゃ → しゃ, ば → は)."""
    first = unicodedata.normalize("NFD", kana[:1]).rstrip("\u3099\u309a")
    return unicodedata.normalize("NFC", first) + kana[1:]


def _shown_reading(pieces, start: int, end: int) -> str:
    """The readings around the span, for a failure message."""
    out, at = [], 0
    for text, reading in pieces:
        if at < end and at + len(text) > start:
            out.append(f"{text}《{reading}》" if reading else text)
        at += len(text)
    return "".join(out)


def _occurrences(word: str):
    for line in _lines():
        plain = strip_marks(line) if "《" in line else line
        for m in re.finditer(re.escape(word), plain):
            if word[0].isdigit() and m.start() and plain[m.start() - 1].isdigit():
                continue  # 1日 inside 11日 is another number
            yield line, plain, m.start(), m.end()


def test_the_lessons_are_read_in_full():
    names = {p.relative_to(REPO).as_posix() for p in _files()}
    assert {"datasets/texts/defamation_es34.yaml", "datasets/quizzes/misinformation_levels.yaml",
            "datasets/timelines/disaster_night.yaml", "datasets/scenarios/group_chat.yaml",
            "datasets/guides/piracy-es56.yaml", "kit/text/ui.yaml"} <= names
    assert len(_lines()) > 1000


def test_at_least_150_words_the_lessons_use_read_correctly():
    used = [word for word in READINGS if any(True for _ in _occurrences(word))]
    assert len(used) >= 150, f"only {len(used)} of the words are in the lessons"
    wrong = []
    for word in used:
        for line, plain, start, end in _occurrences(word):
            pieces = _pieces(line)
            if not _reads_as(pieces, start, end, READINGS[word]):
                wrong.append(f"{word}: {_shown_reading(pieces, start, end)} ≠ {READINGS[word]}"
                             f" in 「{plain[max(0, start - 10):end + 10]}」")
    assert not wrong, "\n".join(wrong[:40])


def test_words_no_lesson_uses_yet_read_correctly():
    for word, (sentence, reading) in OWN_SENTENCES.items():
        start = sentence.index(word)
        assert _reads_as(_pieces(sentence), start, start + len(word), reading), (word, _pieces(sentence))


def test_a_reading_sits_over_kanji_only():
    assert _pieces("読み返す") == [("読", "よ"), ("み", None), ("返", "かえ"), ("す", None)]
    assert _pieces("お金") == [("お", None), ("金", "かね")]
    assert _pieces("2026年時点")[:2] == [("2026", None), ("年", "ねん")]
    assert ("1日", "ついたち") in _pieces("6月1日から") and ("1日", "いちにち") in _pieces("1日3回")


def test_no_reading_covers_kana():
    """The base of every ruby is kanji (with 々, or the digits of a number read with its counter)."""
    spanning = set()
    for line in _lines():
        for text, reading in _pieces(line):
            if reading is not None and re.search(r"[ぁ-ゖァ-ヺー]", text.replace("ヶ", "")):
                spanning.add(f"{text}《{reading}》 in 「{line[:40]}」")
    assert not spanning, "\n".join(sorted(spanning)[:40])
