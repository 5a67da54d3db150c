"""Net Literacy Kit: lessons on online abuse, misinformation and piracy for Japanese schools.

Importing ``kit`` imports nothing heavy; a lesson imports only the parts it uses
(``kit.lesson``, ``kit.widgets``), so a student's kernel stays lean.
"""

__version__ = "0.1.0"
