"""The components a learner sees; each takes one content or model object.

Import from the submodules (``from kit.widgets.quiz_card import Quiz``) or use ``kit.lesson``,
which builds them from content files and never lets a student see a traceback.
"""
