"""explain_sdt: plain sentences separating "learned to tell true from false" from "doubts everything"."""

from __future__ import annotations

from kit.analysis.explain import explain_sdt


def change(d_pre, d_post, d_low, d_high, c_pre, c_post, c_low, c_high, students=30):
    return {"students_both": students, "d_prime_pre": d_pre, "d_prime_post": d_post, "d_prime_change": d_post - d_pre,
            "d_prime_change_low": d_low, "d_prime_change_high": d_high, "c_pre": c_pre, "c_post": c_post,
            "c_change": c_post - c_pre, "c_change_low": c_low, "c_change_high": c_high}


def test_learned_to_tell_apart():
    sentences = explain_sdt(change(0.5, 1.6, 0.7, 1.5, 0.0, 0.05, -0.2, 0.3))
    assert len(sentences) == 2
    assert "見分ける力が上がりました" in sentences[0] and "0.50 → 1.60" in sentences[0] and "+0.70 〜 +1.50" in sentences[0]
    assert "まだ言えません" in sentences[1]


def test_only_grew_sceptical_gets_a_caution():
    row = change(0.5, 0.55, -0.3, 0.4, -0.25, 0.6, 0.5, 1.2)
    ja = explain_sdt(row)
    assert "「×（うそ）」と答えることが増えました" in ja[1] and ja[2].startswith("注意")
    en = explain_sdt(row, lang="en")
    assert "more often" in en[1] and en[2].startswith("Caution") and "calling everything false" in en[2]


def test_leaning_to_true_and_worse():
    en = explain_sdt(change(1.0, 0.4, -0.9, -0.3, 0.3, -0.2, -0.8, -0.2), lang="en")
    assert "worse" in en[0] and "“○” (true) more often" in en[1] and len(en) == 2


def test_missing_side_says_it_cannot_compare():
    assert explain_sdt(None) == ["授業の前と後の両方で○×問題の答えがそろっていないので、比べられません。"]
    row = change(float("nan"), 1.0, 0, 0, 0.0, 0.0, 0, 0)
    assert "not enough" in explain_sdt(row, "en")[0]
