# -*- coding: utf-8 -*-
"""crm_sales 11.0.1.1.0: two models get names of their own, with their data.

* ``crm.lost.reason`` -> ``crm.opportunity.lost.reason``: Odoo's own CRM
  (``crm/models/crm_lead.py``) defines ``crm.lost.reason``; with ours, the
  suite and Odoo's CRM could not be installed in one database.
* ``crm.quote.view`` -> ``crm.quote.visit``: the ids of its views and action
  (``crm_quote_view_action``) read like the quote's own.

Odoo runs this before it loads the new code of crm_sales (``pre-`` script of
the ``migrations/<version>/`` folder, as OCA addons do). Everything is renamed
in place, so nothing is created twice or lost: the tables (with their id
sequence, indexes and constraints), every column that stores a model name
(the models' registry, fields, views, actions, attachments, messages,
followers, activities, translations, ...), and the XML ids of the records
(the five lost reasons, views, actions, record rules, access rights, the
models and their fields), which the new data files then find and update. Two
extension views naming renamed fields are deleted, to be made again by the
update.
Only identifiers built by Odoo or by this addon are used in the SQL.
"""
import logging

_logger = logging.getLogger(__name__)

MODULE = "crm_sales"

RENAMED_MODELS = [
    ("crm.lost.reason", "crm.opportunity.lost.reason"),
    ("crm.quote.view", "crm.quote.visit"),
]

# XML ids of crm_sales records: exact old name -> new name, and old prefix ->
# new prefix (the lost reasons' data records and the rest of their ids).
RENAMED_XMLIDS = [
    ("crm_quote_view_view_tree", "crm_quote_visit_view_tree"),
    ("crm_quote_view_view_search", "crm_quote_visit_view_search"),
    ("crm_quote_view_action", "crm_quote_visit_action"),
    ("crm_quote_view_rule_salesperson", "crm_quote_visit_rule_salesperson"),
    ("crm_quote_view_rule_manager", "crm_quote_visit_rule_manager"),
    ("crm_quote_view_rule_company", "crm_quote_visit_rule_company"),
    ("access_crm_quote_view_user", "access_crm_quote_visit_user"),
    ("access_crm_quote_view_manager", "access_crm_quote_visit_manager"),
    ("access_crm_lost_reason_user", "access_crm_opportunity_lost_reason_user"),
    ("access_crm_lost_reason_manager", "access_crm_opportunity_lost_reason_manager"),
]
RENAMED_XMLID_PREFIXES = [("crm_lost_reason_", "crm_opportunity_lost_reason_")]

# Extension views whose stored arch names fields renamed with the models
# (view_ids, quote_view_count): Odoo checks the views of a model as a whole
# when it updates the first of them, before it reaches these; they are
# deleted here and made again from views/*.xml by the update.
STALE_VIEWS = ["crm_opportunity_view_form_quote_views", "crm_quote_view_form_share"]

# (table, column) pairs that hold a model name, where they exist.
MODEL_NAME_COLUMNS = [
    ("ir_model", "model"),
    ("ir_model_fields", "model"),
    ("ir_model_fields", "relation"),
    ("ir_model_data", "model"),
    ("ir_ui_view", "model"),
    ("ir_act_window", "res_model"),
    ("ir_act_window", "src_model"),
    ("ir_act_server", "model_name"),
    ("ir_act_report_xml", "model"),
    ("ir_act_client", "res_model"),
    ("ir_filters", "model_id"),
    ("ir_exports", "resource"),
    ("ir_attachment", "res_model"),
    ("mail_message", "model"),
    ("mail_message_subtype", "res_model"),
    ("mail_followers", "res_model"),
    ("mail_activity", "res_model"),
    ("mail_template", "model"),
    ("calendar_event", "res_model"),
    ("rating_rating", "res_model"),
    ("rating_rating", "parent_res_model"),
    ("crm_custom_field", "model"),
    ("crm_mail_tracking", "model"),
]


def table_of(model):
    return model.replace(".", "_")


def column_exists(cr, table, column):
    cr.execute("SELECT 1 FROM information_schema.columns "
               "WHERE table_name = %s AND column_name = %s", (table, column))
    return bool(cr.fetchone())


def rename_table(cr, old, new):
    """The table, its id sequence, and its indexes and constraints named after it."""
    # The names below are identifiers, which SQL takes no parameters for: the tables come
    # from RENAMED_MODELS, the sequence, constraints and indexes from PostgreSQL's catalogue
    # (the names Odoo gave them after the table), never from a user.
    # pylint: disable-next=sql-injection
    cr.execute('ALTER TABLE "%s" RENAME TO "%s"' % (old, new))
    cr.execute("SELECT 1 FROM pg_class WHERE relkind = 'S' AND relname = %s", (old + "_id_seq",))
    if cr.fetchone():
        # pylint: disable-next=sql-injection
        cr.execute('ALTER SEQUENCE "%s_id_seq" RENAME TO "%s_id_seq"' % (old, new))
    cr.execute("""SELECT con.conname FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
                   WHERE c.relname = %s AND con.conname LIKE %s""",
               (new, old.replace("_", "\\_") + "\\_%"))
    for (name,) in cr.fetchall():
        renamed = new + name[len(old):]
        # pylint: disable-next=sql-injection
        cr.execute('ALTER TABLE "%s" RENAME CONSTRAINT "%s" TO "%s"' % (new, name, renamed))
        cr.execute("UPDATE ir_model_constraint SET name = %s WHERE name = %s", (renamed, name))
    cr.execute("SELECT indexname FROM pg_indexes WHERE tablename = %s AND indexname LIKE %s",
               (new, old.replace("_", "\\_") + "\\_%"))
    for (name,) in cr.fetchall():
        # pylint: disable-next=sql-injection
        cr.execute('ALTER INDEX "%s" RENAME TO "%s"' % (name, new + name[len(old):]))


def rename_model(cr, old, new):
    """Every mention of the model name ``old``, and the XML ids of the model
    and of its fields (``model_<table>``, ``field_<table>_<field>``)."""
    for table, column in MODEL_NAME_COLUMNS:
        if column_exists(cr, table, column):
            cr.execute('UPDATE "%s" SET "%s" = %%s WHERE "%s" = %%s' % (table, column, column),
                       (new, old))
    cr.execute("UPDATE ir_translation SET name = %s || substr(name, %s) "
               "WHERE name LIKE %s", (new + ",", len(old) + 2, old.replace("_", "\\_") + ",%"))
    cr.execute("UPDATE ir_property SET value_reference = %s || substr(value_reference, %s) "
               "WHERE value_reference LIKE %s", (new + ",", len(old) + 2, old + ",%"))
    old_table, new_table = table_of(old), table_of(new)
    cr.execute("UPDATE ir_model_data SET name = %s WHERE module = %s AND name = %s",
               ("model_" + new_table, MODULE, "model_" + old_table))
    # the fields' ids, as Odoo names them (with the record id when the name is taken)
    cr.execute("""SELECT d.id, f.name, f.id FROM ir_model_data d
                    JOIN ir_model_fields f ON f.id = d.res_id
                   WHERE d.model = 'ir.model.fields' AND d.module = %s AND f.model = %s""",
               (MODULE, new))
    for data_id, field_name, field_id in cr.fetchall():
        name = "field_%s_%s" % (new_table, field_name)
        cr.execute("SELECT 1 FROM ir_model_data WHERE module = %s AND name = %s AND id != %s",
                   (MODULE, name, data_id))
        if cr.fetchone():
            name = "%s_%d" % (name, field_id)
        cr.execute("UPDATE ir_model_data SET name = %s WHERE id = %s", (name, data_id))


def rename_xmlids(cr):
    for old, new in RENAMED_XMLIDS:
        cr.execute("UPDATE ir_model_data SET name = %s WHERE module = %s AND name = %s",
                   (new, MODULE, old))
    for old, new in RENAMED_XMLID_PREFIXES:
        cr.execute("UPDATE ir_model_data SET name = %s || substr(name, %s) "
                   "WHERE module = %s AND name LIKE %s",
                   (new, len(old) + 1, MODULE, old.replace("_", "\\_") + "%"))


def delete_stale_views(cr):
    cr.execute("""SELECT id, res_id FROM ir_model_data
                   WHERE module = %s AND model = 'ir.ui.view' AND name IN %s""",
               (MODULE, tuple(STALE_VIEWS)))
    for data_id, view_id in cr.fetchall():
        cr.execute("DELETE FROM ir_ui_view WHERE id = %s", (view_id,))
        cr.execute("DELETE FROM ir_model_data WHERE id = %s", (data_id,))


def migrate(cr, version):
    if not version:
        return
    for old, new in RENAMED_MODELS:
        cr.execute("SELECT 1 FROM ir_model WHERE model = %s", (old,))
        if not cr.fetchone():
            continue  # already renamed, or never installed
        _logger.info("crm_sales %s: renaming the model %s to %s", version, old, new)
        rename_table(cr, table_of(old), table_of(new))
        rename_model(cr, old, new)
    rename_xmlids(cr)
    delete_stale_views(cr)
