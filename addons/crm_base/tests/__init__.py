# -*- coding: utf-8 -*-
from . import test_logic_siren, test_partner_legal_identity
