# -*- coding: utf-8 -*-
"""What several crm_sales test files share."""
from odoo.tests.common import SavepointCase


def sales_user(env, name, login, manager=False, **values):
    """A salesperson (or, with manager=True, a sales manager) whose e-mail is
    its login unless ``values`` say otherwise; no invitation mail."""
    group = env.ref("crm_sales.group_sales_manager" if manager else "crm_sales.group_sales_user")
    values = dict({"name": name, "login": login, "email": login,
                   "groups_id": [(6, 0, [group.id])]}, **values)
    Users = env["res.users"].with_context(no_reset_password=True, mail_create_nolog=True)
    return Users.create(values)


class CrmSalesCase(SavepointCase):
    """A quiet environment (no tracking, no chatter log, no password email)
    and a way to make salespeople and managers."""

    @classmethod
    def setUpClass(cls):
        super(CrmSalesCase, cls).setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True,
                                       no_reset_password=True, mail_create_nolog=True))

    @classmethod
    def _sales_user(cls, name, login, manager=False, **values):
        return sales_user(cls.env, name, login, manager, **values)
