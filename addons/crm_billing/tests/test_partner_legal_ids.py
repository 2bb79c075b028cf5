# -*- coding: utf-8 -*-
"""crm_base's SIRET survives the French accounting, and French VAT numbers are
checked for real once base_vat is there."""
from odoo.exceptions import ValidationError
from odoo.tests.common import TransactionCase


class TestPartnerLegalIds(TransactionCase):
    def test_a_siret_typed_with_spaces_is_kept_whole_with_the_french_chart_installed(self):
        partner = self.env["res.partner"].create({
            "name": "Boulangerie Martin", "is_company": True, "siret": "552 100 554 00013"})
        self.assertEqual(partner.siret, "55210055400013")
        self.assertEqual(partner.siren, "552100554")
        self.assertIsNone(self.env["res.partner"]._fields["siret"].size)

    def test_the_siret_column_takes_any_length_again_after_l10n_fr(self):
        self.env.cr.execute("""
            SELECT character_maximum_length FROM information_schema.columns
             WHERE table_name = 'res_partner' AND column_name = 'siret'""")
        self.assertIsNone(self.env.cr.fetchone()[0])

    def test_a_french_vat_number_with_a_wrong_key_is_refused(self):
        with self.assertRaises(ValidationError):
            self.env["res.partner"].create({
                "name": "Faux Numéro SARL", "is_company": True,
                "country_id": self.env.ref("base.fr").id, "vat": "FR00552100554"})

    def test_a_french_vat_number_with_its_right_key_is_accepted(self):
        partner = self.env["res.partner"].create({
            "name": "Boulangerie Martin", "is_company": True,
            "country_id": self.env.ref("base.fr").id, "vat": "FR96552100554"})
        self.assertEqual(partner.vat, "FR96552100554")
