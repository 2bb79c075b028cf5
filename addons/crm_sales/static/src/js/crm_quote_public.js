/* The customer's page of a quote (crm_sales.crm_quote_public_page).
 *
 * Plain script, no Odoo framework (the page is public and standalone):
 * - the signature pad: draw with the mouse, a pen or a finger (pointer
 *   events, with touch and mouse events as a fallback), or "type my name",
 *   which writes the signer's name in a script-like font into the canvas;
 *   on submit the canvas goes into the form as a PNG data URL;
 * - the time on page: visible seconds are counted and sent every 15 s and
 *   when the page is left (navigator.sendBeacon) to the ping endpoint.
 */
(function () {
    "use strict";

    var PING_EVERY = 15;  // seconds
    var INK = "#1b2a6b";
    var SCRIPT_FONT = '"Segoe Script", "Brush Script MT", "Lucida Handwriting", ' +
        '"Apple Chancery", "URW Chancery L", "Z003", cursive';

    function message(form, key) {
        var el = form.querySelector('.o_crm_js_message[data-key="' + key + '"]');
        return el ? el.textContent.trim() : key;
    }

    // ------------------------------------------------------------ signature pad
    function SignaturePad(canvas) {
        this.canvas = canvas;
        this.ctx = canvas.getContext("2d");
        this.mode = "draw";
        this.drawing = false;
        this.strokes = 0;      // drawn strokes since the last clear
        this.typedName = "";
        this.last = null;
        this.bind();
        this.clear();
    }

    SignaturePad.prototype.point = function (clientX, clientY) {
        var rect = this.canvas.getBoundingClientRect();
        return {
            x: (clientX - rect.left) * (this.canvas.width / rect.width),
            y: (clientY - rect.top) * (this.canvas.height / rect.height),
        };
    };

    SignaturePad.prototype.clear = function () {
        this.ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
        this.strokes = 0;
        this.typedName = "";
    };

    SignaturePad.prototype.isEmpty = function () {
        return this.mode === "draw" ? this.strokes === 0 : !this.typedName;
    };

    SignaturePad.prototype.start = function (p) {
        if (this.mode !== "draw") {
            return;
        }
        this.drawing = true;
        this.last = p;
        var ctx = this.ctx;
        ctx.fillStyle = INK;
        ctx.beginPath();
        ctx.arc(p.x, p.y, 1.6, 0, 2 * Math.PI);
        ctx.fill();
    };

    SignaturePad.prototype.move = function (p) {
        if (!this.drawing) {
            return;
        }
        var ctx = this.ctx;
        ctx.strokeStyle = INK;
        ctx.lineWidth = 3;
        ctx.lineCap = "round";
        ctx.lineJoin = "round";
        ctx.beginPath();
        ctx.moveTo(this.last.x, this.last.y);
        ctx.lineTo(p.x, p.y);
        ctx.stroke();
        this.last = p;
        this.moved = true;
    };

    SignaturePad.prototype.end = function () {
        if (this.drawing) {
            this.strokes += 1;
        }
        this.drawing = false;
        this.last = null;
    };

    SignaturePad.prototype.writeName = function (name) {
        this.ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
        this.typedName = (name || "").trim();
        if (!this.typedName) {
            return;
        }
        var ctx = this.ctx;
        var size = 64;
        ctx.fillStyle = INK;
        ctx.textBaseline = "middle";
        ctx.textAlign = "center";
        // shrink the font until the name fits the pad
        do {
            ctx.font = "italic " + size + "px " + SCRIPT_FONT;
            size -= 4;
        } while (size > 16 && ctx.measureText(this.typedName).width > this.canvas.width - 40);
        ctx.fillText(this.typedName, this.canvas.width / 2, this.canvas.height / 2);
    };

    SignaturePad.prototype.bind = function () {
        var self = this;
        var canvas = this.canvas;
        if (window.PointerEvent) {
            canvas.addEventListener("pointerdown", function (ev) {
                ev.preventDefault();
                if (canvas.setPointerCapture) {
                    try { canvas.setPointerCapture(ev.pointerId); } catch (e) { /* synthetic */ }
                }
                self.start(self.point(ev.clientX, ev.clientY));
            });
            canvas.addEventListener("pointermove", function (ev) {
                if (self.drawing) {
                    ev.preventDefault();
                    self.move(self.point(ev.clientX, ev.clientY));
                }
            });
            ["pointerup", "pointercancel", "pointerleave"].forEach(function (name) {
                canvas.addEventListener(name, function () { self.end(); });
            });
        } else {
            canvas.addEventListener("mousedown", function (ev) {
                self.start(self.point(ev.clientX, ev.clientY));
            });
            canvas.addEventListener("mousemove", function (ev) {
                self.move(self.point(ev.clientX, ev.clientY));
            });
            window.addEventListener("mouseup", function () { self.end(); });
            canvas.addEventListener("touchstart", function (ev) {
                ev.preventDefault();
                var t = ev.touches[0];
                self.start(self.point(t.clientX, t.clientY));
            }, {passive: false});
            canvas.addEventListener("touchmove", function (ev) {
                ev.preventDefault();
                var t = ev.touches[0];
                self.move(self.point(t.clientX, t.clientY));
            }, {passive: false});
            canvas.addEventListener("touchend", function () { self.end(); });
        }
    };

    function setupSignForm(form) {
        var canvas = form.querySelector("#crm_quote_signature_pad");
        if (!canvas || !canvas.getContext) {
            return;
        }
        var pad = new SignaturePad(canvas);
        var nameInput = form.querySelector("#crm_quote_signer_name");
        var dataInput = form.querySelector("#crm_quote_signature_data");
        var accept = form.querySelector("#crm_quote_accept");
        var errorBox = form.querySelector("#crm_quote_sign_js_error");
        var modeButtons = form.querySelectorAll(".o_crm_pad_mode");

        function showError(text) {
            errorBox.textContent = text;
            errorBox.hidden = !text;
        }

        function setMode(mode) {
            pad.mode = mode;
            pad.clear();
            Array.prototype.forEach.call(modeButtons, function (b) {
                b.classList.toggle("o_crm_active", b.getAttribute("data-mode") === mode);
            });
            canvas.classList.toggle("o_crm_pad_typed", mode === "type");
            if (mode === "type") {
                pad.writeName(nameInput.value);
            }
        }

        Array.prototype.forEach.call(modeButtons, function (button) {
            button.addEventListener("click", function () {
                setMode(button.getAttribute("data-mode"));
                showError("");
            });
        });
        form.querySelector("#crm_quote_signature_clear").addEventListener("click", function () {
            pad.clear();
            if (pad.mode === "type") {
                nameInput.value = "";
                nameInput.focus();
            }
        });
        nameInput.addEventListener("input", function () {
            if (pad.mode === "type") {
                pad.writeName(nameInput.value);
            }
        });

        form.addEventListener("submit", function (ev) {
            showError("");
            if (!nameInput.value.trim()) {
                ev.preventDefault();
                showError(message(form, "name"));
                return;
            }
            if (pad.isEmpty()) {
                ev.preventDefault();
                showError(message(form, "empty"));
                return;
            }
            if (!accept.checked) {
                ev.preventDefault();
                showError(message(form, "accept"));
                return;
            }
            dataInput.value = canvas.toDataURL("image/png");
            var submit = form.querySelector("button[type=submit]");
            if (submit) {
                submit.disabled = true;  // no second click while the server signs
            }
        });
    }

    // ------------------------------------------------------------ time on page
    function setupPing(page) {
        var url = page.getAttribute("data-ping-url");
        var viewId = page.getAttribute("data-view-id");
        var key = page.getAttribute("data-view-key");
        if (!url || !viewId || !key) {
            return;
        }
        var seconds = 0;
        var sent = -1;

        function payload() {
            var data = new FormData();
            data.append("view_id", viewId);
            data.append("key", key);
            data.append("seconds", String(seconds));
            return data;
        }

        function send(leaving) {
            if (seconds === sent) {
                return;
            }
            sent = seconds;
            if (leaving && navigator.sendBeacon) {
                navigator.sendBeacon(url, payload());
                return;
            }
            if (window.fetch) {
                window.fetch(url, {method: "POST", body: payload(), credentials: "same-origin",
                                   keepalive: true}).catch(function () { /* offline: next time */ });
            } else {
                var xhr = new XMLHttpRequest();
                xhr.open("POST", url);
                xhr.send(payload());
            }
        }

        window.setInterval(function () {
            if (document.visibilityState === "hidden") {
                return;
            }
            seconds += 1;
            if (seconds % PING_EVERY === 0) {
                send(false);
            }
        }, 1000);
        window.addEventListener("pagehide", function () { send(true); });
        document.addEventListener("visibilitychange", function () {
            if (document.visibilityState === "hidden") {
                send(true);
            }
        });
    }

    function init() {
        var page = document.querySelector(".o_crm_quote_page");
        if (page) {
            setupPing(page);
        }
        var form = document.getElementById("crm_quote_sign_form");
        if (form) {
            setupSignForm(form);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
