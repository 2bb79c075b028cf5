/* crm_projects: OCA web_timeline 11.0.1.4.3 made to hold thousands of tasks,
 * and a drag that re-plans. Measured by bench/bench_gantt.py (bench/README.md).
 *
 * What web_timeline does, and what changes here (only for views whose arch
 * asks for it with crm_limit / crm_move_method, every other timeline is left
 * as it is):
 * - it loads every record with no limit: crm_limit caps it (ordered by the
 *   start date; a warning says when more records match);
 * - after each load it calls name_get on every id and matches each record to
 *   its name with a linear search (O(n^2)): search_read already returns
 *   display_name, used as is;
 * - it builds the groups with a linear search per record: a dictionary;
 * - on every "changed" event (each frame of a pan, a zoom or a drag) it
 *   redraws every arrow, reading the position of both boxes after appending
 *   each line (a layout per arrow): positions are read first, the lines are
 *   appended at once, at most once per animation frame;
 * - after a drag it replaces every box (vis.js lays them all out again):
 *   only the boxes that changed are updated;
 * - a drag writes the dates: with crm_move_method, that method is called
 *   instead (project.task.crm_gantt_move: "not before" and re-planning).
 *
 * localStorage "crm_timeline_stock" = "1" turns these changes off, so the
 * benchmark can measure web_timeline as it ships in the same browser.
 */
odoo.define('crm_projects.timeline', function (require) {
    "use strict";

    var core = require('web.core');
    var TimelineView = require('web_timeline.TimelineView');
    var TimelineModel = require('web_timeline.TimelineModel');
    var TimelineRenderer = require('web_timeline.TimelineRenderer');
    var TimelineController = require('web_timeline.TimelineController');

    var _t = core._t;
    var SVG_NS = 'http://www.w3.org/2000/svg';

    function stock() {
        try {
            return window.localStorage.getItem('crm_timeline_stock') === '1';
        } catch (e) {
            return false;
        }
    }

    /**
     * Adds the limit and the order to a search_read of the timeline, and cuts
     * the extra record asked to know whether more match.
     */
    function limitedSearchRead(widget, params, superRpc) {
        if (params.method !== 'search_read' || !widget.crmLimit || stock()) {
            return superRpc(params);
        }
        params = _.extend({}, params, {
            limit: widget.crmLimit + 1,
            orderBy: [{name: widget.crmOrder, asc: true}, {name: 'id', asc: true}],
        });
        if (params.kwargs) {
            params.kwargs = _.extend({}, params.kwargs, {limit: widget.crmLimit + 1});
        }
        return superRpc(params).then(function (records) {
            if (records.length > widget.crmLimit) {
                widget.do_warn(_t("Too many records"), _.str.sprintf(
                    _t("Only the first %s are shown: filter to see the others."),
                    widget.crmLimit));
                return records.slice(0, widget.crmLimit);
            }
            return records;
        });
    }

    TimelineView.include({
        init: function () {
            this._super.apply(this, arguments);
            var attrs = this.arch.attrs;
            var limit = parseInt(attrs.crm_limit, 10) || 0;
            this.loadParams.crmLimit = limit;
            this.loadParams.crmOrder = attrs.date_start;
            this.controllerParams.crmLimit = limit;
            this.controllerParams.crmOrder = attrs.date_start;
            this.controllerParams.crmMoveMethod = attrs.crm_move_method || false;
            this.rendererParams.crmFast = !!(limit || attrs.crm_move_method);
        },
    });

    TimelineModel.include({
        load: function (params) {
            this.crmLimit = params.crmLimit || 0;
            this.crmOrder = params.crmOrder;
            return this._super.apply(this, arguments);
        },
        _rpc: function (params) {
            var superRpc = this._super.bind(this);
            return limitedSearchRead(this, params, function (p) {
                return superRpc(p);
            });
        },
    });

    TimelineController.include({
        init: function (parent, model, renderer, params) {
            this._super.apply(this, arguments);
            this.crmLimit = params.crmLimit || 0;
            this.crmOrder = params.crmOrder;
            this.crmMoveMethod = params.crmMoveMethod || false;
        },
        _rpc: function (params) {
            var superRpc = this._super.bind(this);
            return limitedSearchRead(this, params, function (p) {
                return superRpc(p);
            });
        },
        /**
         * The moves of a drag go to crm_move_method; the view reloads once
         * after them, whatever they answered (a refused move snaps back).
         */
        internalMove: function () {
            if (!this.crmMoveMethod || stock()) {
                return this._super.apply(this, arguments);
            }
            var self = this;
            var queue = this.moveQueue.slice();
            this.moveQueue = [];
            var defs = _.map(queue, function (move) {
                return self._rpc({
                    model: self.model.modelName,
                    method: self.crmMoveMethod,
                    args: [[move.id], move.data],
                    context: self.getSession().user_context,
                }).then(function () {
                    move.event.data.callback(move.event.data.item);
                });
            });
            return $.when.apply($, defs).always(function () {
                self.write_completed({adjust_window: false});
            });
        },
    });

    TimelineRenderer.include({
        init: function (parent, state, params) {
            this._super.apply(this, arguments);
            this.crmFast = params.crmFast && !stock();
        },
        /**
         * Opened from a button (the project's "Gantt"), the timeline is drawn
         * before it is in the page, where vis.js measures every box as empty
         * and gives up ("infinite loop in redraw?"): draw it again once
         * attached, fitted to its tasks.
         */
        on_attach_callback: function () {
            this._super.apply(this, arguments);
            if (this.crmFast && this.timeline) {
                this.timeline.redraw();
                if (!this.mode || this.mode === 'fit') {
                    this.timeline.fit({animation: false});
                }
            }
        },
        /**
         * The names come with search_read (display_name): no name_get.
         */
        on_data_loaded: function (events, group_bys, adjust_window) {
            if (!this.crmFast || (events.length && !('display_name' in events[0]))) {
                return this._super.apply(this, arguments);
            }
            var named = _.map(events, function (event) {
                return _.extend({__name: event.display_name}, event);
            });
            return $.when(this.on_data_loaded_2(named, group_bys, adjust_window));
        },
        /**
         * After a move (or any reload of an open timeline), only the boxes
         * that changed are updated: replacing all of them (setItems) makes
         * vis.js remove and lay out every box again, 20 to 40 s for 2,000
         * tasks (bench/bench_gantt.py).
         */
        on_data_loaded_2: function (events, group_bys, adjust_window) {
            var self = this;
            var current = this.timeline && this.timeline.itemsData;
            var groups = this.crmFast ? this.split_groups(events, group_bys) : null;
            var groupKey = groups && JSON.stringify(_.map(groups, function (group) {
                return [group.id, group.content];
            }));
            if (!this.crmFast || !current || !this.crmLoaded) {
                this.crmLoaded = true;
                this.crmGroupKey = groupKey;
                return this._super.apply(this, arguments);
            }
            this.grouped_by = group_bys;
            if (groupKey !== this.crmGroupKey) {
                this.crmGroupKey = groupKey;
                this.timeline.setGroups(groups);
            }
            var kept = {};
            var changed = [];
            _.each(events, function (event) {
                if (!event[self.date_start]) {
                    return;
                }
                var item = self.event_data_transform(event);
                kept[item.id] = true;
                var old = current.get(item.id);
                if (!old || old.group !== item.group || old.content !== item.content ||
                        old.style !== item.style ||
                        JSON.stringify(old.evt) !== JSON.stringify(item.evt)) {
                    changed.push(item);
                }
            });
            var gone = _.filter(current.getIds(), function (id) {
                return !kept[id];
            });
            if (gone.length) {
                current.remove(gone);
            }
            if (changed.length) {
                current.update(changed);
            }
            var fit = !this.mode || this.mode === 'fit';
            if (fit && (_.isUndefined(adjust_window) || adjust_window)) {
                this.timeline.fit();
            }
            this.draw_canvas();
        },
        /**
         * One group per value of the first group-by field, in one pass; no
         * empty "-" row.
         */
        split_groups: function (events, group_bys) {
            if (!this.crmFast || group_bys.length === 0) {
                return this._super.apply(this, arguments);
            }
            var field = _.first(group_bys);
            var groups = [];
            var seen = {};
            var ungrouped = false;
            _.each(events, function (event) {
                var value = event[field];
                if (!(value instanceof Array)) {
                    ungrouped = true;
                } else if (!seen[value[0]]) {
                    seen[value[0]] = true;
                    groups.push({id: value[0], content: value[1]});
                }
            });
            // the "-" row of the records without a group, only when there are some
            if (ungrouped || !groups.length) {
                groups.unshift({id: -1, content: _t('-')});
            }
            return groups;
        },
        /**
         * At most one redraw of the arrows per animation frame.
         */
        draw_canvas: function () {
            if (!this.crmFast) {
                return this._super.apply(this, arguments);
            }
            var self = this;
            if (this.crmFrame) {
                return;
            }
            this.crmFrame = window.requestAnimationFrame(function () {
                self.crmFrame = null;
                if (!self.canvas) {
                    return;
                }
                self.canvas.clear();
                if (self.dependency_arrow) {
                    self.draw_dependencies();
                }
            });
        },
        /**
         * The arrows between the boxes shown: every position read, then
         * every line appended at once.
         */
        draw_dependencies: function () {
            if (!this.crmFast) {
                return this._super.apply(this, arguments);
            }
            var items = this.timeline.itemSet.items;
            var field = this.dependency_arrow;
            var pairs = [];
            _.each(items, function (item) {
                if (!item.displayed || !item.data.evt || !item.dom) {
                    return;
                }
                _.each(item.data.evt[field] || [], function (id) {
                    var other = items[id];
                    if (other && other.displayed && other.dom) {
                        pairs.push([item.dom.box, other.dom.box]);
                    }
                });
            });
            var boxes = _.map(pairs, function (pair) {
                return _.map(pair, function (box) {
                    return {
                        x: box.offsetLeft,
                        y: box.offsetTop + box.parentElement.offsetTop,
                        width: box.clientWidth,
                        height: box.clientHeight,
                    };
                });
            });
            var canvas = this.canvas;
            var fragment = document.createDocumentFragment();
            _.each(boxes, function (pair) {
                var from = pair[0], to = pair[1];
                var points = canvas.get_polyline_points(
                    from.x, from.y, to.x, to.y, from.width, from.height, to.width, to.height,
                    10, 12);
                var line = document.createElementNS(SVG_NS, 'polyline');
                line.setAttribute('points', _.map(points, function (point) {
                    return point.join(',');
                }).join());
                line.setAttribute('stroke', 'black');
                line.setAttribute('stroke-width', 1);
                line.setAttribute('fill', 'none');
                line.setAttribute('marker-start', 'url(#arrowhead)');
                line.setAttribute('class', 'o_crm_dependency_arrow');
                fragment.appendChild(line);
            });
            canvas.el.appendChild(fragment);
        },
    });
});
