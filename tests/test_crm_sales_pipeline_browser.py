"""The pipeline Kanban of crm_sales in the web client: each column header shows
its count, its total budget and its weighted amount, right after a drag and
drop, a quick create and a filter change; and the weighted pipeline's pivot
and graph (Forecasts), whose grouped reads go through crm_base's
crm.read.group.mixin.

Against a real server on the run's database (tests/conftest.py). The
opportunities are created over XML-RPC with a name prefix of their own, and the
views are filtered on it through the search box, so that the other
opportunities of the database do not count.
"""
import json
import re
import uuid

from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from odoo_server import PAGE_TIMEOUT, PageChecks, login, wait_idle

PIPELINE = "/web#action=crm_sales.crm_opportunity_action_pipeline"
COLUMN = ".o_crm_pipeline_kanban .o_kanban_group[data-id='%d']"


# -- server side ----------------------------------------------------------------

def _stage(server, xmlid):
    stage_id = server.ref(xmlid)
    return server.execute("crm.opportunity.stage", "read", [stage_id],
                          fields=["name", "probability"])[0]


def _new_and_qualified(server):
    return (_stage(server, "crm_sales.crm_opportunity_stage_new"),
            _stage(server, "crm_sales.crm_opportunity_stage_qualified"))


def _create_opportunities(server, prefix, stage_id, rows):
    """rows: (suffix, budget, probability) of admin's opportunities in `stage_id`."""
    uid = server.uid()
    ids = {}
    for suffix, budget, probability in rows:
        ids[suffix] = server.execute("crm.opportunity", "create", {
            "name": "%s %s" % (prefix, suffix),
            "stage_id": stage_id,
            "user_id": uid,
            "expected_revenue": budget,
            "probability": probability,
        })
    return ids


class AmountFormat:
    """How the web client writes an amount for the admin: the separators of
    the admin's language and the symbol of the company's currency."""

    def __init__(self, server):
        user = server.execute("res.users", "read", [server.uid()], fields=["lang", "company_id"])[0]
        lang = server.execute("res.lang", "search_read", [("code", "=", user["lang"])],
                              fields=["thousands_sep", "decimal_point", "grouping"])[0]
        company = server.execute("res.company", "read", [user["company_id"][0]],
                                 fields=["currency_id"])[0]
        currency = server.execute("res.currency", "read", [company["currency_id"][0]],
                                  fields=["symbol", "position", "decimal_places"])[0]
        self.thousands_sep = lang["thousands_sep"] or ""
        self.decimal_point = lang["decimal_point"]
        self.grouping = json.loads(lang["grouping"] or "[]")
        self.symbol, self.position = currency["symbol"], currency["position"]
        self.digits = currency["decimal_places"]

    def _group(self, digits):
        """'1234567' -> '1,234,567' by the language's grouping ([3, 0]: threes)."""
        groups, size, index = [], None, 0
        while digits:
            step = self.grouping[index] if index < len(self.grouping) else 0
            if step == -1 or (step == 0 and size is None):
                break
            if step > 0:
                size, index = step, index + 1
            groups.insert(0, digits[-size:])
            digits = digits[:-size]
        if digits:
            groups.insert(0, digits)
        return self.thousands_sep.join(groups)

    def number(self, amount):
        """The amount without the currency (as the pivot view writes it)."""
        integer, _, decimals = ("%.*f" % (self.digits, amount)).partition(".")
        return _spaces(self._group(integer) + (self.decimal_point + decimals if decimals else ""))

    def format(self, amount):
        number = self.number(amount)
        if self.position == "after":
            return _spaces("%s %s" % (number, self.symbol))
        return _spaces("%s %s" % (self.symbol, number))

    def parse(self, text):
        number = _spaces(text).replace(self.symbol, "").strip()
        if self.thousands_sep:
            number = number.replace(_spaces(self.thousands_sep), "")
        return float(number.replace(self.decimal_point, ".").replace(" ", ""))


def _spaces(text):
    # no-break spaces (the formatter's, French grouping) read as plain spaces
    return re.sub(r"[\u00a0\u202f]", " ", text)


# -- browser side -----------------------------------------------------------------

_TOTALS_JS = """
var column = document.querySelector(arguments[0]);
if (!column) { return null; }
var totals = column.querySelector('.o_crm_pipeline_totals');
function text(css) {
    var el = totals && totals.querySelector(css);
    return el ? el.textContent.trim() : null;
}
return {
    count: text('.o_crm_pipeline_count'),
    total: text('.o_crm_pipeline_total'),
    weighted: text('.o_crm_pipeline_weighted'),
    cards: Array.prototype.map.call(
        column.querySelectorAll('.o_kanban_record .o_kanban_record_title'),
        function (el) { return el.textContent.trim(); }),
};
"""


def column_state(browser, stage_id):
    """What the header of a column says (count, total, weighted, as shown) and
    the titles of its cards."""
    state = browser.execute_script(_TOTALS_JS, COLUMN % stage_id)
    assert state is not None, "no column for stage %d in the pipeline" % stage_id
    assert state["count"] is not None, "the column of stage %d has no totals" % stage_id
    state["count"] = int(state["count"])
    state["total"] = _spaces(state["total"])
    state["weighted"] = _spaces(state["weighted"])
    return state


def header(fmt, count, total, weighted):
    return {"count": count, "total": fmt.format(total), "weighted": fmt.format(weighted)}


def _only(state):
    return {key: state[key] for key in ("count", "total", "weighted")}


def wait_for(browser, predicate, what, timeout=PAGE_TIMEOUT):
    def check(driver):
        try:
            return predicate()
        except (StaleElementReferenceException, AssertionError):
            return False
    try:
        return WebDriverWait(browser, timeout, poll_frequency=0.25).until(lambda d: check(d))
    except TimeoutException:
        raise AssertionError("timed out waiting for %s" % what) from None


def open_pipeline(browser, server, prefix, stage_id):
    """The pipeline as admin, filtered on `prefix` through the search box
    (the default "My opportunities" filter stays: the cards are admin's)."""
    browser.get(server.url + PIPELINE)
    wait_idle(browser, COLUMN % stage_id)
    search_for(browser, prefix)
    wait_for(browser, lambda: all(
        prefix in card.text for card in browser.find_elements(By.CSS_SELECTOR, ".o_kanban_record"))
        and browser.find_elements(By.CSS_SELECTOR, ".o_searchview_facet"),
        "the pipeline filtered on %r" % prefix)
    wait_idle(browser)


def search_for(browser, text):
    """Type `text` in the search box and take the first proposal (the name)."""
    search = wait_idle(browser, ".o_searchview_input")
    search.send_keys(text)
    wait_idle(browser, ".o_searchview_autocomplete li")
    search.send_keys(Keys.ENTER)


def drag_card(browser, card, target):
    """Drag a card onto another column like a user: press, move in steps
    (jQuery UI's sortable starts dragging after the first moves), release."""
    start, end = card.rect, target.rect
    dx = end["x"] + end["width"] / 2 - (start["x"] + start["width"] / 2)
    dy = end["y"] + 80 - (start["y"] + start["height"] / 2)
    actions = ActionChains(browser, duration=50)
    actions.click_and_hold(card).move_by_offset(5, 5)
    steps = 6
    for _ in range(steps):
        actions.move_by_offset(dx / steps, dy / steps)
    actions.move_by_offset(-5, -5).pause(0.3).release().perform()


# -- tests ----------------------------------------------------------------------

def test_drag_and_drop_moves_the_column_totals(browser, odoo_server):
    """Three deals in New; one dragged to Qualified: both headers change by
    its count, budget and weighted amount, and the server has the new stage
    and the stage's probability."""
    server = odoo_server
    checks = PageChecks(browser, server)
    fmt = AmountFormat(server)
    new, qualified = _new_and_qualified(server)
    assert (new["probability"], qualified["probability"]) == (10, 30)
    prefix = "Pipeline H4 %s" % uuid.uuid4().hex[:8]
    ids = _create_opportunities(server, prefix, new["id"], [
        ("Alpha", 12000.0, 10.0),    # follows the stage: 10 %, then 30 %
        ("Bravo", 5000.0, 25.0),     # its own probability
        ("Charlie", 2500.0, 10.0),
    ])

    login(browser, server)
    open_pipeline(browser, server, prefix, new["id"])
    checks.check("pipeline filtered")
    before_new = column_state(browser, new["id"])
    before_qualified = column_state(browser, qualified["id"])
    assert (sorted(before_new["cards"])
            == ["%s %s" % (prefix, s) for s in ("Alpha", "Bravo", "Charlie")])
    # 12,000 x 10 % + 5,000 x 25 % + 2,500 x 10 % = 2,700
    assert _only(before_new) == header(fmt, 3, 19500, 2700)
    assert _only(before_qualified) == header(fmt, 0, 0, 0)

    alpha = "%s Alpha" % prefix
    card = [c for c in browser.find_elements(By.CSS_SELECTOR,
                                             (COLUMN % new["id"]) + " .o_kanban_record")
            if alpha in c.text]
    assert card, "no card %r in New" % alpha
    drag_card(browser, card[0], browser.find_element(By.CSS_SELECTOR, COLUMN % qualified["id"]))
    wait_for(browser, lambda: alpha in column_state(browser, qualified["id"])["cards"]
             and column_state(browser, qualified["id"])["count"] == 1
             and column_state(browser, new["id"])["count"] == 2
             and column_state(browser, qualified["id"])["weighted"] != fmt.format(0),
             "the card and the totals in Qualified")
    wait_idle(browser)
    checks.check("after drag and drop")

    after_new = column_state(browser, new["id"])
    after_qualified = column_state(browser, qualified["id"])
    assert alpha not in after_new["cards"] and alpha in after_qualified["cards"]
    # the card left New with its budget and its weighted amount at 10 %...
    assert before_new["count"] - after_new["count"] == 1
    assert fmt.parse(before_new["total"]) - fmt.parse(after_new["total"]) == 12000
    assert fmt.parse(before_new["weighted"]) - fmt.parse(after_new["weighted"]) == 1200
    # ... and came into Qualified at the stage's 30 %
    assert after_qualified["count"] - before_qualified["count"] == 1
    assert fmt.parse(after_qualified["total"]) - fmt.parse(before_qualified["total"]) == 12000
    assert fmt.parse(after_qualified["weighted"]) - fmt.parse(before_qualified["weighted"]) == 3600
    # as the user reads them, in the language's format with the currency
    assert _only(after_new) == header(fmt, 2, 7500, 1500)
    assert _only(after_qualified) == header(fmt, 1, 12000, 3600)

    record = server.execute("crm.opportunity", "read", [ids["Alpha"]],
                            fields=["stage_id", "probability", "weighted_revenue"])[0]
    assert record["stage_id"][0] == qualified["id"]
    assert record["probability"] == 30.0 and record["weighted_revenue"] == 3600.0
    others = server.execute("crm.opportunity", "read", [ids["Bravo"], ids["Charlie"]],
                            fields=["stage_id"])
    assert {r["stage_id"][0] for r in others} == {new["id"]}
    checks.assert_clean()


def test_quick_create_and_filter_change_update_the_totals(browser, odoo_server):
    """A card quick-created in Qualified counts at once; removing the search
    filter shows the totals of all of admin's opportunities, as the server
    sums them."""
    server = odoo_server
    checks = PageChecks(browser, server)
    fmt = AmountFormat(server)
    new, qualified = _new_and_qualified(server)
    prefix = "Pipeline H4 %s" % uuid.uuid4().hex[:8]
    _create_opportunities(server, prefix, new["id"],
                          [("Delta", 8000.0, 10.0), ("Echo", 4000.0, 10.0)])

    login(browser, server)
    open_pipeline(browser, server, prefix, new["id"])
    assert _only(column_state(browser, new["id"])) == header(fmt, 2, 12000, 1200)
    assert _only(column_state(browser, qualified["id"])) == header(fmt, 0, 0, 0)

    # quick create in Qualified: the "+" of the column header
    column = browser.find_element(By.CSS_SELECTOR, COLUMN % qualified["id"])
    header_cell = column.find_element(By.CSS_SELECTOR, ".o_kanban_header")
    ActionChains(browser).move_to_element(header_cell).perform()
    column.find_element(By.CSS_SELECTOR, ".o_kanban_quick_add").click()
    name_input = wait_idle(browser, (COLUMN % qualified["id"]) + " .o_kanban_quick_create input")
    foxtrot = "%s Foxtrot" % prefix
    name_input.send_keys(foxtrot + Keys.ENTER)
    wait_for(browser, lambda: foxtrot in column_state(browser, qualified["id"])["cards"]
             and column_state(browser, qualified["id"])["count"] == 1,
             "the quick-created card counted in Qualified")
    wait_idle(browser)
    checks.check("after quick create")
    # a quick-created deal has no budget yet: the amounts stay
    assert _only(column_state(browser, qualified["id"])) == header(fmt, 1, 0, 0)
    assert _only(column_state(browser, new["id"])) == header(fmt, 2, 12000, 1200)
    created = server.execute("crm.opportunity", "search_read", [("name", "=", foxtrot)],
                             fields=["stage_id", "probability"])
    assert len(created) == 1 and created[0]["stage_id"][0] == qualified["id"], created

    # filter change: remove the prefix's facet, "My opportunities" stays
    browser.find_element(By.CSS_SELECTOR, ".o_searchview_input").send_keys(Keys.ESCAPE)
    all_facets = browser.find_elements(By.CSS_SELECTOR, ".o_searchview_facet")
    facets = [f for f in all_facets if prefix in f.text]
    assert len(facets) == 1, [f.text for f in all_facets]
    facets[0].find_element(By.CSS_SELECTOR, ".o_facet_remove").click()
    wait_for(browser,
             lambda: not [f for f in browser.find_elements(By.CSS_SELECTOR, ".o_searchview_facet")
                          if prefix in f.text],
             "the search facet removed")
    wait_idle(browser)
    groups = server.execute("crm.opportunity", "read_group", [("user_id", "=", server.uid())],
                            ["stage_id", "expected_revenue", "weighted_revenue"], ["stage_id"])
    expected = {g["stage_id"][0]: header(fmt, g["stage_id_count"], g["expected_revenue"] or 0,
                                         g["weighted_revenue"] or 0)
                for g in groups if g["stage_id"]}
    assert expected[new["id"]]["count"] >= 2 and expected[qualified["id"]]["count"] >= 1
    wait_for(browser, lambda: _only(column_state(browser, new["id"])) == expected[new["id"]],
             "the totals of New without the search filter")
    shown = {stage_id: _only(column_state(browser, stage_id)) for stage_id in expected}
    assert shown == expected
    checks.check("filter removed")
    checks.assert_clean()


FORECAST = "/web#action=crm_sales.crm_opportunity_action_forecast"


def test_forecast_pivot_and_graph_show_the_servers_sums(browser, odoo_server):
    """The weighted pipeline (pivot by team and owner x month of expected
    close, then its graph) filtered on three deals: the months as Odoo labels
    them, each month's weighted amount and the totals, no error."""
    server = odoo_server
    checks = PageChecks(browser, server)
    fmt = AmountFormat(server)
    new, qualified = _new_and_qualified(server)
    prefix = "Forecast H4 %s" % uuid.uuid4().hex[:8]
    uid = server.uid()
    for suffix, stage, budget, close in (("Alpha", new, 8000.0, "2031-03-10"),
                                         ("Bravo", new, 4000.0, "2031-03-25"),
                                         ("Charlie", qualified, 10000.0, "2031-05-02")):
        server.execute("crm.opportunity", "create", {
            "name": "%s %s" % (prefix, suffix), "stage_id": stage["id"], "user_id": uid,
            "expected_revenue": budget, "expected_close_date": close})
    # the month labels as Odoo's own read_group gives them (lazy: not our path)
    lang = server.execute("res.users", "read", [uid], fields=["lang"])[0]["lang"]
    months = server.execute("crm.opportunity", "read_group", [("name", "like", prefix)],
                            ["expected_close_date"], ["expected_close_date:month"],
                            context={"lang": lang})
    labels = [m["expected_close_date:month"] for m in months]
    assert len(labels) == 2, labels

    login(browser, server)
    browser.get(server.url + FORECAST)
    wait_idle(browser, ".o_pivot table")
    search_for(browser, prefix)

    def pivot_text():
        return _spaces(browser.find_element(By.CSS_SELECTOR, ".o_pivot table").text)
    # filtered: only our two months are columns
    wait_for(browser, lambda: all(label in pivot_text() for label in labels)
             and fmt.number(22000) in pivot_text(), "the pivot filtered on %r" % prefix)
    wait_idle(browser)
    checks.check("forecast pivot")
    headers = [
        _spaces(th.text) for th in browser.find_elements(By.CSS_SELECTOR, ".o_pivot thead th")]
    month_headers = [h for h in headers if h in labels]
    assert month_headers == labels, headers     # in order, March then May
    # the grand total row: weighted amount, budget and count of each month,
    # then of all; March 8,000 and 4,000 at New's 10 % = 1,200; May 10,000 at
    # Qualified's 30 % = 3,000
    cells = [_spaces(td.text) for td in
             browser.find_elements(By.CSS_SELECTOR, ".o_pivot tbody tr:first-child td")]
    assert cells[1:] == [fmt.number(1200), fmt.number(12000), "2",
                         fmt.number(3000), fmt.number(10000), "1",
                         fmt.number(4200), fmt.number(22000), "3"], cells

    browser.find_element(By.CSS_SELECTOR, ".o_cp_switch_graph").click()
    wait_idle(browser, ".o_graph svg")
    wait_for(browser, lambda: browser.find_elements(By.CSS_SELECTOR, ".o_graph svg .nv-bar"),
             "the bars of the graph")
    checks.check("forecast graph")
    checks.assert_clean()
