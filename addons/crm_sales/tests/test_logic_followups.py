# -*- coding: utf-8 -*-
"""Plain tests of logic/followups.py: no database."""
import datetime
import unittest

from ..logic import followups

D = datetime.date
DT = datetime.datetime


class TestFollowupsLogic(unittest.TestCase):

    def test_idle_means_nothing_since_the_cutoff_and_nothing_planned(self):
        now = DT(2026, 11, 23, 6, 0)
        cutoff = followups.idle_cutoff(now, 14)
        self.assertEqual(cutoff, DT(2026, 11, 9, 6, 0))
        created, stage, message = DT(2026, 9, 1), DT(2026, 10, 1), DT(2026, 11, 1)
        self.assertTrue(followups.is_idle([created, stage, message, None], cutoff))
        # a message 13 days ago, a meeting ending at the cutoff, a planned activity: not idle
        self.assertFalse(followups.is_idle([created, DT(2026, 11, 10)], cutoff))
        self.assertFalse(followups.is_idle([created, cutoff], cutoff))
        self.assertFalse(followups.is_idle([created, stage], cutoff, has_planned_activity=True))
        # a meeting planned next week counts as activity
        self.assertFalse(followups.is_idle([created, DT(2026, 11, 30, 10, 0)], cutoff))
        self.assertTrue(followups.is_idle([None], cutoff))

    def test_first_followup_after_sending_then_every_interval(self):
        sent = DT(2026, 11, 2, 9, 30)
        self.assertEqual(followups.next_followup_date("sent", sent, None, 0, False, 7, 3),
                         D(2026, 11, 9))
        self.assertEqual(followups.next_followup_date("sent", sent, D(2026, 11, 9), 1, False, 7, 3),
                         D(2026, 11, 16))
        self.assertEqual(
            followups.next_followup_date("sent", sent, D(2026, 11, 16), 2, False, 7, 3),
            D(2026, 11, 23))

    def test_sent_again_by_hand_after_a_followup_waits_a_full_interval(self):
        self.assertEqual(followups.next_followup_date("sent", DT(2026, 11, 12, 16, 0),
                                                      D(2026, 11, 9), 1, False, 7, 3),
                         D(2026, 11, 19))

    def test_no_followup_past_the_limit_or_when_not_waiting(self):
        sent = DT(2026, 11, 2, 9, 30)
        self.assertIsNone(
            followups.next_followup_date("sent", sent, D(2026, 11, 23), 3, False, 7, 3))
        self.assertIsNone(followups.next_followup_date("sent", sent, None, 0, True, 7, 3))
        self.assertIsNone(followups.next_followup_date("sent", sent, None, 0, False, 7, 0))
        self.assertIsNone(followups.next_followup_date("sent", None, None, 0, False, 7, 3))
        for state in ("draft", "signed", "refused", "cancel"):
            self.assertIsNone(
                followups.next_followup_date(state, sent, None, 0, False, 7, 3), state)

    def test_due(self):
        self.assertTrue(followups.followup_due(D(2026, 11, 23), D(2026, 11, 23)))
        self.assertTrue(followups.followup_due(D(2026, 11, 20), D(2026, 11, 23)))
        self.assertFalse(followups.followup_due(D(2026, 11, 24), D(2026, 11, 23)))
        self.assertFalse(followups.followup_due(None, D(2026, 11, 23)))
