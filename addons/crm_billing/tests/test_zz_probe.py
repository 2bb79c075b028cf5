from odoo.exceptions import AccessError
from odoo.addons.crm_billing.tests.test_billing_access import TestBillingAccess as Base


class TestProbe(Base):
    def test_probe(self):
        Invoice = self.env["account.invoice"].sudo(self.seller)
        bad = []
        for view, view_type in (("account.invoice_form", "form"), ("account.invoice_tree", "tree")):
            arch = Invoice.fields_view_get(self.env.ref(view).id, view_type)
            for name in arch["fields"]:
                try:
                    self.own_customer_invoice.sudo(self.seller).read([name])
                except AccessError as e:
                    bad.append((name, str(e)[-60:]))
                    self.env.clear()
        raise Exception(repr(bad))
