# -*- coding: utf-8 -*-
"""Plain tests of logic/mail_intake.py: no database."""
import unittest

from ..logic import mail_intake as intake


class TestTicketNumbers(unittest.TestCase):

    def test_a_bracketed_or_bare_number_in_a_subject_is_found_once_upper_cased(self):
        self.assertEqual(intake.ticket_numbers("Re: [tk-00042] Imprimante"), ["TK-00042"])
        self.assertEqual(intake.ticket_numbers("TK-00042 encore, voir TK-00042 et TK-00043"),
                         ["TK-00042", "TK-00043"])

    def test_a_number_glued_to_other_characters_is_not_a_ticket_number(self):
        self.assertEqual(intake.ticket_numbers("XTK-00042 ou TK-00042B ou TK-12"), [])

    def test_the_number_is_put_in_front_of_a_subject_only_once(self):
        self.assertEqual(intake.with_number("Votre demande", "TK-00042"),
                         "[TK-00042] Votre demande")
        self.assertEqual(intake.with_number("Re: [TK-00042] Votre demande", "TK-00042"),
                         "Re: [TK-00042] Votre demande")
        self.assertEqual(intake.with_number("", "TK-00042"), "[TK-00042]")


class TestThreadSubject(unittest.TestCase):

    def test_french_and_english_reply_and_forward_prefixes_are_removed(self):
        for subject in ("Re: Imprimante en panne", "RE : TR: Imprimante  en panne",
                        "Fwd: Re[2]: imprimante en panne", "Réf: AW: Imprimante en panne",
                        "Re: [TK-00042] Imprimante en panne"):
            self.assertEqual(intake.thread_subject(subject), "imprimante en panne", subject)

    def test_a_subject_that_only_starts_like_a_prefix_is_kept(self):
        self.assertEqual(intake.thread_subject("Relance facture"), "relance facture")
        self.assertEqual(intake.thread_subject(None), "")


class TestAttachments(unittest.TestCase):

    def test_programs_and_scripts_are_dropped_for_their_type(self):
        kept, dropped = intake.filter_attachments(
            [("facture.pdf", 10, "application/pdf"), ("setup.EXE", 10, None),
             ("photo.jpg", 10, "image/jpeg"), ("outil", 10, "application/x-msdownload")],
            1000)
        self.assertEqual(kept, [0, 2])
        self.assertEqual(dropped, [("setup.EXE", "type"), ("outil", "type")])

    def test_attachments_past_the_size_budget_are_dropped_the_first_ones_kept(self):
        kept, dropped = intake.filter_attachments(
            [("a.pdf", 600, None), ("b.pdf", 600, None), ("c.txt", 300, None)], 1000)
        self.assertEqual(kept, [0, 2])
        self.assertEqual(dropped, [("b.pdf", "size")])

    def test_no_budget_keeps_every_allowed_attachment(self):
        kept, dropped = intake.filter_attachments([("a.pdf", 10 ** 9, None)], 0)
        self.assertEqual((kept, dropped), ([0], []))


class TestMergeFields(unittest.TestCase):

    def test_fields_are_replaced_escaped_and_unknown_ones_left_as_typed(self):
        body = "<p>Bonjour {first_name}, votre ticket {ticket_number} ({ oops }) {unknown}</p>"
        merged = intake.merge_fields(body, {"first_name": "Zoé <script>",
                                            "ticket_number": "TK-00042"})
        self.assertEqual(merged, "<p>Bonjour Zoé &lt;script&gt;, votre ticket TK-00042 "
                                 "({ oops }) {unknown}</p>")

    def test_the_first_name_is_the_first_word_of_the_name(self):
        self.assertEqual(intake.first_name("Marie-Hélène Dupont"), "Marie-Hélène")
        self.assertEqual(intake.first_name(""), "")
