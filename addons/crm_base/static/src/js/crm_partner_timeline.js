odoo.define('crm_base.partner_timeline', function (require) {
"use strict";
/**
 * The "Activity" tab of the contact form: the chronological timeline of the
 * contact (and of its contacts for a company), newest first, as returned by
 * res.partner.crm_timeline_get(). Used in the form view as
 * <widget name="crm_partner_timeline"/>. Other addons feed it from Python
 * (crm.timeline.mixin); nothing to do here for them.
 */
var ajax = require('web.ajax');
var core = require('web.core');
var Widget = require('web.Widget');
var widgetRegistry = require('web.widget_registry');

var QWeb = core.qweb;
var PAGE = 40;

var templatesLoaded = ajax.loadXML('/crm_base/static/src/xml/crm_partner_timeline.xml', QWeb);

var PartnerTimeline = Widget.extend({
    className: 'o_crm_timeline',
    events: {
        'click .o_crm_timeline_open': '_onOpen',
        'click .o_crm_timeline_more': '_onMore',
    },

    /**
     * @param {Widget} parent the form renderer
     * @param {Object} record the datapoint of the partner
     */
    init: function (parent, record) {
        this._super.apply(this, arguments);
        this.resId = record.res_id;
        this.limit = PAGE;
        this.data = {items: [], has_more: false};
    },
    willStart: function () {
        return $.when(this._super.apply(this, arguments), templatesLoaded, this._load());
    },
    start: function () {
        this._renderTimeline();
        return this._super.apply(this, arguments);
    },

    _load: function () {
        var self = this;
        if (!this.resId) {
            return $.when();
        }
        return this._rpc({
            model: 'res.partner',
            method: 'crm_timeline_get',
            args: [[this.resId]],
            kwargs: {limit: this.limit},
        }).then(function (data) {
            self.data = data;
        });
    },
    _renderTimeline: function () {
        this.$el.html(QWeb.render('crm_base.PartnerTimeline', {
            items: this.data.items,
            has_more: this.data.has_more,
            is_new: !this.resId,
        }));
    },

    _onOpen: function (ev) {
        ev.preventDefault();
        var item = this.data.items[$(ev.currentTarget).data('index')];
        if (!item) {
            return;
        }
        if (item.url) {
            window.location = item.url;
            return;
        }
        this.do_action({
            type: 'ir.actions.act_window',
            res_model: item.model,
            res_id: item.res_id,
            views: [[false, 'form']],
            target: 'current',
        });
    },
    _onMore: function (ev) {
        ev.preventDefault();
        var self = this;
        this.limit += PAGE;
        this._load().then(function () {
            self._renderTimeline();
        });
    },
});

widgetRegistry.add('crm_partner_timeline', PartnerTimeline);

return PartnerTimeline;
});
