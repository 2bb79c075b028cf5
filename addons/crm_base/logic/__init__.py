"""Plain Python for crm_base (no odoo import): tested without a database."""
