# -*- coding: utf-8 -*-
"""Plain tests of logic/round_robin.py: no database."""
import unittest

from ..logic import round_robin

ALICE, BRUNO, CHLOE = (("alice", 7), 7), (("bruno", 3), 3), (("chloé", 5), 5)


class TestRoundRobin(unittest.TestCase):

    def test_the_first_record_goes_to_the_first_member_by_name(self):
        self.assertEqual(round_robin.next_in_turn([CHLOE, ALICE, BRUNO]), 7)

    def test_each_next_record_goes_to_the_member_after_the_last_one(self):
        members = [CHLOE, ALICE, BRUNO]
        self.assertEqual(round_robin.next_in_turn(members, ALICE[0]), 3)
        self.assertEqual(round_robin.next_in_turn(members, BRUNO[0]), 5)

    def test_after_the_last_member_the_turn_comes_back_to_the_first(self):
        self.assertEqual(round_robin.next_in_turn([CHLOE, ALICE, BRUNO], CHLOE[0]), 7)

    def test_a_member_who_left_still_marks_the_place_in_the_turn(self):
        # Bruno got the last record, then left the team: Chloé is next, not Alice
        self.assertEqual(round_robin.next_in_turn([ALICE, CHLOE], BRUNO[0]), 5)
        # the last one left and came last in order: back to the first
        self.assertEqual(round_robin.next_in_turn([ALICE, BRUNO], CHLOE[0]), 7)

    def test_two_people_of_the_same_name_take_turns_by_id(self):
        first, second = (("dupont", 4), 4), (("dupont", 9), 9)
        self.assertEqual(round_robin.next_in_turn([second, first]), 4)
        self.assertEqual(round_robin.next_in_turn([second, first], first[0]), 9)
        self.assertEqual(round_robin.next_in_turn([second, first], second[0]), 4)

    def test_nobody_gets_it_without_members(self):
        self.assertIsNone(round_robin.next_in_turn([], ALICE[0]))

    def test_the_key_ignores_case_and_missing_names(self):
        self.assertEqual(round_robin.member_key("Émile", 2), ("émile", 2))
        self.assertEqual(round_robin.member_key(False, 2), ("", 2))
        self.assertLess(round_robin.member_key("alice", 9), round_robin.member_key("Bruno", 1))
