"""Class results for the teacher: pure functions from stored answers to pandas tables and files.

Teacher side only: pandas is imported here, so nothing in ``kit.lesson`` or ``kit.widgets`` (a
student's kernel) may import this package. Start with ``answers_frame`` (one row per counted
answer: the first per session, item and phase), then pass that frame to the others:
``participation_table`` (students and answers per class, lesson and phase), ``item_table`` (correct
rate and most chosen wrong answer per item, hardest first), ``student_table`` (scores and a
``needs_help`` flag per student), ``prepost_table`` (pre and post means, paired change with its
bootstrap interval, Hake's normalized gain) with ``explain_change``, ``sdt_table`` (hits, false
alarms, d′ and c on ○× items) and ``sdt_change_table`` (d′ and c before, after and their change,
each with a bootstrap interval over students, ``kit.analysis.bootstrap``) with ``explain_sdt``
(what changed and how sure it is, in plain Japanese or English; ``tidy`` keeps ``-0.00`` away), ``with_headings`` (column headings for people) and
``to_csv_bytes`` / ``to_xlsx_bytes`` (files for Excel, formula injection neutralised).
"""

from kit.analysis.explain import explain_change, explain_sdt, explain_sittings, tidy
from kit.analysis.export import to_csv_bytes, to_xlsx_bytes
from kit.analysis.frame import answers_frame
from kit.analysis.headings import with_headings
from kit.analysis.items import item_table
from kit.analysis.participation import participation_table
from kit.analysis.prepost import prepost_table
from kit.analysis.sdt import sdt_change_table, sdt_table
from kit.analysis.students import student_table

__all__ = ["answers_frame", "explain_change", "explain_sdt", "explain_sittings", "item_table", "participation_table",
           "prepost_table", "sdt_change_table", "sdt_table", "student_table", "tidy", "to_csv_bytes", "to_xlsx_bytes",
           "with_headings"]
