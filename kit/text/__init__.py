"""User-visible words: the interface strings in both languages, and furigana for young readers."""
