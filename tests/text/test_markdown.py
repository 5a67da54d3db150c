from kit.text.markdown import cjk_emphasis


def test_bold_next_to_japanese_punctuation_becomes_strong():
    assert cjk_emphasis("SNSを使う人の**約半分（50.9%）**が") == "SNSを使う人の<strong>約半分（50.9%）</strong>が"


def test_text_without_bold_is_unchanged():
    assert cjk_emphasis("2 * 3 = 6、**ではない") == "2 * 3 = 6、**ではない"
