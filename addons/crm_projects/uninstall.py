# -*- coding: utf-8 -*-
"""Uninstalling crm_projects gives Odoo's project its own employee rules back
(security/crm_projects_rules.xml switched them off for ours, which go with
the addon): without them every employee would see every project."""
from odoo import SUPERUSER_ID, api

ODOO_RULES = ("project.project_public_members_rule", "project.task_visibility_rule")


def uninstall_hook(cr, registry):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid in ODOO_RULES:
        rule = env.ref(xmlid, raise_if_not_found=False)
        if rule:
            rule.active = True
