# -*- coding: utf-8 -*-
from odoo import api, fields, models
from odoo.addons import decimal_precision as dp

DISPLAY_TYPES = [("line_section", "Section"), ("line_note", "Note")]

# crm_projects turns sold time into hours to plan: keep these keys stable.
UNITS = [
    ("unit", "Unit(s)"),
    ("hour", "Hour(s)"),
    ("day", "Day(s)"),
    ("week", "Week(s)"),
    ("month", "Month(s)"),
]

# French VAT rates, stored as strings so that 5.5 and 2.1 are exact. The labels
# are written as crm.format.mixin writes rates (CLDR): "5.5%", French "5,5 %".
VAT_RATES = [
    ("20", "20%"),
    ("10", "10%"),
    ("5.5", "5.5%"),
    ("2.1", "2.1%"),
    ("0", "0%"),
]

# product.uom xml ids of the product addon -> our units
PRODUCT_UOM_UNITS = {
    "product.product_uom_hour": "hour",
    "product.product_uom_day": "day",
}


class CrmQuoteLineMixin(models.AbstractModel):
    """What a line of a quote and a line of a quote template share: a
    product or a free description, a quantity in a unit, a price, a discount
    and a French VAT rate. Sections and notes (``display_type``) only carry
    their text."""
    _name = "crm.quote.line.mixin"
    _description = "Quote line (shared fields)"
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    display_type = fields.Selection(
        DISPLAY_TYPES, string="Type", default=False,
        help="Leave empty for a line with a price; a section groups the lines "
             "below it under a title; a note is a free text.")
    product_id = fields.Many2one(
        "product.product", ondelete="restrict",
        domain="[('sale_ok', '=', True)]")
    name = fields.Text(string="Description", required=True)
    quantity = fields.Float(default=1.0, digits=(16, 2))
    unit = fields.Selection(UNITS, default="unit")
    price_unit = fields.Float(string="Unit price", digits=dp.get_precision("Product Price"),
                              help="Unit price excluding VAT.")
    discount = fields.Float(string="Discount (%)", digits=(16, 2))
    vat_rate = fields.Selection(VAT_RATES, string="VAT", default="20")

    _sql_constraints = [
        ("discount_range", "CHECK(discount >= 0 AND discount <= 100)",
         "A discount is between 0 and 100 %."),
    ]

    @api.onchange("product_id")
    def _onchange_product_id(self):
        product = self.product_id
        if not product:
            return
        lang = self._crm_line_partner_lang()
        if lang:
            product = product.with_context(lang=lang)
        name = product.display_name
        if product.description_sale:
            name = "%s\n%s" % (name, product.description_sale)
        self.name = name
        self.price_unit = product.list_price
        self.unit = self._crm_unit_of_product(product)

    def _crm_line_partner_lang(self):
        """Language of the customer the line is written for (None: the user's)."""
        return None

    @api.model
    def _crm_unit_of_product(self, product):
        uom = product.uom_id
        for xmlid, unit in PRODUCT_UOM_UNITS.items():
            if uom and uom == self.env.ref(xmlid, raise_if_not_found=False):
                return unit
        return "unit"

    @api.onchange("display_type")
    def _onchange_display_type(self):
        if self.display_type:
            self.update({"product_id": False, "quantity": 0.0, "price_unit": 0.0,
                         "discount": 0.0})

    @api.model
    def _crm_clean_vals(self, vals):
        """Sections and notes have no price: whatever comes with them is dropped."""
        if vals.get("display_type"):
            vals = dict(vals, product_id=False, quantity=0.0, price_unit=0.0, discount=0.0)
        return vals

    def _crm_line_values(self):
        """The fields a quote line copies from this line (template -> quote)."""
        self.ensure_one()
        return {
            "sequence": self.sequence,
            "display_type": self.display_type,
            "product_id": self.product_id.id,
            "name": self.name,
            "quantity": self.quantity,
            "unit": self.unit,
            "price_unit": self.price_unit,
            "discount": self.discount,
            "vat_rate": self.vat_rate,
        }
