# -*- coding: utf-8 -*-
"""logic/inheritance.py: the models extending a mixin, nearest first."""
import unittest

from ..logic.inheritance import models_inheriting


class Model(object):
    def __init__(self, *children):
        self._inherit_children = list(children)


class TestModelsInheriting(unittest.TestCase):

    def test_direct_and_indirect_children_nearest_first(self):
        registry = {
            "crm.timeline.mixin": Model("res.partner", "crm.opportunity"),
            "crm.opportunity": Model("crm.quote"),
            "res.partner": Model("res.users"),
            "res.users": Model(),
            "crm.quote": Model("res.partner"),   # a loop is visited once
        }
        self.assertEqual(models_inheriting(registry, "crm.timeline.mixin"),
                         ["res.partner", "crm.opportunity", "res.users", "crm.quote"])

    def test_missing_mixin_or_child(self):
        self.assertEqual(models_inheriting({}, "crm.rgpd.mixin"), [])
        registry = {"crm.rgpd.mixin": Model("gone.model")}
        self.assertEqual(models_inheriting(registry, "crm.rgpd.mixin"), [])
