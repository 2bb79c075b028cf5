odoo.define('crm_base.import_progress', function (require) {
"use strict";
/**
 * Shows "12000 of 100000 contacts imported" under the spinner while the
 * contact import (crm.import.wizard) runs: the server sends these messages on
 * the user's partner channel, which the mail client already listens to.
 */
var bus = require('bus.bus').bus;

bus.on('notification', null, function (notifications) {
    _.each(notifications, function (notification) {
        var message = notification[1];
        if (!message || message.type !== 'crm_import_progress') {
            return;
        }
        var $container = $('.oe_blockui_spin_container');
        if (!$container.length) {
            return;
        }
        var $progress = $container.find('.o_crm_import_progress');
        if (!$progress.length) {
            $progress = $('<div class="o_crm_import_progress" role="status"/>')
                .css({'margin-top': '8px', 'color': 'white', 'font-size': '1.2em'})
                .appendTo($container);
        }
        $progress.text(message.message);
    });
});
});
