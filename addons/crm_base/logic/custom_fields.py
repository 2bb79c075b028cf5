# -*- coding: utf-8 -*-
"""Custom fields without code: names, checks and view snippets (no odoo import).

The models (crm.custom.field and crm.custom.field.option) call these functions to

- turn a label typed by an admin ("Date de création de l'été") into a safe,
  unique technical name (``x_crm_date_de_creation_de_l_ete``) and safe option
  keys;
- check labels, returning an error *code* that the model turns into a
  translated message (this module has no access to translations);
- build the XML of the generated inherited views (form, search, list) that
  show every custom field of a model.

Field descriptions given to the view builders are plain dicts::

    {"name": "x_crm_budget", "type": "float", "label": "Budget",
     "required": False, "show_in_list": True, "filterable": True,
     "custom_field_id": 7}
"""
import hashlib
import re
import unicodedata
import xml.etree.ElementTree as ET

PREFIX = "x_crm_"
# PostgreSQL identifiers are at most 63 bytes; leave room for a "_99" suffix
# and for the relation table built from the name.
MAX_SLUG_LENGTH = 30
MAX_LABEL_LENGTH = 60
MAX_OPTION_KEY_LENGTH = 30
PG_NAME_LENGTH = 63

# our type -> (Odoo field type, comodel or None)
FIELD_TYPES = {
    "char": ("char", None),
    "text": ("text", None),
    "integer": ("integer", None),
    "float": ("float", None),
    "date": ("date", None),
    "datetime": ("datetime", None),
    "selection": ("selection", None),
    "boolean": ("boolean", None),
    "partner": ("many2one", "res.partner"),
    "user": ("many2one", "res.users"),
    "tags": ("many2many", "crm.custom.field.option"),
}
TYPES_WITH_OPTIONS = ("selection", "tags")
# types offered as a "Group by" in the search view
GROUPABLE_TYPES = ("selection", "partner", "user", "date", "datetime")

SAFE_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class LabelError(ValueError):
    """A label that cannot be used; ``code`` says why (see check_label)."""

    def __init__(self, code):
        super(LabelError, self).__init__(code)
        self.code = code


def slugify(label, max_length=MAX_SLUG_LENGTH):
    """ASCII, lower case, words joined by "_": "Été 2024 / Prix (€)" -> "ete_2024_prix"."""
    text = unicodedata.normalize("NFKD", label or "")
    text = text.replace("œ", "oe").replace("Œ", "OE").replace("æ", "ae").replace("Æ", "AE")
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "_", text).strip("_")
    if len(slug) > max_length:
        slug = slug[:max_length].rstrip("_")
    return slug


def check_label(label):
    """Raise LabelError("empty" | "too_long" | "no_letter") for a label that cannot be used."""
    label = (label or "").strip()
    if not label:
        raise LabelError("empty")
    if len(label) > MAX_LABEL_LENGTH:
        raise LabelError("too_long")
    if not slugify(label):
        raise LabelError("no_letter")
    return label


def _unique(base, taken, max_length):
    if base not in taken:
        return base
    for counter in range(2, 10000):
        suffix = "_%d" % counter
        candidate = base[:max_length - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
    raise LabelError("no_free_name")


def technical_name(label, taken=()):
    """The field name for a label: "x_crm_<slug>", not one of ``taken`` (existing field names)."""
    check_label(label)
    base = PREFIX + slugify(label)
    return _unique(base, set(taken), len(PREFIX) + MAX_SLUG_LENGTH)


def is_safe_name(name):
    return bool(name) and len(name) <= PG_NAME_LENGTH and bool(SAFE_NAME.match(name)) \
        and name.startswith(PREFIX)


def option_key(label, taken=()):
    """A key for a choice of a list: slug of the label, "option" when it has no letter."""
    base = slugify(label, MAX_OPTION_KEY_LENGTH) or "option"
    return _unique(base, set(taken), MAX_OPTION_KEY_LENGTH)


def selection_value(options):
    """The ``selection`` of ir.model.fields for [(key, label), ...]: a Python literal."""
    return repr([(str(key), str(label)) for key, label in options])


def relation_table(table, field_name):
    """Name of the many2many table of a tags field, unique per model and field, <= 63 chars."""
    short_name = field_name[len(PREFIX):] if field_name.startswith(PREFIX) else field_name
    name = "x_%s_%s_rel" % (table, short_name)
    if len(name) > PG_NAME_LENGTH:
        digest = hashlib.sha1(name.encode("ascii")).hexdigest()[:8]
        name = name[:PG_NAME_LENGTH - len(digest) - 5] + "_" + digest + "_rel"
    return name


# --------------------------------------------------------------------- views

def _to_string(root):
    return ET.tostring(root, encoding="unicode")


def _field_element(parent, field, in_form):
    attrs = {"name": field["name"]}
    if field["type"] == "tags":
        attrs["widget"] = "many2many_tags"
        if in_form:
            # tags are the choices defined on the custom field; a user picks them
            attrs["options"] = "{'no_create': True}"
            attrs["context"] = "{'default_custom_field_id': %d}" % field["custom_field_id"]
    elif field["type"] in ("partner", "user") and in_form:
        attrs["options"] = "{'no_create': True}"
    if in_form and field.get("required") and field["type"] != "boolean":
        attrs["required"] = "1"
    return ET.SubElement(parent, "field", attrs)


def form_arch(fields, with_page=True):
    """Inherited form arch filling <group name="crm_custom_fields"> (and showing its page).

    Short fields go in two columns, multi-line texts below them at full width.
    """
    root = ET.Element("data")
    if with_page and fields:
        xpath = ET.SubElement(root, "xpath", {
            "expr": "//page[@name='crm_custom_fields']", "position": "attributes"})
        ET.SubElement(xpath, "attribute", {"name": "invisible"}).text = "0"
    xpath = ET.SubElement(root, "xpath", {
        "expr": "//group[@name='crm_custom_fields']", "position": "inside"})
    short = [f for f in fields if f["type"] != "text"]
    longs = [f for f in fields if f["type"] == "text"]
    if short:
        columns = ET.SubElement(
            xpath, "group", {"name": "crm_custom_fields_columns", "colspan": "2"})
        half = (len(short) + 1) // 2
        for index, chunk in enumerate((short[:half], short[half:])):
            if chunk:
                group = ET.SubElement(
                    columns, "group", {"name": "crm_custom_fields_col%d" % (index + 1)})
                for field in chunk:
                    _field_element(group, field, in_form=True)
    if longs:
        group = ET.SubElement(xpath, "group", {"name": "crm_custom_fields_texts", "colspan": "2"})
        for field in longs:
            _field_element(group, field, in_form=True)
    return _to_string(root)


def search_arch(fields):
    """Inherited search arch: search on each filterable field, a filter for yes/no fields,
    a "group by" for choice lists, links and dates."""
    root = ET.Element("data")
    xpath = ET.SubElement(root, "xpath", {"expr": "/search", "position": "inside"})
    filterable = [f for f in fields if f.get("filterable")]
    for field in filterable:
        if field["type"] != "boolean":
            ET.SubElement(xpath, "field", {"name": field["name"]})
    for field in filterable:
        if field["type"] == "boolean":
            # a separator between filters makes them combine with AND, not OR
            ET.SubElement(xpath, "separator")
            ET.SubElement(xpath, "filter", {
                "name": "filter_%s" % field["name"], "string": field["label"],
                "domain": "[('%s', '=', True)]" % field["name"]})
    groupable = [f for f in filterable if f["type"] in GROUPABLE_TYPES]
    if groupable:
        group = ET.SubElement(xpath, "group", {"name": "crm_custom_fields_group_by", "expand": "0"})
        for field in groupable:
            group_by = field["name"] + (":month" if field["type"] in ("date", "datetime") else "")
            ET.SubElement(group, "filter", {
                "name": "group_by_%s" % field["name"], "string": field["label"],
                "context": "{'group_by': '%s'}" % group_by})
    return _to_string(root)


def tree_arch(fields):
    """Inherited list arch: the fields flagged "show in list", at the end of the columns."""
    root = ET.Element("data")
    xpath = ET.SubElement(root, "xpath", {"expr": "/tree", "position": "inside"})
    for field in fields:
        if field.get("show_in_list"):
            _field_element(xpath, field, in_form=False)
    return _to_string(root)
