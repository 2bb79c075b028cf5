# -*- coding: utf-8 -*-
"""Plain tests of logic/sold_hours.py: no database."""
import unittest

from ..logic import sold_hours

# Odoo's standard calendar: Monday to Friday, 8-12 and 13-17 (40 h)
STANDARD_40 = tuple((day, hour_from, hour_to) for day in range(5)
                    for hour_from, hour_to in ((8.0, 12.0), (13.0, 17.0)))
# 35 h over 5 days: 9-12:30 and 13:30-17
FRENCH_35 = tuple((day, hour_from, hour_to) for day in range(5)
                  for hour_from, hour_to in ((9.0, 12.5), (13.5, 17.0)))
# 39 h over 4 days (Friday off)
FOUR_DAYS_39 = tuple((day, 8.0, 17.75) for day in range(4))


def line(line_id, name, quantity=1.0, unit="day", display_type=False, sequence=None):
    return {"id": line_id, "name": name, "quantity": quantity, "unit": unit,
            "display_type": display_type, "sequence": sequence or line_id * 10}


class TestToHours(unittest.TestCase):

    def test_an_hour_is_an_hour(self):
        self.assertEqual(sold_hours.to_hours(6.5, "hour", FRENCH_35), (6.5, None))

    def test_three_days_are_21_hours_on_a_35_hour_week_of_5_days(self):
        self.assertEqual(sold_hours.to_hours(3, "day", FRENCH_35), (21.0, None))

    def test_a_day_is_the_weekly_hours_over_the_working_days(self):
        self.assertEqual(sold_hours.to_hours(1, "day", STANDARD_40).hours, 8.0)
        self.assertEqual(sold_hours.to_hours(1, "day", FOUR_DAYS_39).hours, 9.75)

    def test_a_week_is_five_days(self):
        self.assertEqual(sold_hours.to_hours(2, "week", FRENCH_35).hours, 70.0)
        self.assertEqual(sold_hours.to_hours(1, "week", FOUR_DAYS_39).hours, 48.75)

    def test_a_month_of_a_35_hour_calendar_is_151_67_hours(self):
        self.assertEqual(sold_hours.to_hours(1, "month", FRENCH_35).hours, 151.67)
        self.assertEqual(sold_hours.to_hours(3, "month", FRENCH_35).hours, 455.0)

    def test_units_are_not_convertible(self):
        self.assertEqual(sold_hours.to_hours(4, "unit", FRENCH_35),
                         (None, sold_hours.IN_UNITS))

    def test_an_unknown_unit_is_not_convertible(self):
        self.assertEqual(sold_hours.to_hours(4, "m2", FRENCH_35),
                         (None, sold_hours.UNKNOWN_UNIT))
        self.assertEqual(sold_hours.to_hours(4, None, FRENCH_35),
                         (None, sold_hours.UNKNOWN_UNIT))

    def test_days_need_a_calendar_with_hours_but_hours_do_not(self):
        self.assertEqual(sold_hours.to_hours(2, "day", ()),
                         (None, sold_hours.NO_CALENDAR_HOURS))
        self.assertEqual(sold_hours.to_hours(2, "hour", ()), (2.0, None))

    def test_a_day_with_two_attendances_counts_once(self):
        self.assertEqual(sold_hours.calendar_week(FRENCH_35), (35.0, 5))


class TestProjectOutline(unittest.TestCase):

    def test_sections_become_phases_and_notes_are_skipped(self):
        outline = sold_hours.project_outline([
            line(1, "Conception", display_type="line_section"),
            line(2, "Maquettes", 3),
            line(3, "Réalisation", display_type="line_section"),
            line(4, "Développement", 6),
            line(5, "Mise en ligne trois semaines après", display_type="line_note"),
        ], FRENCH_35)
        self.assertEqual([p["name"] for p in outline["phases"]], ["Conception", "Réalisation"])
        self.assertEqual([(t["name"], t["hours"], t["phase"]) for t in outline["tasks"]],
                         [("Maquettes", 21.0, 0), ("Développement", 42.0, 1)])

    def test_lines_above_the_first_section_have_no_phase(self):
        outline = sold_hours.project_outline([
            line(1, "Audit", 1),
            line(2, "Pose", display_type="line_section"),
            line(3, "Pose des meubles", 14, "hour"),
        ], FRENCH_35)
        self.assertEqual([t["phase"] for t in outline["tasks"]], [None, 0])
        self.assertEqual(outline["dependencies"], [])

    def test_a_line_in_units_becomes_a_task_with_no_hours_and_its_reason(self):
        outline = sold_hours.project_outline([line(1, "Électroménager", 1, "unit")], FRENCH_35)
        self.assertEqual(outline["tasks"][0]["hours"], 0.0)
        self.assertEqual(outline["tasks"][0]["reason"], sold_hours.IN_UNITS)

    def test_each_task_of_a_phase_waits_for_every_task_of_the_phase_before(self):
        outline = sold_hours.project_outline([
            line(1, "Préparation", display_type="line_section"),
            line(2, "Dépose", 6, "hour"),
            line(3, "Plomberie", 8, "hour"),
            line(4, "Pose", display_type="line_section"),
            line(5, "Meubles", 14, "hour"),
            line(6, "Finitions", display_type="line_section"),
            line(7, "Joints", 4, "hour"),
            line(8, "Nettoyage", 2, "hour"),
        ], FRENCH_35)
        self.assertEqual(sorted(outline["dependencies"]),
                         [(2, 0), (2, 1), (3, 2), (4, 2)])

    def test_a_phase_with_no_task_does_not_break_the_chain(self):
        self.assertEqual(sold_hours.phase_dependencies([0, 2]), [(1, 0)])

    def test_one_phase_has_no_dependencies(self):
        self.assertEqual(sold_hours.phase_dependencies([0, 0, 0]), [])
