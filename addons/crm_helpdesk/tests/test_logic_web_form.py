# -*- coding: utf-8 -*-
"""Plain tests of logic/web_form.py and logic/chat_transcript.py: no database."""
import unittest

from ..logic import chat_transcript, web_form

PDF = b"%PDF-1.7\n..."
PNG = b"\x89PNG\r\n\x1a\n...."
EXE = b"MZ\x90\x00rest of a program"
ELF = b"\x7fELF\x02\x01\x01"


def values(**changes):
    return dict({"name": "Camille", "email": "camille@example.fr", "phone": "",
                 "subject": "Panne", "description": "Le four ne chauffe plus"}, **changes)


class TestWebFormLogic(unittest.TestCase):

    def test_a_complete_submission_has_no_problem(self):
        self.assertEqual(web_form.check_submission(values(), [("photo.png", PNG)]), [])

    def test_missing_and_too_long_fields(self):
        problems = web_form.check_submission(
            values(name="", subject="s" * 201, description="d" * 20001), [])
        self.assertEqual([(f, c) for f, c, _p in problems],
                         [("name", "required"), ("subject", "too_long"),
                          ("description", "too_long")])

    def test_bad_email_and_phone(self):
        problems = web_form.check_submission(values(email="a@b", phone="appelez-moi"), [])
        self.assertEqual([(f, c) for f, c, _p in problems],
                         [("email", "email_invalid"), ("phone", "phone_invalid")])

    def test_programs_are_refused_by_extension_and_by_content(self):
        self.assertEqual(web_form.file_problem("devis.pdf", EXE), "file_executable")
        self.assertEqual(web_form.file_problem("notes.txt", ELF), "file_executable")
        self.assertEqual(web_form.file_problem("setup.exe", PDF), "file_type")
        self.assertEqual(web_form.file_problem("run.sh", b"echo"), "file_type")
        self.assertEqual(web_form.file_problem("script.pdf", b"#!/bin/sh\nrm -rf /"),
                         "file_executable")

    def test_content_must_match_the_extension(self):
        self.assertIsNone(web_form.file_problem("facture.PDF", PDF))
        self.assertEqual(web_form.file_problem("photo.jpg", PDF), "file_content")
        self.assertEqual(web_form.file_problem("notes.txt", b"a\x00b"), "file_content")
        self.assertIsNone(web_form.file_problem("notes.txt", "Déjà vu".encode("utf-8")))
        self.assertEqual(web_form.file_problem("archive.zip", b"PK\x03\x04"), "file_type")
        self.assertEqual(web_form.file_problem("vide.pdf", b""), "file_empty")
        self.assertEqual(web_form.file_problem("sans_extension", PDF), "file_type")

    def test_too_many_or_too_big_files(self):
        problems = web_form.check_submission(values(), [("p%d.pdf" % i, PDF) for i in range(6)])
        self.assertEqual([c for _f, c, _p in problems], ["too_many_files"])
        big = PDF + b"0" * web_form.MAX_FILE_TOTAL
        problems = web_form.check_submission(values(), [("gros.pdf", big)])
        self.assertEqual([c for _f, c, _p in problems], ["files_too_big"])

    def test_the_visitor_language_comes_from_the_browser(self):
        self.assertEqual(web_form.preferred_lang("fr-FR,fr;q=0.9,en;q=0.8"), "fr")
        self.assertEqual(web_form.preferred_lang("de-DE,en;q=0.5,fr;q=0.7"), "fr")
        self.assertEqual(web_form.preferred_lang("de-DE", default="fr"), "fr")
        self.assertEqual(web_form.preferred_lang("fr;q=0,en"), "en")
        self.assertEqual(web_form.preferred_lang(""), "en")


class TestChatTranscript(unittest.TestCase):

    def test_the_transcript_escapes_everything(self):
        text = chat_transcript.transcript_html(
            [("<b>Visiteur</b>", "2026-12-03 10:00", "<script>alert(1)</script>\nligne 2")],
            heading="Chat")
        self.assertNotIn("<script", text)
        self.assertIn("&lt;script&gt;", text)
        self.assertIn("&lt;b&gt;Visiteur", text)
        self.assertIn("<br/>ligne 2", text)

    def test_the_first_email_typed_is_found(self):
        self.assertEqual(chat_transcript.find_email(["bonjour", "c'est Paul@Example.fr."]),
                         "paul@example.fr")
        self.assertIsNone(chat_transcript.find_email(["pas d'adresse", None]))

    def test_the_title(self):
        self.assertEqual(chat_transcript.ticket_title(" Retard ", ["x"], "Chat"), "Retard")
        self.assertEqual(chat_transcript.ticket_title("", ["", " Mon   colis "], "Chat"),
                         "Mon colis")
        self.assertEqual(chat_transcript.ticket_title("", [], "Chat"), "Chat")
        self.assertEqual(len(chat_transcript.ticket_title("x" * 300, [], "C")), 120)
