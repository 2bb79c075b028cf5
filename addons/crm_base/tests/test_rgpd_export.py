# -*- coding: utf-8 -*-
"""Export of a person's data (RGPD art. 15 and 20): one zip, JSON and CSV that
read back, every part (the hook included), the files, the register; managers
only."""
import base64
import csv
import io
import json
import time
import zipfile

from odoo.exceptions import AccessError, UserError
from odoo.tests.common import TransactionCase

from ..logic import rgpd_export
from .rgpd_common import EMAIL, MOBILE, NAME, RgpdTestInvoice, make_invoice, make_person, registered


class TestRgpdExport(TransactionCase):

    def setUp(self):
        super(TestRgpdExport, self).setUp()
        Users = self.env["res.users"].with_context(no_reset_password=True, mail_create_nolog=True)
        self.manager = Users.create({
            "name": "Martine Manager", "login": "martine.export@example.com",
            "email": "martine.export@example.com",
            "groups_id": [(6, 0, [self.env.ref("crm_base.group_crm_manager").id])]})
        self.user = Users.create({
            "name": "Ulysse Commercial", "login": "ulysse.export@example.com",
            "email": "ulysse.export@example.com",
            "groups_id": [(6, 0, [self.env.ref("crm_base.group_crm_user").id])]})
        self.records = make_person(self.env)
        self.person = self.records["person"]

    def export(self, user=None):
        action = self.person.sudo(user or self.manager).action_crm_rgpd_export()
        self.assertEqual(action["type"], "ir.actions.act_url")
        attachment_id = int(action["url"].split("/web/content/")[1].split("?")[0])
        return self.env["ir.attachment"].browse(attachment_id)

    def test_archive_holds_every_part_in_json_and_csv(self):
        Partner = type(self.env["res.partner"])
        original = Partner._crm_rgpd_export_parts

        def extended(partner):
            # what an addon writes: parts = super()._crm_rgpd_export_parts(); parts[...] = ...
            parts = original(partner)
            parts["test_extension"] = [{"contact_id": partner.id, "loyalty_points": 120}]
            return parts

        self.patch(Partner, "_crm_rgpd_export_parts", extended)
        with registered(self.env, RgpdTestInvoice):
            make_invoice(self.env, self.person)
            start = time.time()
            attachment = self.export()
            duration = time.time() - start
        self.assertEqual(attachment.mimetype, "application/zip")
        self.assertEqual(attachment.datas_fname, "rgpd-export-%d-%s.zip" % (
            self.person.id, attachment.create_date[:10]))
        data = base64.b64decode(attachment.sudo(self.manager).datas)

        # read back with the standard library only
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = archive.namelist()
            document = json.loads(archive.read("data.json").decode("utf-8"))
            tables = {name[:-4]: list(csv.DictReader(
                io.StringIO(archive.read(name).decode("utf-8-sig")), delimiter=";"))
                for name in names if name.endswith(".csv")}
            photo = archive.read("files/photo.png")
        parts = document["parts"]
        self.assertEqual(document["about"]["contact_id"], self.person.id)
        self.assertEqual(document["about"]["generated_by"], "Martine Manager")
        for part in ("contact", "consents", "messages", "meetings", "activities", "attachments",
                     "relations", "bank_accounts", "rgpd_operations", "files",
                     "crm_rgpd_test_invoice", "test_extension"):
            self.assertIn(part, parts)
            self.assertIn(part, tables)           # one CSV per part
            self.assertEqual(len(tables[part]), len(parts[part]), part)

        contact = parts["contact"][0]
        self.assertEqual((contact["name"], contact["email"], contact["mobile"]),
                         (NAME, EMAIL, MOBILE))
        self.assertEqual(contact["country_id"], "France")
        self.assertEqual(tables["contact"][0]["email"], EMAIL)
        self.assertEqual(parts["consents"][0]["state"], "Granted")
        self.assertEqual(parts["consents"][0]["purpose_id"], "Newsletter")
        subjects = {row["subject"] for row in parts["messages"]}
        self.assertTrue({"Devis pour %s" % NAME, "Demande de devis", "Votre devis, %s" % NAME,
                         "Question", "Facture FAC-2024-0042"} <= subjects)
        note = [row for row in parts["messages"] if row["subject"] == "Devis pour %s" % NAME][0]
        self.assertIn(MOBILE, note["body"])
        self.assertNotIn("<p>", note["body"])       # text, not HTML
        self.assertEqual(parts["meetings"][0]["subject"], "Rendez-vous %s" % NAME)
        self.assertEqual(len(parts["meetings"]), 1)
        self.assertEqual(parts["activities"][0]["summary"], "Rappeler %s" % NAME)
        self.assertEqual(parts["bank_accounts"][0]["acc_number"],
                         "FR76 3000 6000 0112 3456 7890 189")
        # the parts of the other addons: through crm.rgpd.mixin and through super()
        self.assertEqual(parts["crm_rgpd_test_invoice"][0]["number"], "FAC-2024-0042")
        self.assertEqual(parts["crm_rgpd_test_invoice"][0]["partner_id"], NAME)
        self.assertEqual(tables["crm_rgpd_test_invoice"][0]["amount"], "1250.0")
        self.assertEqual(parts["test_extension"],
                         [{"contact_id": self.person.id, "loyalty_points": 120}])
        self.assertEqual(tables["test_extension"][0]["loyalty_points"], "120")
        # the files: photo, documents of the contact and of its messages, proof of consent
        self.assertEqual(photo, base64.b64decode(self.person.image))
        stored = {row["name"] for row in parts["files"]}
        self.assertIn("photo.png", stored)
        for record in (self.records["document"], self.records["note_document"]):
            self.assertIn("%d-%s" % (record.id, record.datas_fname), stored)
        self.assertTrue(any(name.endswith("accord.eml") for name in stored))
        self.assertTrue(any(name.endswith("FAC-2024-0042.pdf") for name in stored))
        self.assertEqual(len([n for n in names if n.startswith("files/")]), len(parts["files"]))
        # the logic module reads it the same way
        self.assertEqual(rgpd_export.read_archive(data)[0], document)
        self.assertLess(duration, 10)

        # the register: who, when; the archive can be downloaded again
        log = self.env["crm.rgpd.log"].browse(attachment.res_id)
        self.assertEqual(attachment.res_model, "crm.rgpd.log")
        self.assertEqual((log.operation, log.partner_ref, log.user_id),
                         ("export", self.person.id, self.manager))
        self.assertTrue(log.sudo(self.manager).has_archive)
        self.assertIn(str(attachment.id), log.sudo(self.manager).action_download()["url"])

    def test_managers_only(self):
        with self.assertRaises(AccessError):
            self.export(user=self.user)
        self.assertFalse(self.env["crm.rgpd.log"].search([("partner_ref", "=", self.person.id)]))
        attachment = self.export()
        # the archive is not readable by a user
        with self.assertRaises(AccessError):
            attachment.sudo(self.user).read(["datas"])

    def test_erasure_deletes_the_archives(self):
        attachment = self.export()
        log = self.env["crm.rgpd.log"].browse(attachment.res_id)
        wizard = self.env["crm.rgpd.erase"].sudo(self.manager).create(
            {"partner_ids": [(6, 0, self.person.ids)], "confirmation": NAME})
        wizard.action_erase()
        self.assertFalse(attachment.exists())
        self.assertFalse(log.has_archive)
        with self.assertRaises(UserError):
            log.sudo(self.manager).action_download()
        erase_log = self.env["crm.rgpd.log"].search([("partner_ref", "=", self.person.id),
                                                     ("operation", "=", "erase")])
        self.assertIn("Export archives deleted: 1.", erase_log.summary)
