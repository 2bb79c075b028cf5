# -*- coding: utf-8 -*-
"""Contacts created by the contact import (wizard/crm_import_wizard.py).

Two things make a bulk import of contacts fast without changing what is
created:

- no generated placeholder picture (``_get_default_image``);
- ``_crm_import_create``: the contacts of a batch are inserted with one
  INSERT, then go through the same steps as ``create()`` for the whole batch
  at once (defaults, relational fields, stored computed fields, constraints,
  access rules), instead of once a row.

Why raw SQL here (CONVENTIONS.md: "only where a benchmark shows the ORM is
the bottleneck"): bench/bench_import.py, profiled with cProfile at 2,000 rows
(bench/README.md, "Contact import"), spent 46.2 s of the 46.5 s of the import
in the ORM: 27.8 s in ``res.partner.create`` called once a row (about 14
queries a row: the searches of ``modified()``, the constraints, the access
rule) and 18.4 s in ``recompute()``, which writes the display name and the
commercial partner of each new contact with one UPDATE (and its own
``modified()``, rule check and constraints) per contact. Nothing else was
left to remove through the ORM: tracking, chatter, followers, the picture and
the immediate recomputation were already off. With the batch path: 0.16
queries a row, and the same benchmark ten times faster at 5,000 rows (61 ->
610 rows/s, bench/README.md).

What ``create()`` does, and where each step is here (the test
tests/test_import_batch_create.py compares every stored field of contacts
created both ways):

==============================================  ==================================
``create()`` chain of res.partner                ``_crm_import_create``
==============================================  ==================================
crm_base: SIREN/SIRET/NAF normalized, SIREN      ``_crm_import_create_values``
from the SIRET, default language                 (``_crm_prepare_create_values``)
base: website cleaned, picture, resized          ``_crm_import_create_values``
mail: with ``tracking_disable``, nothing         context required, else ORM
base: ``_fields_sync``,                          nothing to do for a contact
``_handle_first_contact_creation``               without a parent company and
                                                 without children; contacts with
                                                 a parent go through ``create()``
ORM: access right                                ``_crm_import_create``
ORM: defaults                                    ``_crm_import_defaults`` (once a
                                                 batch, when two calls agree),
                                                 ``_crm_import_create_values``
ORM: booleans False, selection check, INSERT,    ``_crm_import_insert``
``modified()``, x2many values, constraints,
access rule, translations
``recompute()`` (stored computed fields)         ``_crm_import_store_computed``
==============================================  ==================================

Another addon that overrides ``create`` (or ``_create``, ``_fields_sync``,
``_handle_first_contact_creation``) of res.partner is not known to this
batch path: ``_crm_import_create`` then creates each contact with
``create()``, so the other addon's code runs (and the import is as slow as
before).
"""
import logging
from collections import OrderedDict

from psycopg2.extras import execute_values

from odoo import api, models, tools
from odoo.models import MAGIC_COLUMNS

_logger = logging.getLogger(__name__)

# The classes of res.partner's create() chain that _crm_import_create
# replays (module, class); any other override of these methods turns it off.
BATCH_CREATE_CHAIN = frozenset([
    ("odoo.models", "BaseModel"),
    ("odoo.addons.mail.models.mail_thread", "MailThread"),
    ("odoo.addons.base.res.res_partner", "Partner"),
    ("odoo.addons.crm_base.models.res_partner", "ResPartner"),
])
BATCH_CREATE_METHODS = ("create", "_create", "_fields_sync", "_handle_first_contact_creation")
# recomputation rounds before leaving the rest to recompute()
STORE_ROUNDS = 5
# contacts whose stored computed fields are computed together
COMPUTE_CHUNK = 100
_NOT_WRITTEN = object()


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _get_default_image(self, partner_type, is_company, parent_id):
        """No generated picture for contacts created by the contact import.

        Odoo 11 draws a placeholder picture for every new contact and stores it
        three times (big, medium, small: three PNG resizes and three
        attachments). bench/bench_import.py measured it as most of the time of
        a bulk import; without a picture the web client shows the same
        standard placeholder (as for contacts loaded from data files).
        """
        if self.env.context.get("crm_import_no_default_image"):
            return False
        return super(ResPartner, self)._get_default_image(partner_type, is_company, parent_id)

    # ------------------------------------------------------------------
    # batch creation
    @api.model
    def _crm_import_unknown_overrides(self):
        """The overrides of create() & co. that the batch path does not replay."""
        unknown = []
        for cls in type(self).__mro__:
            if any(name in vars(cls) for name in BATCH_CREATE_METHODS) and \
                    (cls.__module__, cls.__name__) not in BATCH_CREATE_CHAIN:
                unknown.append("%s.%s" % (cls.__module__, cls.__name__))
        return unknown

    @api.model
    def _crm_import_batch_ok(self):
        """Whether _crm_import_create may insert contacts in batches here."""
        # without tracking_disable, mail.thread's create() subscribes the
        # creator and posts a message: that needs create()
        return bool(self.env.context.get("tracking_disable")) and \
            not self._crm_import_unknown_overrides() and \
            not self._inherits and not self._parent_store and self._log_access

    @api.model
    def _crm_import_create(self, vals_list):
        """Create one contact for each dict of ``vals_list``, as ``create()``
        would, and return them in the same order.

        Contacts without a parent company are inserted together; the others
        (and all of them when ``_crm_import_batch_ok()`` is false) are created
        with ``create()``. Recomputations left to do (on other models) are
        left to the caller's ``recompute()``, as after ``create()`` in
        ``norecompute()``. Raises what ``create()`` would raise; the caller
        rolls back the batch.
        """
        if not vals_list:
            return self.browse()
        if not self._crm_import_batch_ok():
            unknown = self._crm_import_unknown_overrides()
            if unknown:
                _logger.info("contact import: res.partner.create is extended by %s; "
                             "contacts are created one at a time", ", ".join(unknown))
            return self.browse([self.create(vals).id for vals in vals_list])
        self.check_access_rights("create")
        defaults = self._crm_import_defaults()
        prepared = [self._crm_import_create_values(vals, defaults) for vals in vals_list]
        batch = [i for i, full in enumerate(prepared) if self._crm_import_batchable(full)]
        ids = [None] * len(vals_list)
        if batch:
            records = self._crm_import_insert([prepared[i] for i in batch])
            for i, record_id in zip(batch, records.ids):
                ids[i] = record_id
        for i, record_id in enumerate(ids):
            if record_id is None:
                ids[i] = self.create(vals_list[i]).id
        return self.browse(ids)

    @api.model
    def _crm_import_defaults(self):
        """The values create() adds to those it is given (_add_missing_default_values),
        when they are the same at each call, else None (a default that reads the
        clock or a sequence): they are then asked for each contact."""
        for cls in type(self).__mro__:
            if any(name in vars(cls) for name in ("default_get", "_add_missing_default_values")) \
                    and (cls.__module__, cls.__name__) not in BATCH_CREATE_CHAIN:
                return None     # defaults that may depend on the fields asked for
        first = self._add_missing_default_values({})
        return first if self._add_missing_default_values({}) == first else None

    @api.model
    def _crm_import_create_values(self, vals, defaults=None):
        """The values res.partner's create() chain hands to the ORM's
        create(), with the defaults the ORM adds. ``defaults``: those of
        _crm_import_defaults(), if any."""
        # crm_base (models/res_partner.py): legal identifiers as digits, SIREN
        # from the SIRET, the language of a contact given none
        vals = self._crm_prepare_create_values(vals)
        # base: website with its scheme, no company name under a parent,
        # the default picture (none under the importer's context), resized
        if vals.get("website"):
            vals["website"] = self._clean_website(vals["website"])
        if vals.get("parent_id"):
            vals["company_name"] = False
        if not vals.get("image"):
            vals["image"] = self._get_default_image(vals.get("type"), vals.get("is_company"),
                                                    vals.get("parent_id"))
        tools.image_resize_images(vals)
        # the ORM: defaults (fields, context, ir.default), no magic columns
        if defaults is None:
            full = self._add_missing_default_values(dict(vals))
        else:
            full = dict(defaults, **vals)
        for name in ["parent_left", "parent_right"] + list(MAGIC_COLUMNS):
            full.pop(name, None)
        # company-dependent fields given no value (accounting's receivable and
        # payable accounts, payment terms, fiscal position): their default is
        # the ir.property default, and create() stores a property only for a
        # value that differs from it (ir.property.set_multi): nothing to store
        for name in [name for name in full if name not in vals]:
            if self._fields[name].company_dependent:
                del full[name]
        return full

    @api.model
    def _crm_import_batchable(self, full):
        """Whether a contact with the values ``full`` can be inserted in batch."""
        if full.get("parent_id") or full.get("image"):
            # _fields_sync and _handle_first_contact_creation have work to do
            # for a contact under a company, in the order of the rows; a
            # picture is resized by create()
            return False
        for name in full:
            field = self._fields.get(name)
            if field is None or not field.store or field.inherited or field.inverse:
                return False
        return True

    @api.model
    def _crm_import_insert(self, prepared):
        """Insert the contacts of ``prepared`` (values of
        _crm_import_create_values) and go through what the ORM's create() does
        after its INSERT, for all of them at once. Returns the new records, in
        order."""
        fields_ = self._fields
        rows, upd_todo = [], OrderedDict()
        checked = set()
        booleans = [name for name, field in fields_.items()
                    if field.type == "boolean" and field.store]
        for full in prepared:
            row = dict(full)
            # the ORM stores False in every boolean column not given
            for name in booleans:
                if name not in row:
                    row[name] = False
            for name, value in row.items():
                field = fields_[name]
                if hasattr(field, "selection") and value and (name, value) not in checked:
                    self._check_selection_field_value(name, value)
                    checked.add((name, value))
            rows.append(row)
        columns = sorted({name for row in rows for name in row if fields_[name].column_type},
                         key=lambda name: fields_[name]._sequence)
        cr = self.env.cr
        cr.execute("SELECT nextval(%s) FROM generate_series(1, %s)", (self._sequence, len(rows)))
        ids = [row[0] for row in cr.fetchall()]
        empty = self.browse()
        values = []
        for record_id, row in zip(ids, rows):
            values.append([record_id] + [
                fields_[name].convert_to_column(row[name], empty, row) if name in row else None
                for name in columns] + [self._uid, self._uid])
        # identifiers and formats come from the model's fields, values are parameters
        query = 'INSERT INTO "%s" ("id", %s, "create_uid", "write_uid", "create_date", ' \
                '"write_date") VALUES %%s' % (self._table, ", ".join('"%s"' % c for c in columns))
        template = "(%%s, %s, %%s, %%s, (now() at time zone 'UTC'), (now() at time zone 'UTC'))" \
                   % ", ".join(fields_[name].column_format for name in columns)
        execute_values(cr, query, values, template=template, page_size=len(values))
        # Odoo 11 reads every column of 1,000 contacts (and builds read()'s
        # dicts) to give one field: here a read reads what is asked
        records = self.with_context(prefetch_fields=False).browse(ids)

        # what _create() does after its INSERT, for the batch
        records.modified(fields_)
        rel_context = {key: val for key, val in self.env.context.items()
                       if not key.startswith("default_")}
        for row in rows:
            for name in row:
                if not fields_[name].column_type:
                    upd_todo.setdefault(name, None)
        todo_names = sorted(upd_todo, key=lambda name: fields_[name]._sequence)
        for name in todo_names:
            groups = OrderedDict()
            for record_id, row in zip(ids, rows):
                if name in row:
                    key = repr(row[name])
                    groups.setdefault(key, (row[name], []))[1].append(record_id)
            for value, group_ids in groups.values():
                # as _create(): the context without its default_* keys, so a dict on purpose
                # pylint: disable-next=context-overridden
                records = self.browse(group_ids).with_context(rel_context)
                fields_[name].write(records, value, create=True)
        records.modified(todo_names)
        stored = records._crm_import_store_computed(records)
        records._validate_fields(set(name for row in rows for name in row) | stored)
        records.check_access_rule("create")
        if stored:
            # recompute() writes through _write(), which checks them
            records.check_field_access_rights("write", sorted(stored))
            records.check_access_rule("write")
        if self.env.lang and self.env.lang != "en_US":
            translation = self.env["ir.translation"]
            for record_id, row in zip(ids, rows):
                for name, value in row.items():
                    field = fields_[name]
                    if field.column_type and field.translate is True:
                        translation._set_ids("%s,%s" % (self._name, name), "model",
                                             self.env.lang, [record_id], value, value)
        return self.browse(ids)

    @api.model
    def _crm_import_store_computed(self, records):
        """Store the stored computed fields of res.partner to recompute on
        ``records``, computed by their own compute methods as recompute()
        does, then written with one UPDATE a round instead of one a contact.
        Returns the names of the fields written.

        The fields are computed COMPUTE_CHUNK contacts at a time: Odoo 11
        invalidates, at each value a compute method sets, the dependent
        fields of every contact in the cache, so that computing 1,000
        contacts at once costs ten times as much as ten times 100."""
        computed = sorted((f for f in self._fields.values() if f.store and f.compute),
                          key=self.pool.field_sequence)
        cache = self.env.cache
        written = {}
        for _round in range(STORE_ROUNDS):
            pending = []
            for field in computed:
                todo = self.env.check_todo(field, records)
                targets = todo & records if todo else None
                if targets and field.column_type:       # else left to recompute()
                    pending.append((field, targets))
            if not pending:
                break
            updates = OrderedDict()     # record id -> {column: value}
            for start in range(0, len(records), COMPUTE_CHUNK):
                # a prefetch of its own: reads stay within the chunk
                chunk = records[start:start + COMPUTE_CHUNK].with_prefetch()
                for field, targets in pending:
                    target_ids = set(targets.ids)
                    sub = chunk.browse([rid for rid in chunk.ids if rid in target_ids])
                    missing = sub.filtered(lambda record: not cache.contains(record, field))
                    if missing:
                        field.compute_value(missing)
                    for record in sub:
                        value = record._convert_to_write({field.name: record[field.name]})
                        value = field.convert_to_column(value[field.name], record, value)
                        if written.get((field.name, record.id), _NOT_WRITTEN) != value:
                            updates.setdefault(record.id, {})[field.name] = value
                            written[(field.name, record.id)] = value
                chunk.invalidate_cache([field.name for field, _targets in pending], chunk.ids)
            for field, targets in pending:
                targets._recompute_done(field)
            if updates:
                self._crm_import_update_columns(updates)
                names = sorted({name for vals in updates.values() for name in vals})
                self.browse(list(updates)).modified(names + ["write_date", "write_uid"])
        return {name for name, _id in written}

    @api.model
    def _crm_import_update_columns(self, updates):
        """UPDATE the columns of ``updates`` ({id: {column: value}}), one
        statement a set of columns."""
        by_columns = OrderedDict()
        for record_id, vals in updates.items():
            by_columns.setdefault(tuple(sorted(vals)), []).append(
                [record_id] + [vals[name] for name in sorted(vals)])
        for columns, values in by_columns.items():
            fields_ = [self._fields[name] for name in columns]
            # identifiers and types come from the model's fields, values are parameters
            query = 'UPDATE "%s" AS t SET %s FROM (VALUES %%s) AS v ("id", %s) ' \
                    'WHERE t."id" = v."id"' % (
                        self._table, ", ".join('"%s" = v."%s"' % (c, c) for c in columns),
                        ", ".join('"%s"' % c for c in columns))
            template = "(%%s, %s)" % ", ".join("%s::%s" % (f.column_format, f.column_type[1])
                                               for f in fields_)
            execute_values(self.env.cr, query, values, template=template,
                           page_size=len(values))
