# -*- coding: utf-8 -*-
"""The contact import wizard, step by step, as a user goes through it."""
import base64
import csv
import io
from unittest import mock

import openpyxl

from odoo.exceptions import UserError
from odoo.tests.common import TransactionCase

from ..wizard import crm_import_wizard as wizard_module

COMPANIES_CSV = (
    "Raison sociale;SIRET;Code NAF;Forme juridique;Adresse;Code postal;Ville;Pays;Courriel\n"
    "Boulangerie Martin SARL;552 100 554 00013;10.71C;SARL;3 rue du Four;69002;Lyon;France;"
    "contact@boulangerie-martin.fr\n"
    "Atelier Dubois;732 829 320 00074;;SAS;;1000;Bruxelles;Belgique;atelier@dubois.be\n"
)


class ImportCase(TransactionCase):

    def setUp(self):
        super(ImportCase, self).setUp()
        self.Partner = self.env["res.partner"]
        self.Wizard = self.env["crm.import.wizard"]

    def wizard(self, content, import_type="company", file_name="contacts.csv", **options):
        if isinstance(content, str):
            content = content.encode("utf-8")
        wizard = self.Wizard.create({
            "file": base64.b64encode(content), "file_name": file_name,
            "import_type": import_type,
            "dedup_rule": options.pop("dedup_rule", "siret" if import_type == "company"
                                      else "email"),
            "duplicate_action": options.pop("duplicate_action", "update"),
        })
        wizard.action_upload()
        return wizard

    def run_import(self, wizard):
        wizard.action_confirm_mapping()
        wizard.action_preview()
        wizard.action_import()
        return wizard.run_id

    def report_rows(self, run):
        text = base64.b64decode(run.report_file).decode("utf-8-sig")
        return list(csv.reader(io.StringIO(text), delimiter=";"))


class TestImportCompanies(ImportCase):

    def test_french_csv_is_mapped_previewed_and_imported(self):
        wizard = self.wizard(COMPANIES_CSV)
        self.assertEqual(wizard.state, "mapping")
        self.assertEqual(wizard.line_ids.mapped("target"), [
            "name", "siret", "naf_code", "legal_form", "street", "zip", "city", "country",
            "email"])
        self.assertEqual(wizard.line_ids[6].sample, "Lyon | Bruxelles")
        self.assertIn(";", wizard.file_info)

        wizard.action_confirm_mapping()
        wizard.action_preview()
        self.assertEqual((wizard.row_count, wizard.new_count, wizard.duplicate_count,
                          wizard.error_count), (2, 2, 0, 0))
        self.assertEqual(wizard.preview_ids.mapped("name"),
                         ["Boulangerie Martin SARL", "Atelier Dubois"])
        self.assertEqual(wizard.preview_ids[1].country_id, self.env.ref("base.be"))
        # the preview writes nothing
        self.assertFalse(self.Partner.search([("siret", "=", "55210055400013")]))

        wizard.action_import()
        run = wizard.run_id
        self.assertEqual(wizard.state, "done")
        self.assertEqual((run.state, run.created_count, run.error_count), ("done", 2, 0))
        martin = self.Partner.search([("siret", "=", "55210055400013")])
        self.assertEqual(martin.name, "Boulangerie Martin SARL")
        self.assertTrue(martin.is_company)
        self.assertEqual(martin.siren, "552100554")
        self.assertEqual(martin.naf_code, "10.71C")
        self.assertEqual(martin.legal_form, "sarl")
        self.assertEqual(martin.country_id, self.env.ref("base.fr"))
        self.assertEqual(martin.display_name, "Boulangerie Martin SARL")
        self.assertEqual(martin.commercial_partner_id, martin)
        dubois = self.Partner.search([("siret", "=", "73282932000074")])
        self.assertEqual((dubois.city, dubois.zip, dubois.legal_form), ("Bruxelles", "1000", "sas"))
        # bulk creation leaves no "created" message and no follower
        self.assertFalse(martin.message_ids)

    def test_rows_with_errors_import_nothing_and_the_report_lists_them(self):
        content = COMPANIES_CSV + (
            "Sans Siret;55210055400014;;;;;Paris;France;x@y.fr\n"
            ";;;;;;Lille;Atlantide;pas-un-email\n")
        wizard = self.wizard(content)
        wizard.action_confirm_mapping()
        wizard.action_preview()
        self.assertEqual((wizard.new_count, wizard.error_count), (2, 2))
        self.assertEqual(wizard.preview_ids[2].outcome, "error")
        self.assertIn("SIRET", wizard.preview_ids[2].message)
        wizard.action_import()
        run = wizard.run_id
        self.assertEqual((run.state, run.created_count, run.error_count), ("failed", 0, 2))
        self.assertIn("nothing was imported", run.message)
        self.assertFalse(self.Partner.search([("siret", "=", "55210055400013")]))
        rows = self.report_rows(run)
        self.assertEqual(rows[0], ["Row", "Column", "Value", "Reason"])
        self.assertEqual(rows[1][:3], ["4", "SIRET", "55210055400014"])
        self.assertIn("not valid", rows[1][3])
        by_column = {row[1]: row for row in rows[1:] if row[0] == "5"}
        self.assertEqual(set(by_column), {"Raison sociale", "Pays", "Courriel"})
        self.assertEqual(by_column["Pays"][2], "Atlantide")
        self.assertTrue(run.report_file_name.endswith(".csv"))

    def test_a_row_the_database_refuses_rolls_back_the_whole_file(self):
        wizard = self.wizard(COMPANIES_CSV)
        original = wizard_module.CrmImportWizard._partner_values

        def values(vals, parent_ids):
            vals = original(vals, parent_ids)
            if vals["name"] == "Atelier Dubois":
                vals["siren"] = "123456789"     # refused by res.partner's constraint
            return vals

        with mock.patch.object(wizard_module.CrmImportWizard, "_partner_values",
                               staticmethod(values)):
            run = self.run_import(wizard)
        self.assertEqual((run.state, run.created_count), ("failed", 0))
        self.assertIn("Row 3 was refused", run.message)
        # the first row had been created, it was rolled back with the rest
        self.assertFalse(self.Partner.search([("siret", "=", "55210055400013")]))
        self.assertEqual(self.report_rows(run)[1][0], "3")

    def test_xlsx_file(self):
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["Company name", "SIRET", "City", "Country", "Date"])
        sheet.append(["Excel SAS", 55210055400013, "Nantes", "FR", "31/12/2023"])
        out = io.BytesIO()
        book.save(out)
        wizard = self.wizard(out.getvalue(), file_name="export.xlsx")
        self.assertIn("Excel", wizard.file_info)
        run = self.run_import(wizard)
        self.assertEqual(run.created_count, 1)
        partner = self.Partner.search([("siret", "=", "55210055400013")])
        self.assertEqual((partner.name, partner.city, partner.date), ("Excel SAS", "Nantes",
                                                                      "2023-12-31"))

    def test_unreadable_files_and_wrong_mappings_are_explained(self):
        with self.assertRaises(UserError) as ctx:
            self.wizard(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, file_name="old.xls")
        self.assertIn(".xlsx", ctx.exception.name)
        with self.assertRaises(UserError) as ctx:
            self.wizard("Raison sociale;Ville\n")
        self.assertIn("no data rows", ctx.exception.name)
        wizard = self.wizard(COMPANIES_CSV)
        wizard.line_ids[0].target = False
        with self.assertRaises(UserError) as ctx:
            wizard.action_confirm_mapping()
        self.assertIn("name", ctx.exception.name)
        wizard.line_ids[0].target = "name"
        wizard.line_ids[1].target = "first_name"
        with self.assertRaises(UserError) as ctx:
            wizard.action_confirm_mapping()
        self.assertIn("people only", ctx.exception.name)
        wizard.line_ids[1].target = "city"
        with self.assertRaises(UserError) as ctx:
            wizard.action_confirm_mapping()
        self.assertIn("two columns", ctx.exception.name)


class TestImportDuplicates(ImportCase):

    def setUp(self):
        super(TestImportDuplicates, self).setUp()
        self.existing = self.Partner.create({
            "name": "Boulangerie Martin", "is_company": True, "siret": "55210055400013",
            "city": "Lyon", "phone": "04 00 00 00 00"})

    def test_update_the_existing_company_and_merge_rows_of_the_file(self):
        content = COMPANIES_CSV + (
            "Atelier Dubois;73282932000074;;;;;Bruxelles;Belgique;nouveau@dubois.be\n")
        wizard = self.wizard(content, dedup_rule="siret", duplicate_action="update")
        wizard.action_confirm_mapping()
        wizard.action_preview()
        self.assertEqual((wizard.new_count, wizard.duplicate_count), (1, 2))
        self.assertEqual(wizard.preview_ids.mapped("outcome"), ["update", "new", "merge"])
        self.assertIn("Boulangerie Martin", wizard.preview_ids[0].message)
        self.assertIn("row 3", wizard.preview_ids[2].message)
        wizard.action_import()
        run = wizard.run_id
        self.assertEqual((run.created_count, run.updated_count, run.skipped_count), (1, 2, 0))
        self.assertEqual(self.Partner.search_count([("siret", "=", "55210055400013")]), 1)
        self.assertEqual(self.existing.email, "contact@boulangerie-martin.fr")
        self.assertEqual(self.existing.phone, "04 00 00 00 00")   # empty cells keep values
        dubois = self.Partner.search([("siret", "=", "73282932000074")])
        self.assertEqual(len(dubois), 1)
        self.assertEqual(dubois.email, "nouveau@dubois.be")    # the later row wins

    def test_skip_or_create_anyway(self):
        run = self.run_import(self.wizard(COMPANIES_CSV, duplicate_action="skip"))
        self.assertEqual((run.created_count, run.skipped_count), (1, 1))
        self.assertFalse(self.existing.email)
        run = self.run_import(self.wizard(COMPANIES_CSV, duplicate_action="create"))
        self.assertEqual(run.created_count, 2)
        self.assertEqual(self.Partner.search_count([("siret", "=", "55210055400013")]), 2)

    def test_name_and_city_rule_ignores_legal_form_case_and_accents(self):
        content = ("Société;Ville\n"
                   "BOULANGERIE MARTIN S.A.R.L.;LYON\n"
                   "Boulangerie Martin;Villeurbanne\n")
        run = self.run_import(self.wizard(content, dedup_rule="name_city",
                                          duplicate_action="skip"))
        self.assertEqual((run.created_count, run.skipped_count), (1, 1))
        self.assertEqual(sorted(self.Partner.search([("name", "=", "Boulangerie Martin")]
                                                    ).mapped("city")), ["Lyon", "Villeurbanne"])
        self.assertFalse(self.Partner.search([("name", "=", "BOULANGERIE MARTIN S.A.R.L.")]))


class TestImportPeople(ImportCase):

    def test_people_with_first_last_name_and_their_company(self):
        company = self.Partner.create({"name": "Atelier Dubois SAS", "is_company": True})
        content = ("Prénom,Nom,Société,Fonction,E-mail,Portable\n"
                   "Élodie,Martin,ATELIER DUBOIS,Gérante,elodie@dubois.fr,06 12 34 56 78\n"
                   "Paul,Durand,Nouvelle Société,Comptable,paul@nouvelle.fr,\n"
                   "Paul,Durand,,,PAUL@nouvelle.fr,06 99 99 99 99\n").encode("cp1252")
        wizard = self.wizard(content, import_type="person")
        self.assertEqual(wizard.line_ids.mapped("target"), [
            "first_name", "last_name", "parent_name", "function", "email", "mobile"])
        self.assertIn("cp1252", wizard.file_info)
        run = self.run_import(wizard)
        self.assertEqual((run.state, run.created_count, run.updated_count), ("done", 2, 1))
        self.assertIn("1 companies created", run.message)
        elodie = self.Partner.search([("email", "=", "elodie@dubois.fr")])
        self.assertEqual((elodie.name, elodie.function, elodie.parent_id),
                         ("Élodie Martin", "Gérante", company))
        self.assertFalse(elodie.is_company)
        self.assertEqual(elodie.commercial_partner_id, company)
        paul = self.Partner.search([("email", "ilike", "paul@nouvelle.fr")])
        self.assertEqual(len(paul), 1)
        self.assertEqual(paul.parent_id.name, "Nouvelle Société")
        self.assertTrue(paul.parent_id.is_company)
        self.assertEqual(paul.mobile, "06 99 99 99 99")


class TestImportProgressAndAccess(ImportCase):

    def test_large_files_report_progress_by_batch(self):
        lines = ["Nom;Email"] + ["Contact %d;c%d@exemple.fr" % (i, i) for i in range(25)]
        wizard = self.wizard("\n".join(lines), import_type="person")
        calls = []
        with mock.patch.object(wizard_module, "BATCH_SIZE", 10), \
                mock.patch.object(wizard_module, "PROGRESS_MIN_ROWS", 20), \
                mock.patch.object(wizard_module.CrmImportWizard, "_notify_progress",
                                  lambda self, done, total: calls.append((done, total))):
            run = self.run_import(wizard)
        self.assertEqual(run.created_count, 25)
        self.assertEqual(calls, [(10, 25), (20, 25), (25, 25)])

    def test_user_without_create_rights_is_told(self):
        employee = self.env["res.users"].create({
            "name": "Dominique Lecture", "login": "dominique.lecture",
            "groups_id": [(6, 0, [self.env.ref("base.group_user").id])]})
        wizard = self.Wizard.sudo(employee).create({
            "file": base64.b64encode(COMPANIES_CSV.encode()), "file_name": "a.csv",
            "import_type": "company"})
        with self.assertRaises(UserError) as ctx:
            wizard.action_upload()
        self.assertIn("not allowed to create contacts", ctx.exception.name)

    def test_users_see_their_own_imports_managers_all(self):
        user = self.env["res.users"].create({
            "name": "Camille Import", "login": "camille.import",
            "groups_id": [(6, 0, [self.env.ref("crm_base.group_crm_user").id])]})
        mine = self.env["crm.import.run"].sudo(user).create({
            "name": "mine.csv", "import_type": "company", "state": "done"})
        other = self.run_import(self.wizard(COMPANIES_CSV))     # by the administrator
        visible = self.env["crm.import.run"].sudo(user).search([])
        self.assertIn(mine, visible)
        self.assertNotIn(other, visible)
        self.assertIn(mine, self.env["crm.import.run"].search([]))
