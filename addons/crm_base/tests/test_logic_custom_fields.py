# -*- coding: utf-8 -*-
"""Plain tests of logic/custom_fields.py: no database."""
import unittest
import xml.etree.ElementTree as ET

from ..logic import custom_fields as cf


def _field(name, ftype, **kw):
    data = {"name": name, "type": ftype, "label": kw.pop("label", name), "required": False,
            "show_in_list": False, "filterable": True, "custom_field_id": 3}
    data.update(kw)
    return data


class TestTechnicalNames(unittest.TestCase):

    def test_french_label_gives_an_ascii_name(self):
        self.assertEqual(cf.technical_name("Date de création de l'été"),
                         "x_crm_date_de_creation_de_l_ete")
        self.assertEqual(cf.technical_name("  Chiffre d'affaires 2024 (k€) "),
                         "x_crm_chiffre_d_affaires_2024_k")
        self.assertEqual(cf.technical_name("Œuvre sociale"), "x_crm_oeuvre_sociale")
        self.assertEqual(cf.technical_name("Numéro"), "x_crm_numero")

    def test_names_are_safe_and_short(self):
        name = cf.technical_name("Un libellé vraiment très long pour un champ personnalisé")
        self.assertTrue(cf.is_safe_name(name), name)
        self.assertLessEqual(len(name), len(cf.PREFIX) + cf.MAX_SLUG_LENGTH)
        self.assertFalse(name.endswith("_"))
        for label in ('x"; DROP TABLE res_partner; --', "a\nb", "<script>", "ÀÉÎ 1"):
            self.assertTrue(cf.is_safe_name(cf.technical_name(label)), label)
        self.assertFalse(cf.is_safe_name("x_crm_a b"))
        self.assertFalse(cf.is_safe_name("name"))
        self.assertFalse(cf.is_safe_name("x_crm_" + "a" * 60))

    def test_name_does_not_clash_with_existing_fields(self):
        taken = {"x_crm_budget", "x_crm_budget_2"}
        self.assertEqual(cf.technical_name("Budget", taken), "x_crm_budget_3")
        long_label = "b" * 40
        first = cf.technical_name(long_label)
        second = cf.technical_name(long_label, {first})
        self.assertNotEqual(first, second)
        self.assertEqual(len(first), len(second))

    def test_bad_labels_are_refused_with_a_reason(self):
        for label, code in (("", "empty"), ("   ", "empty"), (None, "empty"),
                            ("!!! ???", "no_letter"), ("€€", "no_letter"),
                            ("a" * 61, "too_long")):
            with self.assertRaises(cf.LabelError) as ctx:
                cf.technical_name(label)
            self.assertEqual(ctx.exception.code, code, label)
        self.assertEqual(cf.check_label("  Âge "), "Âge")


class TestOptions(unittest.TestCase):

    def test_option_keys(self):
        self.assertEqual(cf.option_key("Très intéressé"), "tres_interesse")
        self.assertEqual(cf.option_key("Très intéressé", {"tres_interesse"}), "tres_interesse_2")
        self.assertEqual(cf.option_key("???"), "option")
        self.assertEqual(cf.option_key("!!", {"option"}), "option_2")

    def test_selection_value_is_a_python_literal(self):
        import ast
        value = cf.selection_value([("oui", "Oui l'été"), ("non", 'Non "jamais"')])
        self.assertEqual(ast.literal_eval(value), [("oui", "Oui l'été"), ("non", 'Non "jamais"')])

    def test_relation_table_fits_postgresql(self):
        self.assertEqual(cf.relation_table("res_partner", "x_crm_loisirs"),
                         "x_res_partner_loisirs_rel")
        long_name = cf.relation_table(
            "crm_project_task_with_a_long_table_name", "x_crm_" + "z" * 30)
        self.assertLessEqual(len(long_name), 63)
        self.assertTrue(long_name.startswith("x_") and long_name.endswith("_rel"))
        self.assertNotEqual(long_name, cf.relation_table("crm_project_task_with_a_long_table_name",
                                                         "x_crm_" + "y" * 30))


class TestViewArchs(unittest.TestCase):

    def setUp(self):
        super().setUp()
        self.fields = [
            _field("x_crm_a", "char", required=True, show_in_list=True),
            _field("x_crm_b", "boolean", label="VIP <client>", required=True),
            _field("x_crm_c", "selection", label="Intérêt"),
            _field("x_crm_d", "text"),
            _field("x_crm_e", "tags", show_in_list=True),
            _field("x_crm_f", "partner", filterable=False),
            _field("x_crm_g", "date"),
        ]

    def test_form_shows_every_field_and_the_page(self):
        root = ET.fromstring(cf.form_arch(self.fields))
        names = [f.get("name") for f in root.iter("field")]
        self.assertEqual(sorted(names), sorted(f["name"] for f in self.fields))
        self.assertEqual(root.find("xpath/attribute").text, "0")
        by_name = {f.get("name"): f for f in root.iter("field")}
        self.assertEqual(by_name["x_crm_a"].get("required"), "1")
        self.assertIsNone(by_name["x_crm_b"].get("required"))   # a yes/no is never "required"
        self.assertEqual(by_name["x_crm_e"].get("widget"), "many2many_tags")
        self.assertIn("'default_custom_field_id': 3", by_name["x_crm_e"].get("context"))
        # the multi-line text goes below the two columns
        texts = root.find(".//group[@name='crm_custom_fields_texts']")
        self.assertEqual([f.get("name") for f in texts.iter("field")], ["x_crm_d"])
        self.assertIsNone(
            ET.fromstring(cf.form_arch(self.fields, with_page=False)).find("xpath/attribute"))

    def test_search_has_fields_filters_and_group_bys(self):
        arch = cf.search_arch(self.fields)
        root = ET.fromstring(arch)
        searched = [f.get("name") for f in root.iter("field")]
        self.assertIn("x_crm_a", searched)
        self.assertNotIn("x_crm_f", searched)          # not filterable
        self.assertNotIn("x_crm_b", searched)          # yes/no: a filter instead
        filters = {f.get("name"): f for f in root.iter("filter")}
        self.assertEqual(filters["filter_x_crm_b"].get("domain"), "[('x_crm_b', '=', True)]")
        self.assertEqual(filters["filter_x_crm_b"].get("string"), "VIP <client>")
        self.assertIn("&lt;client&gt;", arch)          # labels are escaped
        self.assertEqual(filters["group_by_x_crm_c"].get("context"), "{'group_by': 'x_crm_c'}")
        self.assertEqual(
            filters["group_by_x_crm_g"].get("context"), "{'group_by': 'x_crm_g:month'}")
        self.assertNotIn("group_by_x_crm_f", filters)

    def test_list_has_only_the_flagged_fields(self):
        root = ET.fromstring(cf.tree_arch(self.fields))
        self.assertEqual([f.get("name") for f in root.iter("field")], ["x_crm_a", "x_crm_e"])
