# -*- coding: utf-8 -*-
import os
import subprocess
import sys
import time

import odoo
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests.common import TransactionCase

# (type, label, value written, domain value that finds it)
TYPES = [
    ("char", "Code client interne", "AB-12", "AB-12"),
    ("text", "Remarques de l'équipe", "Rappeler en septembre", "septembre"),
    ("integer", "Nombre de salariés", 42, 42),
    ("float", "Budget annuel", 1250.5, 1250.5),
    ("date", "Date du premier contact", "2024-03-15", "2024-03-15"),
    ("datetime", "Dernier appel", "2024-03-15 09:30:00", "2024-03-15 09:30:00"),
    ("selection", "Intérêt", "chaud", "chaud"),
    ("boolean", "Client VIP", True, True),
    ("partner", "Apporteur d'affaires", None, None),
    ("user", "Commercial référent", None, None),
    ("tags", "Centres d'intérêt", None, None),
]


class CustomFieldCase(TransactionCase):

    def setUp(self):
        super(CustomFieldCase, self).setUp()
        self.CustomField = self.env["crm.custom.field"]
        self.Partner = self.env["res.partner"]
        self.partner_model = self.env["ir.model"]._get("res.partner")

    def _add(self, label, field_type, env=None, **values):
        values.update(name=label, field_type=field_type, model_id=self.partner_model.id)
        if field_type in ("selection", "tags") and "option_ids" not in values:
            values["option_ids"] = [(0, 0, {"name": "Chaud"}), (0, 0, {"name": "Tiède"}),
                                    (0, 0, {"name": "Froid"})]
        return (env or self.env)["crm.custom.field"].create(values)

    def _view(self, view_type):
        action_view = {"form": "base.view_partner_form", "search": "base.view_res_partner_filter",
                       "tree": "base.view_partner_tree"}[view_type]
        return self.Partner.fields_view_get(view_id=self.env.ref(action_view).id,
                                            view_type=view_type)

    def _user(self, login, *groups):
        return self.env["res.users"].with_context(no_reset_password=True).create({
            "name": login, "login": login, "email": "%s@example.com" % login,
            "groups_id": [(6, 0, [self.env.ref(group).id for group in groups])]})

    def _column_exists(self, table, column):
        self.env.cr.execute("SELECT 1 FROM information_schema.columns "
                            "WHERE table_name = %s AND column_name = %s", (table, column))
        return bool(self.env.cr.fetchone())


class TestCustomFields(CustomFieldCase):

    def test_twenty_two_fields_of_every_type_work_on_contacts(self):
        start = time.time()
        created = self.CustomField
        for round_ in (1, 2):
            for field_type, label, _value, _search in TYPES:
                created |= self._add("%s %d" % (label, round_), field_type,
                                     show_in_list=field_type in ("char", "tags", "selection"))
        elapsed = time.time() - start
        self.assertEqual(len(created), 22)
        self.assertLess(elapsed, 120, "creating 22 fields took %.1fs" % elapsed)
        first = {f.field_type: f for f in created if f.name.endswith(" 1")}
        self.assertEqual(first["char"].field_name, "x_crm_code_client_interne_1")
        self.assertEqual(first["tags"].field_name, "x_crm_centres_d_interet_1")
        for custom in created:
            self.assertEqual(custom.ir_field_id.state, "manual")
            self.assertEqual(custom.ir_field_id.name, custom.field_name)
            self.assertIn(custom.field_name, self.Partner._fields)
        self.assertEqual(self.Partner._fields[first["selection"].field_name].selection,
                         [("chaud", "Chaud"), ("tiede", "Tiède"), ("froid", "Froid")])

        # values are written, read back and found by a search
        other = self.Partner.create({"name": "Autre société"})
        salesman = self.env.ref("base.user_root")
        tags = first["tags"].option_ids
        partner = self.Partner.create({"name": "Boulangerie Dupont", "is_company": True})
        values = {first[t].field_name: v for t, _l, v, _s in TYPES if v is not None}
        values.update({first["partner"].field_name: other.id, first["user"].field_name: salesman.id,
                       first["tags"].field_name: [(6, 0, tags[:2].ids)]})
        partner.write(values)
        partner.invalidate_cache()
        fname = lambda t: first[t].field_name   # noqa: E731
        self.assertEqual(partner[fname("char")], "AB-12")
        self.assertEqual(partner[fname("integer")], 42)
        self.assertAlmostEqual(partner[fname("float")], 1250.5)
        self.assertEqual(partner[fname("date")], "2024-03-15")
        self.assertEqual(partner[fname("selection")], "chaud")
        self.assertIs(partner[fname("boolean")], True)
        self.assertEqual(partner[fname("partner")], other)
        self.assertEqual(partner[fname("user")], salesman)
        self.assertEqual(partner[fname("tags")], tags[:2])
        for field_type, _label, _value, search in TYPES:
            operator = "ilike" if field_type == "text" else "="
            if field_type == "partner":
                domain = [(fname(field_type), "=", other.id)]
            elif field_type == "user":
                domain = [(fname(field_type), "=", salesman.id)]
            elif field_type == "tags":
                domain = [(fname(field_type), "in", tags[1].ids)]
            else:
                domain = [(fname(field_type), operator, search)]
            self.assertEqual(self.Partner.search(domain), partner, field_type)
        # a user searching with a name through a link
        self.assertEqual(self.Partner.search([(fname("partner"), "ilike", "Autre soc")]), partner)
        self.assertEqual(self.Partner.search([(fname("tags"), "ilike", "Tiède")]), partner)

        # the form shows every field, the search the filterable ones, the list the flagged ones
        form = self._view("form")
        for custom in created:
            self.assertIn('name="%s"' % custom.field_name, form["arch"])
            self.assertIn(custom.field_name, form["fields"])
        self.assertIn('name="crm_custom_fields"', form["arch"])
        search = self._view("search")["arch"]
        for custom in created.filtered(lambda c: c.field_type != "boolean"):
            self.assertIn('<field name="%s"' % custom.field_name, search)
        self.assertIn("[('%s', '=', True)]" % fname("boolean"), search)
        self.assertIn("{'group_by': '%s'}" % fname("selection"), search)
        self.assertIn("{'group_by': '%s'}" % fname("user"), search)
        tree = self._view("tree")["arch"]
        self.assertIn('name="%s"' % fname("tags"), tree)
        self.assertNotIn('name="%s"' % fname("integer"), tree)

    def test_the_custom_fields_page_shows_only_when_there_are_fields(self):
        page = lambda: [p for p in self._view("form")["arch"].split("<page")  # noqa: E731
                        if 'name="crm_custom_fields"' in p][0]
        self.assertIn('modifiers="{&quot;invisible&quot;: true}"', page())
        self._add("Taille", "char")
        self.assertNotIn('modifiers="{&quot;invisible&quot;: true}"', page())

    def test_same_label_twice_and_existing_names_get_a_new_name(self):
        first = self._add("Budget", "float")
        second = self._add("budget", "integer")
        self.assertEqual((first.field_name, second.field_name), ("x_crm_budget", "x_crm_budget_2"))

    def test_bad_label_gives_a_clear_message(self):
        for label in ("", "   ", "!!! ???", "x" * 61):
            with self.assertRaises(ValidationError) as ctx:
                self._add(label, "char")
            self.assertIn("label of a custom field", ctx.exception.name)
        with self.assertRaises(ValidationError) as ctx:
            self._add("?!", "char")
        self.assertEqual(ctx.exception.name,
                         "The label of a custom field must contain at least one letter or digit.")
        # the message goes through the translations, in the user's language
        self.env["ir.translation"].create({
            "type": "code", "name": "addons/crm_base/models/crm_custom_field.py",
            "lang": "fr_FR", "module": "crm_base", "state": "translated",
            "src": "The label of a custom field must contain at least one letter or digit.",
            "value": "Le libellé d'un champ personnalisé doit contenir au moins une lettre "
                     "ou un chiffre."})
        if not self.env["res.lang"].search([("code", "=", "fr_FR")]):
            self.env["res.lang"].load_lang("fr_FR")
        with self.assertRaises(ValidationError) as ctx:
            self.CustomField.with_context(lang="fr_FR").create({
                "name": "?!", "field_type": "char", "model_id": self.partner_model.id})
        self.assertIn("Le libellé d'un champ personnalisé", ctx.exception.name)

    def test_only_customizable_models_and_choice_lists_need_choices(self):
        with self.assertRaises(ValidationError):
            self.CustomField.create({"name": "Devise locale", "field_type": "char",
                                     "model_id": self.env["ir.model"]._get("res.country").id})
        with self.assertRaises(ValidationError):
            self._add("Niveau", "selection", option_ids=[])
        allowed = self.CustomField._fields["model_id"].get_description(self.env)["domain"]
        # contacts, and whatever other installed addons open to custom fields
        mixin = type(self.env["crm.custom.field.mixin"])
        self.assertEqual(allowed[0][:2], ("model", "in"))
        self.assertIn("res.partner", allowed[0][2])
        self.assertNotIn("res.country", allowed[0][2])
        for name in allowed[0][2]:
            self.assertTrue(issubclass(type(self.env[name]), mixin), name)

    def test_editing_updates_the_field_and_the_screens(self):
        level = self._add("Niveau", "selection")
        boolean = self._add("Partenaire", "boolean")
        partner = self.Partner.create({"name": "Client", level.field_name: "tiede"})
        level.write({"name": "Niveau d'intérêt", "help_text": "Dernière évaluation",
                     "show_in_list": True,
                     "option_ids": [(0, 0, {"name": "Brûlant", "sequence": 1})]})
        self.assertEqual(level.ir_field_id.field_description, "Niveau d'intérêt")
        field = self.Partner._fields[level.field_name]
        self.assertEqual(field.string, "Niveau d'intérêt")
        self.assertEqual(field.selection[0], ("brulant", "Brûlant"))
        self.assertIn('name="%s"' % level.field_name, self._view("tree")["arch"])
        # a choice that is used cannot be removed; an unused one can
        used = level.option_ids.filtered(lambda o: o.value == "tiede")
        with self.assertRaises(UserError) as ctx:
            used.unlink()
        self.assertIn("1 record", ctx.exception.name)
        level.option_ids.filtered(lambda o: o.value == "froid").unlink()
        self.assertNotIn("froid", dict(self.Partner._fields[level.field_name].selection))
        self.assertEqual(partner[level.field_name], "tiede")
        # renaming a choice keeps the stored key
        used.name = "Tiède+"
        self.assertEqual(used.value, "tiede")
        self.assertIn(("tiede", "Tiède+"), self.Partner._fields[level.field_name].selection)
        with self.assertRaises(UserError):
            level.field_type = "char"
        boolean.filterable = False
        self.assertNotIn(boolean.field_name, self._view("search")["arch"])

    def test_uninstall_hook_removes_every_custom_field(self):
        from .. import uninstall_hook

        tags = self._add("Centres d'intérêt", "tags")
        size = self._add("Surface", "integer")
        relation_table = self.Partner._fields[tags.field_name].relation
        self.assertTrue(self._column_exists("res_partner", size.field_name))
        names = [tags.field_name, size.field_name]
        uninstall_hook(self.env.cr, self.env.registry)
        self.assertFalse(self.CustomField.search([]))
        self.assertFalse(self.env["ir.model.fields"].search(
            [("model", "=", "res.partner"), ("name", "in", names)]))
        self.assertFalse(self._column_exists("res_partner", names[1]))
        self.env.cr.execute("SELECT to_regclass(%s)", (relation_table,))
        self.assertEqual(self.env.cr.fetchone(), (None,))

    def test_removal_wizard_counts_the_values_then_removes_everything(self):
        hobbies = self._add("Loisirs", "tags")
        size = self._add("Surface", "integer")
        partners = self.Partner.create({"name": "A"}) | self.Partner.create({"name": "B"}) \
            | self.Partner.create({"name": "C"})
        partners.write({hobbies.field_name: [(6, 0, hobbies.option_ids[:1].ids)]})
        partners[0][size.field_name] = 120
        field_name = hobbies.field_name
        relation = self.Partner._fields[field_name].relation
        wizard = hobbies.action_remove()
        wizard = self.env[wizard["res_model"]].browse(wizard["res_id"])
        self.assertEqual(wizard.record_count, 3)
        self.assertIn("3 record(s)", wizard.message)
        self.assertIn("Loisirs", wizard.message)
        self.assertEqual(wizard.action_confirm()["tag"], "reload")
        self.assertFalse(hobbies.exists())
        self.assertFalse(self.env["ir.model.fields"].search(
            [("model", "=", "res.partner"), ("name", "=", field_name)]))
        self.assertNotIn(field_name, self.Partner._fields)
        self.assertNotIn(field_name, self._view("form")["arch"])
        self.assertNotIn(field_name, self._view("search")["arch"])
        self.env.cr.execute("SELECT 1 FROM information_schema.tables WHERE table_name = %s",
                            (relation,))
        self.assertFalse(self.env.cr.fetchone())
        self.assertEqual(partners[0][size.field_name], 120)
        # the last one goes: the page and generated views go with it
        size_name = size.field_name
        self.assertTrue(self._column_exists("res_partner", size_name))
        size.unlink()
        self.assertFalse(self._column_exists("res_partner", size_name))
        self.assertFalse(
            self.env["ir.ui.view"].search([("name", "like", "crm.custom.fields.res.partner")]))

    def test_a_user_cannot_manage_custom_fields_a_manager_can(self):
        # a CRM user who may create contacts
        user = self._user("cf_user", "crm_base.group_crm_user", "base.group_partner_manager")
        manager = self._user("cf_manager", "crm_base.group_crm_manager")
        with self.assertRaises(AccessError):
            self._add("Pointure", "integer", env=self.env(user=user))
        field = self._add("Pointure", "integer", env=self.env(user=manager))
        self.assertTrue(field.ir_field_id)
        with self.assertRaises(AccessError):
            field.sudo(user).write({"name": "Taille"})
        with self.assertRaises(AccessError):
            field.sudo(user).unlink()
        # the user fills the field on contacts
        partner = self.env["res.partner"].sudo(user).create({"name": "P", field.field_name: 43})
        self.assertEqual(partner[field.field_name], 43)
        field_name = field.field_name
        wizard = self.env["crm.custom.field.remove.wizard"].sudo(manager).create(
            {"custom_field_id": field.id})
        self.assertEqual(wizard.record_count, 1)
        wizard.action_confirm()
        self.assertNotIn(field_name, self.Partner._fields)


class TestCustomFieldsSurviveUpdate(CustomFieldCase):
    """`-u crm_base` must keep the custom fields, their values and their views.

    This test commits: it creates a field in its own transaction, runs
    crm-odoo -u crm_base in a separate process, checks, then removes the field."""

    def test_update_of_crm_base_keeps_custom_fields(self):
        registry = odoo.registry(self.env.cr.dbname)
        label, name = "Survit à la mise à jour", "x_crm_survit_a_la_mise_a_jour"
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            env["crm.custom.field"].create({
                "name": label, "field_type": "char",
                "model_id": env["ir.model"]._get("res.partner").id})
            partner = env["res.partner"].create({"name": "Témoin mise à jour", name: "gardé"})
            partner_id = partner.id
        try:
            command = [os.path.join(os.path.dirname(sys.executable), "crm-odoo"),
                       "-c", odoo.tools.config.rcfile, "-d", self.env.cr.dbname,
                       "-u", "crm_base", "--stop-after-init", "--log-level=warn"]
            result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                    timeout=600, env=dict(os.environ))
            self.assertEqual(result.returncode, 0, result.stdout[-3000:])
            with registry.cursor() as cr:
                cr.execute("SELECT state FROM ir_model_fields WHERE model = %s AND name = %s",
                           ("res.partner", name))
                self.assertEqual(cr.fetchone(), ("manual",))
                # name is a constant
                cr.execute("SELECT " + name + " FROM res_partner WHERE id = %s", (partner_id,))
                self.assertEqual(cr.fetchone(), ("gardé",))
                cr.execute("SELECT count(*) FROM ir_ui_view WHERE name = %s",
                           ("crm.custom.fields.res.partner.form",))
                self.assertEqual(cr.fetchone(), (1,))
        finally:
            registry = odoo.registry(self.env.cr.dbname).check_signaling()
            with registry.cursor() as cr:
                env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
                env["crm.custom.field"].search([("field_name", "=", name)]).unlink()
                env["res.partner"].browse(partner_id).unlink()
