# -*- coding: utf-8 -*-
"""Contact import: upload -> columns -> duplicates -> preview -> result.

Why not Odoo 11's base_import: it asks the user for the encoding and the
separator (we sniff them), matches headers on field names and English
labels only (we guess from French and English headers), has no duplicate
rules, and its ``load()`` goes through ``ir.model.data`` with a savepoint
per row, which bench/bench_import.py measures as the slow part. Its generic
"Import" button stays available on every list for other models.

Outcome: every row is checked first (logic/import_values.py) and nothing is
written if one row is wrong; the rows are then written inside a savepoint,
rolled back as a whole if the database refuses one of them. New contacts are
inserted a batch at a time (models/res_partner_import.py); a batch the
database refuses is replayed row by row to name the row. Either way the
user gets a crm.import.run with the counts and, on errors, a CSV report
(row, column, value, reason).
"""
import base64
import csv
import io
import logging
import os
import time

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ..logic import dedup, import_mapping, import_reader, import_values
from ..models.crm_import_run import DEDUP_RULES, DUPLICATE_ACTIONS, IMPORT_TYPES

_logger = logging.getLogger(__name__)

BATCH_SIZE = 1000        # rows inserted together; a progress message each
PREVIEW_ROWS = 10
PROGRESS_MIN_ROWS = 2000  # smaller files are imported before anyone could read a progress


class RowRefused(Exception):
    """The database refused the row of ``plan`` (savepoint rolled back)."""

    def __init__(self, plan, reason):
        super(RowRefused, self).__init__(reason)
        self.plan = plan
        self.reason = reason


class CrmImportWizard(models.TransientModel):
    _name = "crm.import.wizard"
    _description = "Import contacts"

    state = fields.Selection([
        ("upload", "File"),
        ("mapping", "Columns"),
        ("options", "Duplicates"),
        ("preview", "Preview"),
        ("done", "Result"),
    ], string="Step", default="upload", required=True, readonly=True)
    file = fields.Binary(attachment=False,
                         help="A CSV file (UTF-8 or Windows, separated by ; or ,) or an Excel "
                              ".xlsx file whose first row names the columns.")
    file_name = fields.Char(string="File name")
    file_info = fields.Char(string="Read as", readonly=True)
    import_type = fields.Selection(IMPORT_TYPES, string="Contacts to import", required=True,
                                   default="company")
    line_ids = fields.One2many("crm.import.wizard.line", "wizard_id", string="Columns")
    dedup_rule = fields.Selection(DEDUP_RULES, string="A row is a duplicate when it has the",
                                  required=True, default="siret",
                                  help="Duplicates are looked for among the existing contacts "
                                       "and among the rows of the file itself.")
    duplicate_action = fields.Selection(DUPLICATE_ACTIONS, string="On a duplicate",
                                        required=True, default="update")
    preview_ids = fields.One2many("crm.import.wizard.preview", "wizard_id")
    row_count = fields.Integer(string="Rows", readonly=True)
    new_count = fields.Integer(string="New contacts", readonly=True)
    duplicate_count = fields.Integer(string="Duplicates", readonly=True)
    error_count = fields.Integer(string="Rows with errors", readonly=True)
    run_id = fields.Many2one("crm.import.run", string="Import", readonly=True)
    run_state = fields.Selection(related="run_id.state", readonly=True)
    run_message = fields.Text(related="run_id.message", readonly=True)
    created_count = fields.Integer(related="run_id.created_count", readonly=True)
    updated_count = fields.Integer(related="run_id.updated_count", readonly=True)
    skipped_count = fields.Integer(related="run_id.skipped_count", readonly=True)
    report_file = fields.Binary(related="run_id.report_file", readonly=True)
    report_file_name = fields.Char(related="run_id.report_file_name", readonly=True)

    @api.onchange("import_type")
    def _onchange_import_type(self):
        self.dedup_rule = "siret" if self.import_type == "company" else "email"

    # ------------------------------------------------------------------
    # messages
    def _reader_message(self, error):
        messages = {
            "empty": _("The file is empty."),
            "no_data": _("The file has a header row but no data rows."),
            "xls": _("Old Excel .xls files cannot be read: save the file as .xlsx or CSV "
                     "and try again."),
            "xlsx": _("This Excel file cannot be read: %s"),
            "csv": _("This CSV file cannot be read: %s"),
        }
        message = messages[error.code]
        return message % error.detail if "%s" in message else message

    def _error_messages(self):
        """Reasons of logic/import_values.py's error codes, in the user's language."""
        return {
            "name_required": _("The name is missing."),
            "email": _("This is not a valid email address."),
            "date": _("This is not a date: write it as 31/12/2024 or 2024-12-31."),
            "siren": _("This SIREN is not valid: it must have 9 digits and a correct "
                       "check digit."),
            "siret": _("This SIRET is not valid: it must have 14 digits and a correct "
                       "check digit."),
            "siret_siren": _("This SIRET does not belong to the SIREN of the same row."),
            "naf": _("This NAF/APE code is not valid: 4 digits and a letter are expected, "
                     "e.g. 62.01Z."),
            "country": _("Unknown country: write its name (France, Belgique...) or its "
                         "ISO code (FR, BE)."),
            "state": _("Unknown state for this country."),
            "legal_form": _("Unknown legal form: use SAS, SARL, SA, SASU, EURL, SNC, SCI, "
                            "SCOP, EI, micro-entreprise or association."),
        }

    # ------------------------------------------------------------------
    # steps
    def _imp_reopen(self):
        return {
            "type": "ir.actions.act_window",
            "name": _("Import contacts"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "view_type": "form",
            "target": "new",
            "context": dict(self.env.context, crm_import_type=self.import_type),
        }

    def _imp_read_table(self):
        self.ensure_one()
        if not self.file:
            raise UserError(_("Choose the file to import."))
        try:
            return import_reader.read_file(base64.b64decode(self.file), self.file_name or "")
        except import_reader.ReaderError as error:
            raise UserError(self._reader_message(error))

    def action_upload(self):
        self.ensure_one()
        try:
            self.env["res.partner"].check_access_rights("create")
        except AccessError:
            raise UserError(_("You are not allowed to create contacts: ask a CRM manager to "
                              "import this file."))
        table = self._imp_read_table()
        is_company = self.import_type == "company"
        mapping = import_mapping.guess_mapping(table.headers, is_company)
        lines = [(5, 0, 0)]
        for index, header in enumerate(table.headers):
            samples = []
            for row in table.rows:
                if row[index] and row[index] not in samples:
                    samples.append(row[index])
                if len(samples) == 3:
                    break
            lines.append((0, 0, {"column_index": index, "header": header,
                                 "target": mapping[index], "sample": " | ".join(samples)[:200]}))
        if table.file_format == "csv":
            info = _("CSV, %(encoding)s encoding, columns separated by \"%(separator)s\", "
                     "%(rows)s rows") % {
                "encoding": table.encoding,
                "separator": "TAB" if table.separator == "\t" else table.separator,
                "rows": len(table.rows)}
        else:
            info = _("Excel workbook, first sheet, %s rows") % len(table.rows)
        self.write({"line_ids": lines, "file_info": info, "row_count": len(table.rows),
                    "state": "mapping"})
        return self._imp_reopen()

    def _imp_mapping(self, width):
        """The target of each column, checked."""
        self.ensure_one()
        labels = dict(self.env["crm.import.wizard.line"]._fields["target"]._description_selection(
            self.env))
        is_company = self.import_type == "company"
        allowed = set(import_mapping.targets_for(is_company))
        mapping = [None] * width
        used = {}
        for line in self.line_ids:
            if not line.target or line.column_index >= width:
                continue
            if line.target not in allowed:
                if is_company:
                    message = _("\"%(field)s\" cannot be imported into companies: it applies "
                                "to people only (column %(column)s).")
                else:
                    message = _("\"%(field)s\" cannot be imported into people: it applies "
                                "to companies only (column %(column)s).")
                raise UserError(message % {"field": labels[line.target], "column": line.header})
            if line.target in used:
                raise UserError(_("\"%(field)s\" is chosen for two columns: %(first)s and "
                                  "%(second)s. Keep one.") % {
                    "field": labels[line.target], "first": used[line.target],
                    "second": line.header})
            used[line.target] = line.header
            mapping[line.column_index] = line.target
        if "name" not in used and (is_company or not ({"first_name", "last_name"} & set(used))):
            raise UserError(_("Choose the column that holds the name (for people, the name "
                              "or the first and last names)."))
        return mapping

    def action_confirm_mapping(self):
        self.ensure_one()
        self._imp_mapping(len(self.line_ids))
        self.state = "options"
        return self._imp_reopen()

    def action_back(self):
        self.ensure_one()
        previous = {"mapping": "upload", "options": "mapping", "preview": "options"}
        self.state = previous.get(self.state, "upload")
        return self._imp_reopen()

    def action_preview(self):
        self.ensure_one()
        table = self._imp_read_table()
        plans = self._imp_plan(table, self._imp_mapping(len(table.headers)))
        counts = self._imp_count(plans)
        previews = [(5, 0, 0)]
        for plan in plans[:PREVIEW_ROWS]:
            values = plan["values"]
            previews.append((0, 0, {
                "line_number": plan["line"],
                "name": values.get("name"),
                "email": values.get("email"),
                "phone": values.get("phone") or values.get("mobile"),
                "city": values.get("city"),
                "country_id": values.get("country_id"),
                "siret": values.get("siret"),
                "parent_name": values.get("parent_name"),
                "outcome": plan["outcome"],
                "message": self._imp_plan_message(plan, table.headers),
            }))
        self.write({"preview_ids": previews, "state": "preview", "row_count": len(plans),
                    "new_count": counts["new"], "duplicate_count": counts["duplicates"],
                    "error_count": counts["errors"]})
        return self._imp_reopen()

    def action_import(self):
        self.ensure_one()
        started = time.time()
        table = self._imp_read_table()
        plans = self._imp_plan(table, self._imp_mapping(len(table.headers)))
        run = self._imp_run(plans, table, started)
        self.write({"run_id": run.id, "state": "done"})
        return self._imp_reopen()

    def action_open_runs(self):
        return self.env.ref("crm_base.crm_import_run_action").read()[0]

    # ------------------------------------------------------------------
    # planning: what each row will do, nothing written
    def _imp_lookups(self):
        Country = self.env["res.country"]
        key = import_values.lookup_key
        countries, by_code = {}, {}
        langs = set(self.env["res.lang"].search([]).mapped("code")) | {"en_US"}
        for lang in sorted(langs):
            for country in Country.with_context(lang=lang).search([]):
                countries.setdefault(key(country.name), country.id)
        for country in Country.search([]):
            by_code[country.code.lower()] = country.id
            countries[country.code.lower()] = country.id
        for alias, code in import_values.COUNTRY_ALIASES.items():
            if code in by_code:
                countries.setdefault(alias, by_code[code])
        states, anywhere = {}, {}
        for state in self.env["res.country.state"].search([]):
            for text in (state.name, state.code):
                states[(state.country_id.id, key(text))] = state.id
                anywhere.setdefault(key(text), set()).add(state.id)
        for text, ids in anywhere.items():
            if len(ids) == 1:       # "CA" alone is ambiguous only if two countries have it
                states[(None, text)] = ids.pop()
        legal_forms = dict(import_values.LEGAL_FORM_ALIASES)
        field = self.env["res.partner"]._fields["legal_form"]
        for lang in sorted(langs):
            for code, label in field._description_selection(self.env(context=dict(
                    self.env.context, lang=lang))):
                legal_forms.setdefault(key(label), code)
                legal_forms.setdefault(key(code), code)
        return {"countries": countries, "states": states, "legal_forms": legal_forms}

    def _imp_existing_keys(self, rule, is_company):
        """{dedup key: partner id} of the contacts the user can see."""
        if rule == "none":
            return {}
        names = {"email": ["email"], "siret": ["siret"], "name_city": ["name", "city"]}[rule]
        domain = [("is_company", "=", is_company), (names[0], "!=", False)]
        index = {}
        for record in self.env["res.partner"].search_read(domain, names, order="id"):
            key = dedup.key_for(rule, record)
            if key:
                index.setdefault(key, record["id"])
        return index

    def _imp_plan(self, table, mapping):
        """One dict per row: line, values, errors, outcome, partner_id / first row."""
        is_company = self.import_type == "company"
        rule, action = self.dedup_rule, self.duplicate_action
        lookups = self._imp_lookups()
        existing = self._imp_existing_keys(rule, is_company)
        seen = {}
        plans = []
        convert = import_values.convert_row
        for line, cells in zip(table.line_numbers, table.rows):
            values, errors = convert(mapping, cells, is_company, lookups)
            plan = {"line": line, "values": values, "errors": errors, "cells": cells,
                    "outcome": "new", "partner_id": False, "first": None}
            plans.append(plan)
            if errors:
                plan["outcome"] = "error"
                continue
            key = dedup.key_for(rule, values) if rule != "none" else None
            if not key:
                continue
            if key in existing:
                plan["partner_id"] = existing[key]
                plan["outcome"] = action
            elif key in seen:
                first = seen[key]
                plan["first"] = first
                if action == "update":
                    plan["outcome"] = "merge"
                    # later rows of the file win, as they would over an existing contact
                    first["values"].update(values)
                else:
                    plan["outcome"] = action
            else:
                seen[key] = plan
        return plans

    @staticmethod
    def _imp_count(plans):
        counts = {"new": 0, "duplicates": 0, "errors": 0}
        for plan in plans:
            if plan["outcome"] == "new":
                counts["new"] += 1
            elif plan["outcome"] == "error":
                counts["errors"] += 1
            else:
                counts["duplicates"] += 1
        return counts

    def _imp_plan_message(self, plan, headers):
        if plan["errors"]:
            reasons = self._error_messages()
            return " ".join("%s: %s" % (headers[col] if col >= 0 else "-", reasons[code])
                            for col, code in plan["errors"])
        if plan["partner_id"]:
            name = self.env["res.partner"].browse(plan["partner_id"]).display_name
            return _("Same contact as %s") % name
        if plan["first"]:
            return _("Same contact as row %s") % plan["first"]["line"]
        return ""

    # ------------------------------------------------------------------
    # running
    def _imp_run(self, plans, table, started):
        run_vals = {
            "name": self.file_name or _("Imported file"),
            "import_type": self.import_type,
            "dedup_rule": self.dedup_rule,
            "duplicate_action": self.duplicate_action,
            "row_count": len(plans),
        }
        bad = [plan for plan in plans if plan["errors"]]
        if bad:
            run_vals.update(self._imp_failure(
                bad, table, _("%s rows have errors: nothing was imported.") % len(bad)))
        else:
            try:
                run_vals.update(self._imp_write(plans))
            except RowRefused as error:
                failed = dict(error.plan or {"line": 0, "cells": [], "errors": []},
                              reason=error.reason)
                run_vals.update(self._imp_failure([failed], table, _(
                    "Row %(row)s was refused: %(reason)s Nothing was imported.") % {
                    "row": failed["line"], "reason": error.reason}))
        run_vals["duration"] = time.time() - started
        return self.env["crm.import.run"].create(run_vals)

    def _imp_failure(self, bad_plans, table, message):
        reasons = self._error_messages()
        out = io.StringIO()
        writer = csv.writer(out, delimiter=";")
        writer.writerow([_("Row"), _("Column"), _("Value"), _("Reason")])
        for plan in bad_plans:
            if plan.get("reason"):
                writer.writerow([plan["line"], "", "", plan["reason"]])
                continue
            for col, code in plan["errors"]:
                writer.writerow([plan["line"], table.headers[col] if col >= 0 else "",
                                 plan["cells"][col] if col >= 0 else "", reasons[code]])
        stem = os.path.splitext(self.file_name or "import")[0]
        data = ("\ufeff" + out.getvalue()).encode("utf-8")   # BOM: Excel opens it in UTF-8
        return {
            "state": "failed",
            "error_count": len(bad_plans),
            "message": message,
            "report_file": base64.b64encode(data),
            "report_file_name": _("errors-%s.csv") % stem,
        }

    def _notify_progress(self, done, total):
        """Tell the user's browser how far the import is (static/src/js/crm_import_progress.js).

        Sent from a cursor of its own, committed at once: the import's own
        transaction is only committed at the end."""
        try:
            with api.Environment.manage(), self.pool.cursor() as cr:
                env = api.Environment(cr, self.env.uid, {})
                partner = env.user.partner_id
                env["bus.bus"].sendone((cr.dbname, "res.partner", partner.id), {
                    "type": "crm_import_progress", "done": done, "total": total,
                    "message": _("%(done)s of %(total)s contacts imported") % {
                        "done": done, "total": total},
                })
        except Exception:  # progress is a courtesy: never fail the import for it
            _logger.warning("could not send the import progress", exc_info=True)

    def _imp_company_ids(self, Partner, names):
        """Ids of the companies people belong to, created when missing."""
        wanted = {}
        for name in names:
            wanted.setdefault(dedup.normalize_name(name), name)
        found = {}
        for record in Partner.search_read([("is_company", "=", True)], ["name"], order="id"):
            key = dedup.normalize_name(record["name"])
            if key in wanted:
                found.setdefault(key, record["id"])
        missing = [(key, name) for key, name in wanted.items() if key not in found]
        if missing:
            with self.env.norecompute():
                companies = Partner._crm_import_create(
                    [{"name": name, "is_company": True} for _key, name in missing])
            Partner.recompute()
            for (key, _name), company_id in zip(missing, companies.ids):
                found[key] = company_id
        return {name: found[dedup.normalize_name(name)] for name in names}, len(missing)

    def _imp_check_access(self, creates, updates):
        """The import creates and writes contacts as the user would by hand."""
        Partner = self.env["res.partner"]
        try:
            if creates or any(p["values"].get("parent_name") for p in updates):
                Partner.check_access_rights("create")
            if updates:
                Partner.check_access_rights("write")
        except AccessError:
            raise UserError(_("You are not allowed to create or modify contacts: ask a CRM "
                              "manager to import this file."))

    def _imp_refusal(self, plan, error):
        """RowRefused for ``plan`` (or the whole file) from the database's ``error``."""
        if isinstance(error, RowRefused):
            return error
        if isinstance(error, (UserError, ValidationError, AccessError)):
            reason = error.name
        else:
            _logger.exception("contact import: row refused by the database")
            reason = str(error).strip()
        return RowRefused(plan, reason)

    def _imp_create_batch(self, Partner, batch, parent_ids):
        """Create the contacts of the plans of ``batch``, all or none.

        Batch path first (models/res_partner_import.py); if the database
        refuses it, the batch is rolled back and created again one row at a
        time with create(), so that the row reported is the one refused, with
        create()'s own message."""
        vals_list = [self._partner_values(plan["values"], parent_ids) for plan in batch]
        try:
            with self.env.cr.savepoint():
                with self.env.norecompute():
                    Partner._crm_import_create(vals_list)
                Partner.recompute()
            # the next batch starts from an empty cache: Odoo 11's cache
            # costs grow with the records it holds
            Partner.invalidate_cache()
            return
        except Exception:
            _logger.info("contact import: a batch of %s rows was refused, trying its rows one "
                         "by one", len(batch), exc_info=True)
            self.env.clear()
        for plan, vals in zip(batch, vals_list):
            try:
                Partner.create(vals)
            except Exception as error:
                raise self._imp_refusal(plan, error)
        try:
            Partner.recompute()
        except Exception as error:
            raise self._imp_refusal(None, error)
        _logger.warning("contact import: the batch was refused but each of its rows was "
                        "accepted alone")

    def _imp_write(self, plans):
        """Create and update the contacts, all or none (savepoint)."""
        creates = [p for p in plans if p["outcome"] in ("new", "create")]
        updates = [p for p in plans if p["outcome"] == "update"]
        total = len(creates) + len(updates)
        notify = total >= PROGRESS_MIN_ROWS
        self._imp_check_access(creates, updates)
        # New contacts: no creation message, no follower, no tracking, as
        # Odoo's own imports do from version 13 on; no generated placeholder
        # picture; inserted a batch at a time, stored computed fields and
        # constraints computed once a batch (models/res_partner_import.py).
        Partner = self.env["res.partner"].with_context(
            tracking_disable=True, mail_create_nolog=True, mail_create_nosubscribe=True,
            mail_notrack=True, import_file=True, crm_import_no_default_image=True)
        done = 0
        plan = None
        self.env.cr.execute("SAVEPOINT crm_import")
        try:
            parents = sorted({p["values"]["parent_name"] for p in creates + updates
                              if p["values"].get("parent_name")})
            parent_ids, companies_created = (self._imp_company_ids(Partner, parents)
                                             if parents else ({}, 0))
            for start in range(0, len(creates), BATCH_SIZE):
                batch = creates[start:start + BATCH_SIZE]
                self._imp_create_batch(Partner, batch, parent_ids)
                done += len(batch)
                if notify:
                    self._notify_progress(done, total)
            # Existing contacts keep their history: changes are tracked.
            Updater = self.env["res.partner"].with_context(import_file=True)
            for start in range(0, len(updates), BATCH_SIZE):
                batch = updates[start:start + BATCH_SIZE]
                for plan in batch:
                    values = self._partner_values(plan["values"], parent_ids)
                    values.pop("is_company", None)
                    Updater.browse(plan["partner_id"]).write(values)
                done += len(batch)
                if notify:
                    self._notify_progress(done, total)
            self.env.cr.execute("RELEASE SAVEPOINT crm_import")
        except Exception as error:
            self.env.cr.execute("ROLLBACK TO SAVEPOINT crm_import")
            self.env.clear()
            raise self._imp_refusal(plan, error)
        skipped = len([p for p in plans if p["outcome"] == "skip"])
        merged = len([p for p in plans if p["outcome"] == "merge"])
        message = _("%(created)s contacts created, %(updated)s updated, "
                    "%(skipped)s duplicates skipped.") % {
            "created": len(creates), "updated": len(updates) + merged, "skipped": skipped}
        if companies_created:
            message += " " + _("%s companies created for the people's company column.") % (
                companies_created)
        return {
            "state": "done",
            "created_count": len(creates),
            "updated_count": len(updates) + merged,
            "skipped_count": skipped,
            "message": message,
        }

    @staticmethod
    def _partner_values(values, parent_ids):
        values = dict(values)
        parent = values.pop("parent_name", None)
        if parent:
            values["parent_id"] = parent_ids[parent]
        return values
