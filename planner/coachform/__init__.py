"""The coach workbook (interfaces.md section 2): the Excel form a coach fills in, read and written.

- :mod:`planner.coachform.spec`: its sheets, columns, Season keys and header aliases, declared once;
- :mod:`planner.coachform.read`: :func:`~planner.coachform.read.import_workbook`, a filled-in
  workbook into a season, every problem located by sheet, row and column;
- :mod:`planner.coachform.records`: the Injuries, Stage history, Flare-ups and Tests sheets read
  into injury records (several per athlete, each with its flare-ups and tests);
- :mod:`planner.coachform.cells`: a cell's value converted (dates, numbers, roles ...);
- :mod:`planner.coachform.write`: the shipped template and a season written back in that form.

The full plan export (Cover, Team, Calendar, athlete sheets) is :mod:`planner.xlsx_export`.
"""
