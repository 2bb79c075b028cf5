# -*- coding: utf-8 -*-
"""The FEC (fichier des écritures comptables) of the demo year, as
l10n_fr_fec's wizard exports it for the accountant and the tax office."""
import base64
from datetime import date
from decimal import Decimal

from .ledger_common import BillingLedgerCase

# The 18 columns of the FEC, in the order of article A47 A-1 of the LPF
FEC_COLUMNS = [
    "JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib",
    "CompAuxNum", "CompAuxLib", "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit",
    "EcritureLet", "DateLet", "ValidDate", "Montantdevise", "Idevise",
]


def amount(text):
    """A FEC amount ("1200,00", with a decimal comma) as a Decimal."""
    return Decimal(text.strip().replace(",", ".") or "0")


class TestFecExport(BillingLedgerCase):
    @classmethod
    def setUpClass(cls):
        super(TestFecExport, cls).setUpClass()
        cls.year = date.today().year
        cls.invoice = cls.make_invoice(date.today().isoformat(), 2450.0)
        cls.filename, cls.rows = cls.export_fec(cls.year)

    @classmethod
    def export_fec(cls, year):
        """(file name, rows split on "|") of the official FEC of ``year``."""
        wizard = cls.env["account.fr.fec"].create({
            "date_from": "%d-01-01" % year, "date_to": "%d-12-31" % year,
            "export_type": "official"})
        wizard.generate_fec()
        content = base64.b64decode(wizard.fec_data).decode("utf-8")
        return wizard.filename, [line.split("|") for line in content.splitlines() if line]

    def test_the_file_is_named_after_the_siren_and_the_end_of_the_year(self):
        self.assertEqual(self.filename, "812345676FEC%d1231.csv" % self.year)

    def test_the_header_has_the_18_legal_columns_in_their_order_separated_by_pipes(self):
        self.assertEqual(self.rows[0], FEC_COLUMNS)
        self.assertGreater(len(self.rows), 1)
        self.assertTrue(all(len(row) == 18 for row in self.rows))

    def test_total_debit_equals_total_credit(self):
        debit = sum(amount(row[11]) for row in self.rows[1:])
        credit = sum(amount(row[12]) for row in self.rows[1:])
        self.assertGreater(debit, 0)
        self.assertEqual(debit, credit)

    def test_the_entries_of_a_posted_invoice_appear_with_their_amounts(self):
        rows = [row for row in self.rows[1:] if row[2] == self.invoice.move_id.name]
        self.assertEqual(len(rows), 3)   # customer 2,940.00; sales 2,450.00; VAT 490.00
        self.assertEqual(sorted(amount(row[11]) + amount(row[12]) for row in rows),
                         [Decimal("490.00"), Decimal("2450.00"), Decimal("2940.00")])
        self.assertEqual({row[8] for row in rows}, {self.invoice.number})
        receivable = [row for row in rows if row[4].startswith("411")]
        self.assertEqual(receivable[0][7], "Boulangerie Martin")
        self.assertEqual(receivable[0][9], date.today().strftime("%Y%m%d"))

    def test_the_demo_vendor_bill_is_in_the_fec_of_the_demo_year(self):
        bill = self.env.ref("crm_billing.crm_supplier_order_demo_oak").invoice_ids
        self.assertEqual(bill.state, "open")
        rows = self.export_fec(int(bill.date[:4]))[1]
        bill_rows = [row for row in rows if row[2] == bill.move_id.name]
        self.assertEqual(bill_rows[0][0], bill.journal_id.code)
        self.assertEqual(sum(amount(row[11]) for row in bill_rows), Decimal("4494.00"))
