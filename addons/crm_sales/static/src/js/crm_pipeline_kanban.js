odoo.define('crm_sales.PipelineKanbanView', function (require) {
"use strict";
/**
 * The pipeline Kanban of opportunities (js_class="crm_sales_pipeline_kanban"
 * on the <kanban> of crm_sales.crm_opportunity_view_kanban).
 *
 * Each column header shows its count, its total budget and its weighted
 * amount. The numbers are those of the kanban's read_group: the web client
 * reads every field of the view in its read_group, and the model keeps the
 * sums of `expected_revenue` and `weighted_revenue` (group_operator sum) in
 * each column's `aggregateValues`. Odoo reloads them after a record is saved
 * (drag and drop included) when the view has a <progressbar/>; the model below
 * also reloads them after a quick create, and after a save in a view without
 * progress bar. Amounts are formatted by field_utils in the user's language,
 * with the currency of the user's company.
 */
var ajax = require('web.ajax');
var core = require('web.core');
var fieldUtils = require('web.field_utils');
var KanbanModel = require('web.KanbanModel');
var KanbanRenderer = require('web.KanbanRenderer');
var KanbanView = require('web.KanbanView');
var session = require('web.session');
var viewRegistry = require('web.view_registry');

var QWeb = core.qweb;
var TEMPLATES = '/crm_sales/static/src/xml/crm_pipeline_kanban.xml';
var BUDGET_FIELD = 'expected_revenue';
var WEIGHTED_FIELD = 'weighted_revenue';

// currency of the user's company, read once per page (company id -> Deferred)
var companyCurrencies = {};

function companyCurrency(widget) {
    var companyID = session.company_id;
    if (!companyCurrencies[companyID]) {
        companyCurrencies[companyID] = widget._rpc({
            model: 'res.company',
            method: 'read',
            args: [[companyID], ['currency_id']],
        }).then(function (companies) {
            var currencyID = companies.length && companies[0].currency_id && companies[0].currency_id[0];
            return session.get_currency(currencyID);
        }, function () {
            // never block the pipeline: amounts then show without a symbol
            delete companyCurrencies[companyID];
            return $.when(undefined);
        });
    }
    return companyCurrencies[companyID];
}

var PipelineKanbanModel = KanbanModel.extend({
    /**
     * A quick-created card may come with a budget (defaults, onchanges):
     * reload the columns' counts and sums as after a save.
     *
     * @override
     */
    addRecordToGroup: function () {
        var self = this;
        return this._super.apply(this, arguments).then(function (recordID) {
            return self._crmReloadColumns(recordID).then(_.constant(recordID));
        });
    },
    /**
     * KanbanModel reloads the columns after a save only when the view has a
     * <progressbar/>: do it here otherwise, so that the totals stay right.
     *
     * @override
     */
    save: function (recordID) {
        var self = this;
        var def = this._super.apply(this, arguments);
        var root = this._crmRoot(recordID);
        if (!root || root.progressBar) {
            return def;
        }
        return def.then(function (result) {
            return self._crmReloadColumns(recordID).then(_.constant(result));
        });
    },
    /**
     * @private
     * @param {string} localID a record or a column of the view
     * @returns {Object|undefined} the grouped list at the top, if any
     */
    _crmRoot: function (localID) {
        var element = this.localData[localID];
        while (element && element.parentID && this.localData[element.parentID]) {
            element = this.localData[element.parentID];
        }
        return element && element.type === 'list' && element.groupedBy.length ? element : undefined;
    },
    /**
     * Reads the groups (counts and sums) again, keeping their records.
     *
     * @private
     * @param {string} localID
     * @returns {Deferred}
     */
    _crmReloadColumns: function (localID) {
        var root = this._crmRoot(localID);
        if (!root || root.id === localID) {
            return $.when();
        }
        return this._load(root, {keepEmptyGroups: true, onlyGroups: true});
    },
});

var PipelineKanbanRenderer = KanbanRenderer.extend({
    className: KanbanRenderer.prototype.className + ' o_crm_pipeline_kanban',

    /**
     * @override
     */
    willStart: function () {
        var self = this;
        var currencyDef = companyCurrency(this).then(function (currency) {
            self.crmCurrency = currency;
        });
        return $.when(this._super.apply(this, arguments), ajax.loadXML(TEMPLATES, QWeb), currencyDef);
    },
    /**
     * @override
     */
    updateColumn: function (localID) {
        var self = this;
        return this._super.apply(this, arguments).then(function (result) {
            var column = _.findWhere(self.widgets, {db_id: localID});
            if (column) {
                self._crmRenderColumnTotals(column);
            }
            return result;
        });
    },

    //--------------------------------------------------------------------------
    // Private
    //--------------------------------------------------------------------------

    /**
     * @private
     * @param {float} amount
     * @returns {string}
     */
    _crmFormatAmount: function (amount) {
        var field = this.state.fields[BUDGET_FIELD] || {type: 'monetary'};
        var text = fieldUtils.format.monetary(amount || 0, field, {currency: this.crmCurrency});
        // the formatter joins amount and symbol with an HTML entity: the
        // template escapes its values, so give it the character itself
        return text.replace(/&nbsp;/g, '\u00a0');
    },
    /**
     * Writes (or rewrites) the totals of a column under its title.
     *
     * @private
     * @param {KanbanColumn} column
     */
    _crmRenderColumnTotals: function (column) {
        if (!column.$header || !column.data) {
            return;  // not a column, or not rendered
        }
        var sums = column.data.aggregateValues || {};
        var $totals = $(QWeb.render('crm_sales.PipelineColumnTotals', {
            count: column.data.count || 0,
            total: this._crmFormatAmount(sums[BUDGET_FIELD]),
            weighted: this._crmFormatAmount(sums[WEIGHTED_FIELD]),
        }));
        column.$header.find('.o_crm_pipeline_totals').remove();
        var $counter = column.$header.find('.o_kanban_counter');
        if ($counter.length) {
            $totals.insertAfter($counter);
        } else {
            $totals.appendTo(column.$header);
        }
    },
    /**
     * @override
     * @private
     */
    _renderView: function () {
        var self = this;
        return this._super.apply(this, arguments).then(function (result) {
            if (self.state.groupedBy.length) {
                _.each(self.widgets, self._crmRenderColumnTotals.bind(self));
            }
            return result;
        });
    },
});

var PipelineKanbanView = KanbanView.extend({
    config: _.extend({}, KanbanView.prototype.config, {
        Model: PipelineKanbanModel,
        Renderer: PipelineKanbanRenderer,
    }),
});

viewRegistry.add('crm_sales_pipeline_kanban', PipelineKanbanView);

return {
    PipelineKanbanModel: PipelineKanbanModel,
    PipelineKanbanRenderer: PipelineKanbanRenderer,
    PipelineKanbanView: PipelineKanbanView,
};

});
