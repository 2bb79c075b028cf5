# -*- coding: utf-8 -*-
"""Round-robin assignment for any model that hands records out in turn.

A model that gives records to users in turn (a stage rule of crm_sales, a
helpdesk team) inherits ``crm.round.robin.mixin``; it gets the field
``last_assigned_user_id`` (who got the last record) and::

    user = record._crm_round_robin_next(candidates)

which returns the next of ``candidates`` (res.users) after the last one, in
alphabetical order, and records it as the last one. The caller chooses the
candidates (active members, members working now, members with the skill).

Two records arriving at the same moment go to two different users: the row of
``record`` is locked (``SELECT ... FOR UPDATE``) until the transaction ends,
so the second one waits, then reads who the first one got. The ordering
itself is ``logic/round_robin.py``.
"""
from odoo import fields, models

from ..logic import round_robin


class CrmRoundRobinMixin(models.AbstractModel):
    _name = "crm.round.robin.mixin"
    _description = "Round-robin assignment"

    last_assigned_user_id = fields.Many2one(
        "res.users", string="Last assigned", readonly=True, copy=False,
        help="Round-robin: the user who got the last record; the next one goes to the "
             "user after them in alphabetical order.")

    def _crm_round_robin_next(self, users):
        """The user of ``users`` whose turn it is (an empty recordset when
        ``users`` is empty), recorded as the last assigned. Locks this record's
        row until the end of the transaction."""
        self.ensure_one()
        # the table name is the model's own, never user input
        self.env.cr.execute('SELECT id FROM "%s" WHERE id = %%s FOR UPDATE' % self._table,
                            (self.id,))
        self.invalidate_cache(["last_assigned_user_id"], self.ids)
        last = self.last_assigned_user_id
        chosen_id = round_robin.next_in_turn(
            [(round_robin.member_key(user.name, user.id), user.id) for user in users],
            round_robin.member_key(last.name, last.id) if last else None)
        if not chosen_id:
            return users.browse()
        self.write({"last_assigned_user_id": chosen_id})
        return users.browse(chosen_id)
