"""The teacher's words for a stored answer: what the item asked and what the student chose.

Each component that stores answers names, in its registry line (``kit.components``), the first
part of its item ids (``records``) and a ``describe`` function, one module here per component:
``describe(content, item, response, lang)`` takes the component's content file as its loader reads
it, the stored item id, the stored response (0-based numbers) and the language, and returns a
``Described`` (``words``), or None when the answer does not fit the file (it changed since).
``answers.describe_answer`` finds the file and falls back to the item's id and the choice numbers.
"""
