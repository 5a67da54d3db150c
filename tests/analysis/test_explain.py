"""explain_sdt: plain sentences separating "learned to tell true from false" from "doubts everything"."""

from __future__ import annotations

from kit.analysis.explain import explain_sdt


def test_learned_to_tell_apart():
    sentences = explain_sdt({"d_prime": 0.5, "c": 0.0}, {"d_prime": 1.6, "c": 0.05})
    assert len(sentences) == 2
    assert "見分ける力が上がりました" in sentences[0] and "0.50 → 1.60" in sentences[0]
    assert "あまり変わりませんでした" in sentences[1]


def test_only_grew_sceptical_gets_a_caution():
    pre, post = {"d_prime": 0.5, "c": -0.25}, {"d_prime": 0.55, "c": 0.6}
    ja = explain_sdt(pre, post)
    assert "「×（うそ）」と答えることが増えました" in ja[1] and ja[2].startswith("注意")
    en = explain_sdt(pre, post, lang="en")
    assert "more often" in en[1] and en[2].startswith("Caution") and "calling everything false" in en[2]


def test_leaning_to_true_and_worse():
    en = explain_sdt({"d_prime": 1.0, "c": 0.3}, {"d_prime": 0.4, "c": -0.2}, lang="en")
    assert "worse" in en[0] and "“○” (true) more often" in en[1] and len(en) == 2


def test_missing_side_says_it_cannot_compare():
    assert explain_sdt(None, {"d_prime": 1.0, "c": 0.0}) == ["授業の前と後の両方で○×問題の答えがそろっていないので、比べられません。"]
    assert "not enough" in explain_sdt({"d_prime": float("nan"), "c": 0.0}, {"d_prime": 1.0, "c": 0.0}, "en")[0]
