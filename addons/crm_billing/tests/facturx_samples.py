# -*- coding: utf-8 -*-
"""Plain invoices for the Factur-X tests (no odoo import): the demo company
billing a customer in Lyon, as ``logic/facturx_cii.cii_data`` takes them."""
import copy

SELLER = {
    "name": "Menuiserie Durand & Fils", "street": "12 rue des Artisans", "zip": "69007",
    "city": "Lyon", "country_code": "FR", "vat": "FR19812345676", "siret": "81234567600017",
    "legal_info": "SARL au capital de 50 000,00 € · RCS Lyon 812 345 676",
}
BUYER = {
    "name": "SCI Les Tilleuls", "street": "4 rue Garibaldi", "zip": "69003", "city": "Lyon",
    "country_code": "FR", "siren": "404833048", "vat": "FR83404833048",
}
NOTES = {
    "PMT": "Indemnité forfaitaire pour frais de recouvrement : 40,00 €",
    "PMD": "Pénalités de retard : 12,15 % par an",
    "AAB": "Pas d'escompte pour paiement anticipé.",
}
STANDARD = {
    "number": "FAC/2026/0001", "issue_date": "2026-03-10", "due_date": "2026-04-09",
    "currency": "EUR", "kind": "standard", "operation_category": "mixed",
    "notes": NOTES, "seller": SELLER, "buyer": BUYER, "payment_terms": "30 jours net",
    "lines": [
        {"name": "Porte d'entrée en chêne", "quantity": 2, "price_unit": 850.0,
         "subtotal": 1700.0, "vat_rate": 20.0},
        {"name": "Pose", "quantity": 3, "price_unit": 100.0, "subtotal": 300.0,
         "vat_rate": 10.0},
    ],
    "taxes": [{"rate": 20.0, "base": 1700.0, "amount": 340.0},
              {"rate": 10.0, "base": 300.0, "amount": 30.0}],
    "iban": "FR76 3000 4000 0500 0012 3456 789",
}


def standard():
    return copy.deepcopy(STANDARD)


def deposit():
    """A 30 % deposit on the quote, VAT included (one line at 20 %)."""
    invoice = standard()
    invoice.update({
        "number": "FAC/2026/0002", "kind": "deposit",
        "lines": [{"name": "Acompte de 30 % sur le devis DEV-2026-0007", "quantity": 1,
                   "price_unit": 600.0, "subtotal": 600.0, "vat_rate": 20.0}],
        "taxes": [{"rate": 20.0, "base": 600.0, "amount": 120.0}],
    })
    return invoice


def final():
    """The final invoice of the standard work, after the deposit of 720 € TTC:
    the accounting deducts 600 € excl. VAT and its 120 € VAT."""
    invoice = standard()
    invoice.update({
        "number": "FAC/2026/0003", "kind": "final",
        "taxes": [{"rate": 20.0, "base": 1100.0, "amount": 220.0},
                  {"rate": 10.0, "base": 300.0, "amount": 30.0}],
        "deposits": [{"rate": 20.0, "untaxed": 600.0, "tax": 120.0,
                      "number": "FAC/2026/0002", "date": "2026-02-01"}],
        "preceding": [{"number": "FAC/2026/0002", "date": "2026-02-01"}],
    })
    return invoice


def credit_note():
    invoice = standard()
    invoice.update({
        "number": "AV/2026/0001", "is_credit_note": True,
        "lines": [{"name": "Pose", "quantity": 1, "price_unit": 100.0, "subtotal": 100.0,
                   "vat_rate": 10.0}],
        "taxes": [{"rate": 10.0, "base": 100.0, "amount": 10.0}],
        "preceding": [{"number": "FAC/2026/0001", "date": "2026-03-10"}],
    })
    return invoice
