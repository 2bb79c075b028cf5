# -*- coding: utf-8 -*-
"""What several crm_sales test files share."""
from odoo.tests.common import SavepointCase


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
        group = cls.env.ref("crm_sales.group_sales_manager" if manager
                            else "crm_sales.group_sales_user")
        values = dict({"name": name, "login": login, "email": login,
                       "groups_id": [(6, 0, [group.id])]}, **values)
        return cls.env["res.users"].create(values)
