# -*- coding: utf-8 -*-
"""Users and helpers shared by the tests of the agenda (test_agenda_*.py)."""
from odoo.tests.common import SavepointCase


class AgendaCase(SavepointCase):

    @classmethod
    def setUpClass(cls):
        super(AgendaCase, cls).setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, no_mail_to_attendees=True,
                                       tracking_disable=True, mail_create_nolog=True,
                                       tz="Europe/Paris"))
        Users = cls.env["res.users"].with_context(no_reset_password=True)
        group = cls.env.ref("crm_base.group_crm_user")
        cls.alice = Users.create({"name": "Alice Martin", "login": "alice.agenda",
                                  "email": "alice@agenda.test", "tz": "Europe/Paris",
                                  "groups_id": [(6, 0, [group.id])]})
        cls.bruno = Users.create({"name": "Bruno Petit", "login": "bruno.agenda",
                                  "email": "bruno@agenda.test", "tz": "Europe/Paris",
                                  "groups_id": [(6, 0, [group.id])]})
        cls.client = cls.env["res.partner"].create(
            {"name": "Sophie Perrin", "email": "sophie@mercier.test"})
        cls.Event = cls.env["calendar.event"]

    @classmethod
    def meeting(cls, user, start, stop, partners=None, **values):
        attendees = partners if partners is not None else user.partner_id
        values.update(name=values.get("name", "Rendez-vous"), start=start, stop=stop,
                      user_id=user.id, partner_ids=[(6, 0, attendees.ids)])
        return cls.Event.sudo(user).create(values)
