import KalkaEngine
import KalkaModel
import KalkaRules
import KalkaText

/// `kalka report` as one self-contained HTML page: inline CSS and script, no network access.
///
/// The page holds a summary (counts and an SVG chart of findings by category), the most
/// suspicious sentences ranked, category and severity filters, and every document, most
/// suspicious first. Each document's text is rendered only when opened: its marked-up HTML
/// waits in a `<script type="application/json">` block, so a report of hundreds of documents
/// loads as a list. The filters' state lives in the URL fragment (`#category=calque,punctuation&severity=warning`),
/// so a filtered view can be shared; `#d-3` opens document 3 and `#s-3-12` goes to its sentence 12,
/// `#open=3,5` (or `#open=all`) opens documents where they are.
public enum HTMLReport {
    public static func render(_ report: EditorReport, top: Int, toolVersion: String = KalkaVersion.current) -> String {
        var out = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
            <meta name="generator" content="kalka \(Markup.escape(toolVersion, .html))">
            <title>kalka report</title>
            <style>\(style)</style>
            </head>
            <body>
            <header><h1>kalka report</h1>
            <p class="totals">\(count(report.documents.count, "document")) · \(count(report.words, "word")) · \(count(report.findings, "finding"))</p></header>
            <main>

            """
        out += summary(report)
        out += filters(report)
        out += ranking(report, top: top)
        out += documents(report)
        out += """
            </main>
            <aside id="finding-panel" hidden aria-live="polite" aria-label="Finding details">
            <button type="button" id="panel-close" aria-label="Close">×</button>
            <div id="panel-body"></div>
            </aside>
            <script>\(script)</script>
            </body>
            </html>

            """
        return out
    }

    // MARK: Sections

    private static func summary(_ report: EditorReport) -> String {
        var out = "<section id=\"summary\" aria-labelledby=\"summary-title\">\n<h2 id=\"summary-title\">Summary</h2>\n<dl class=\"stats\">"
        out += "<div><dt>Documents</dt><dd id=\"stat-documents\">\(report.documents.count)</dd></div>"
        out += "<div><dt>Words</dt><dd id=\"stat-words\">\(NumberText.grouped(report.words))</dd></div>"
        out += "<div><dt>Findings</dt><dd id=\"stat-findings\">\(report.findings)</dd></div>"
        for (severity, count) in report.findingsBySeverity {
            out += "<div><dt>\(severity.rawValue)</dt><dd data-sev=\"\(severity.rawValue)\">\(count)</dd></div>"
        }
        out += "</dl>\n" + chart(report.findingsByCategory)
        if !report.errors.isEmpty {
            out += "<h3>Not included</h3>\n<ul class=\"errors\">"
            for error in report.errors { out += "<li><code>\(Markup.escape(error.path, .html))</code>: \(Markup.escape(error.message, .html))</li>" }
            out += "</ul>\n"
        }
        return out + "</section>\n"
    }

    /// Findings by category as horizontal bars (categories without findings left out).
    static func chart(_ counts: [(category: Category, count: Int)]) -> String {
        let shown = counts.filter { $0.count > 0 }
        guard let most = shown.map(\.count).max() else { return "<p class=\"empty\">No findings.</p>\n" }
        let rowHeight = 26, labelWidth = 150, barWidth = 380
        var out = "<figure class=\"chart\"><svg id=\"category-chart\" role=\"img\" aria-labelledby=\"chart-title\" viewBox=\"0 0 600 \(shown.count * rowHeight)\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">"
        out += "<title id=\"chart-title\">Findings by category</title>"
        for (row, entry) in shown.enumerated() {
            let y = row * rowHeight
            let width = max(2, entry.count * barWidth / most)
            out += "<g data-cat=\"\(entry.category.rawValue)\"><text x=\"0\" y=\"\(y + 17)\">\(entry.category.rawValue)</text>"
            out += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(width)\" height=\"18\" rx=\"3\" fill=\"\(barColor(entry.category))\"></rect>"
            out += "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 17)\" class=\"count\">\(entry.count)</text></g>"
        }
        return out + "</svg><figcaption>Findings by category</figcaption></figure>\n"
    }

    private static func filters(_ report: EditorReport) -> String {
        var out = "<section id=\"filters\" aria-labelledby=\"filters-title\">\n<h2 id=\"filters-title\">Filters</h2>\n"
        out += "<fieldset id=\"category-filter\"><legend>Category</legend>"
        for (category, count) in report.findingsByCategory {
            out += "<label><input type=\"checkbox\" name=\"category\" value=\"\(category.rawValue)\" checked>"
            out += "<span class=\"swatch\" data-cat=\"\(category.rawValue)\"></span>\(category.rawValue) <span class=\"n\">\(count)</span></label>"
        }
        out += "</fieldset>\n<fieldset id=\"severity-filter\"><legend>Severity</legend>"
        for (severity, count) in report.findingsBySeverity {
            out += "<label><input type=\"checkbox\" name=\"severity\" value=\"\(severity.rawValue)\" checked>\(severity.rawValue) <span class=\"n\">\(count)</span></label>"
        }
        return out + "</fieldset>\n<p id=\"filter-status\" aria-live=\"polite\"></p>\n</section>\n"
    }

    private static func ranking(_ report: EditorReport, top: Int) -> String {
        let ranked = report.ranked(limit: top)
        var out = "<section id=\"ranking\" aria-labelledby=\"ranking-title\">\n<h2 id=\"ranking-title\">Most suspicious sentences</h2>\n"
        guard !ranked.isEmpty else { return out + "<p class=\"empty\">No suspicious sentences.</p>\n</section>\n" }
        out += "<p class=\"note\">Score: 3 per error, 2 per warning, 1 per info finding, plus 1 per \(decimal(SuspicionScore.oddityBitsPerPoint)) bits of sentence oddity above \(decimal(SuspicionScore.oddityAllowanceBits)).</p>\n"
        out += "<table id=\"ranking-table\"><thead><tr><th scope=\"col\">#</th><th scope=\"col\">Score</th><th scope=\"col\">Sentence</th><th scope=\"col\">Findings</th><th scope=\"col\">Where</th></tr></thead>\n<tbody>\n"
        for (rank, entry) in ranked.enumerated() {
            let document = entry.document, sentence = entry.sentence
            let findings = sentence.findings.map { document.findings[$0] }
            // A sentence flagged by its oddity alone belongs to the garbled clauses.
            let keys = findings.isEmpty ? ["\(Category.garbledClause.rawValue):\(Severity.info.rawValue)"]
                : findings.map { "\($0.category.rawValue):\($0.severity.rawValue)" }
            let target = "s-\(document.id)-\(sentence.index)"
            out += "<tr data-findings=\"\(unique(keys).joined(separator: " "))\" data-target=\"\(target)\">"
            out += "<td class=\"rank\">\(rank + 1)</td><td class=\"score\">\(decimal(sentence.score))</td>"
            out += "<td class=\"sentence\"><a href=\"#\(target)\">\(Markup.escape(sentence.text, .html))</a></td><td class=\"codes\">"
            for finding in findings {
                out += "<span class=\"chip\" data-cat=\"\(finding.category.rawValue)\" data-sev=\"\(finding.severity.rawValue)\" title=\"\(Markup.escape(finding.message, .html))\">\(finding.rule.code)</span> "
            }
            if sentence.oddity > 0 { out += "<span class=\"oddity\" title=\"Sentence oddity in bits\">\(decimal(sentence.oddity)) bits</span>" }
            out += "</td><td class=\"where\">\(Markup.escape(document.path, .html)):\(sentence.start.line)</td></tr>\n"
        }
        return out + "</tbody></table>\n</section>\n"
    }

    private static func documents(_ report: EditorReport) -> String {
        var out = "<section id=\"documents\" aria-labelledby=\"documents-title\">\n<h2 id=\"documents-title\">Documents</h2>\n"
        out += "<p class=\"note\">Most suspicious first; suspicion is points per 100 words. Open a document to read it with its findings marked.</p>\n"
        var data = ""
        for document in report.documentsBySuspicion {
            out += "<details class=\"doc\" id=\"d-\(document.id)\" data-doc=\"\(document.id)\"><summary><span class=\"path\">\(Markup.escape(document.path, .html))</span>"
            out += " <span class=\"meta\">\(count(document.words, "word")) · \(count(document.findings.count, "finding")) · suspicion <b>\(decimal(document.suspicion))</b></span></summary>"
            out += "<div class=\"text\" data-state=\"empty\"></div></details>\n"
            data += "<script type=\"application/json\" id=\"data-\(document.id)\">\(HTMLText.scriptSafe(json: documentJSON(document)))</script>\n"
        }
        return out + "</section>\n<div id=\"document-data\" hidden>\n" + data + "</div>\n"
    }

    /// A document's marked-up text and its findings, for the script to render on demand.
    static func documentJSON(_ document: ReportDocument) -> String {
        var spans: [MarkedHTML.Span] = []
        var findings: [String] = []
        for (index, finding) in document.findings.enumerated() {
            var title = "\(finding.message) — \(finding.rule.code) \(finding.rule.name) (\(finding.category.rawValue), \(finding.severity.rawValue))"
            if let fix = finding.fix { title += " — Fix: \(fix.title)" }
            spans.append(MarkedHTML.Span(range: finding.textRange, attributes: " data-f=\"\(index)\" data-rule=\"\(finding.rule.code)\" data-cat=\"\(finding.category.rawValue)\" data-sev=\"\(finding.severity.rawValue)\" tabindex=\"0\" title=\"\(Markup.escape(title, .html))\""))
            var fields = [
                "\"rule\": \(JSON.string(finding.rule.code))", "\"name\": \(JSON.string(finding.rule.name))",
                "\"category\": \(JSON.string(finding.category.rawValue))", "\"severity\": \(JSON.string(finding.severity.rawValue))",
                "\"message\": \(JSON.string(finding.message))", "\"line\": \(finding.start.line)", "\"column\": \(finding.start.column)",
                "\"summary\": \(JSON.string(finding.rule.summary))",
            ]
            if let fix = finding.fix {
                fields.append("\"fix\": \(JSON.string(fix.title))")
                fields.append("\"replacements\": [\(fix.edits.map { JSON.string($0.replacement) }.joined(separator: ", "))]")
            }
            findings.append("{" + fields.joined(separator: ", ") + "}")
        }
        let anchors = document.sentences.map { MarkedHTML.Anchor(offset: $0.textRange.lowerBound, html: "<span class=\"anchor\" id=\"s-\(document.id)-\($0.index)\"></span>") }
        let html = MarkedHTML.html(document.source.text, spans: spans, anchors: anchors)
        return "{\"html\": \(JSON.string(html)), \"findings\": [\(findings.joined(separator: ", "))]}"
    }

    // MARK: Formatting

    /// Category hues, in `Category.allCases` order: far apart on the colour wheel.
    private static func hue(_ category: Category) -> Int {
        let hues = [355, 205, 280, 30, 320, 175, 120, 55, 240, 90, 0]
        return hues[Category.allCases.firstIndex(of: category) ?? 0]
    }

    private static func barColor(_ category: Category) -> String {
        "hsl(\(hue(category)) \(category == .boilerplate ? 10 : 65)% 45%)"
    }

    private static func categoryCSS() -> String {
        Category.allCases.map { category in
            let h = hue(category), key = category.rawValue
            let saturation = category == .boilerplate ? 10 : 90
            return "mark[data-cat=\"\(key)\"]{background:hsl(\(h) \(saturation)% 86%);border-bottom:2px solid hsl(\(h) 65% 45%)}"
                + ".swatch[data-cat=\"\(key)\"],.chip[data-cat=\"\(key)\"]{background:hsl(\(h) \(saturation)% 86%);border-color:hsl(\(h) 65% 45%)}"
        }.joined(separator: "\n")
    }

    static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    private static func count(_ value: Int, _ noun: String) -> String {
        "\(NumberText.grouped(value)) \(noun)\(value == 1 ? "" : "s")"
    }

    private static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    // MARK: Style and script

    private static let style = """
        :root{color-scheme:light;--fg:#1d1d1f;--muted:#5b5b66;--line:#d9d9e0;--bg:#fff;--panel:#f6f6f9}
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
        header,main{max-width:72rem;margin:0 auto;padding:0 1rem}
        header{padding-top:1rem}
        h1{font-size:1.6rem;margin:.5rem 0 0}
        h2{font-size:1.25rem;margin:1.75rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
        .totals,.note,.meta,.n{color:var(--muted)}
        .note{font-size:.9rem}
        .stats{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:0}
        .stats div{min-width:6rem}
        .stats dt{font-size:.8rem;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
        .stats dd{margin:0;font-size:1.4rem;font-weight:600}
        .chart{margin:1rem 0;max-width:40rem}
        .chart svg text{font:13px system-ui,sans-serif;fill:var(--fg)}
        .chart figcaption{font-size:.85rem;color:var(--muted)}
        fieldset{border:1px solid var(--line);border-radius:6px;margin:0 0 .75rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
        fieldset label{white-space:nowrap;display:inline-flex;align-items:center;gap:.3rem;min-height:2rem}
        .swatch{display:inline-block;width:.9rem;height:.9rem;border-radius:3px;border:1px solid}
        table{border-collapse:collapse;width:100%}
        th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid var(--line)}
        th{font-size:.85rem;color:var(--muted)}
        td.score,td.rank{font-variant-numeric:tabular-nums;white-space:nowrap}
        td.where{font-size:.85rem;color:var(--muted);overflow-wrap:anywhere;min-width:9rem}
        td.sentence a{color:inherit}
        .chip{display:inline-block;font:12px ui-monospace,monospace;border:1px solid;border-radius:4px;padding:0 .3rem;margin:0 .15rem .15rem 0}
        .oddity{font-size:.8rem;color:var(--muted);white-space:nowrap}
        tr[hidden]{display:none}
        details.doc{border:1px solid var(--line);border-radius:6px;margin:.5rem 0}
        details.doc>summary{cursor:pointer;padding:.5rem .75rem;overflow-wrap:anywhere}
        details.doc>summary .path{font-family:ui-monospace,monospace}
        .text{white-space:pre-wrap;overflow-wrap:anywhere;padding:.75rem;border-top:1px solid var(--line);font-size:1rem;line-height:1.7}
        mark{color:inherit;cursor:pointer;border-radius:2px}
        mark mark{padding:2px 0;box-shadow:inset 0 -2px 0 rgba(0,0,0,.35)}
        mark:empty::after{content:"⁁";color:var(--fg)}
        mark.off{background:none!important;border-bottom-color:transparent!important;cursor:auto}
        mark:focus{outline:2px solid #1a5fd0;outline-offset:1px}
        .anchor{scroll-margin-top:40vh}
        .flash{animation:flash 2s ease-out}
        @keyframes flash{from{background:#ffe27a}to{background:transparent}}
        #finding-panel{position:fixed;left:0;right:0;bottom:0;max-height:45vh;overflow:auto;background:var(--panel);border-top:2px solid var(--line);padding:.75rem 1rem;box-shadow:0 -4px 12px rgba(0,0,0,.12)}
        #finding-panel .finding{max-width:70rem;margin:0 auto .5rem}
        #finding-panel .code{font-family:ui-monospace,monospace;font-weight:600}
        #panel-close{float:right;font-size:1.4rem;line-height:1;border:0;background:none;cursor:pointer;min-width:2.5rem;min-height:2.5rem}
        .errors{color:#a00}
        @media (max-width:40rem){
          body{font-size:15px}
          thead{display:none}
          #ranking-table tr{display:grid;grid-template-columns:auto auto 1fr;gap:0 .5rem;border-bottom:1px solid var(--line);padding:.4rem 0}
          #ranking-table td{border:0;padding:.1rem .25rem}
          #ranking-table td.sentence,#ranking-table td.codes,#ranking-table td.where{grid-column:1/-1}
          #ranking-table tr[hidden]{display:none}
          .text{padding:.5rem}
        }

        """ + categoryCSS()

    private static let script = #"""
        (function () {
          "use strict";
          var docFindings = {};
          var state = { category: null, severity: null };

          function allValues(name) {
            return Array.prototype.map.call(document.querySelectorAll('input[name="' + name + '"]'), function (box) { return box.value; });
          }
          function enabled(name, value) { return state[name] === null || state[name].indexOf(value) >= 0; }

          function parseFragment() {
            var fragment = location.hash.slice(1), target = null, filters = {};
            fragment.split("&").forEach(function (part) {
              if (!part) return;
              var eq = part.indexOf("=");
              if (eq < 0) { target = decodeURIComponent(part); return; }
              filters[decodeURIComponent(part.slice(0, eq))] = decodeURIComponent(part.slice(eq + 1)).split(",").filter(Boolean);
            });
            return { target: target, filters: filters };
          }

          function writeFragment() {
            var parts = [];
            ["category", "severity"].forEach(function (name) { if (state[name] !== null) parts.push(name + "=" + state[name].join(",")); });
            try { history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname + location.search); } catch (e) { /* file: URLs in some browsers */ }
          }

          function applyFilters(root) {
            (root || document).querySelectorAll("mark[data-cat]").forEach(function (mark) {
              mark.classList.toggle("off", !(enabled("category", mark.dataset.cat) && enabled("severity", mark.dataset.sev)));
            });
            if (root) return;
            var rows = document.querySelectorAll("#ranking-table tbody tr"), shown = 0;
            rows.forEach(function (row) {
              var visible = row.dataset.findings.split(" ").some(function (key) {
                var pair = key.split(":");
                return enabled("category", pair[0]) && enabled("severity", pair[1]);
              });
              row.hidden = !visible;
              if (visible) shown += 1;
            });
            document.querySelectorAll("#filters input").forEach(function (box) { box.checked = enabled(box.name, box.value); });
            var status = document.getElementById("filter-status");
            if (status) status.textContent = "Showing " + shown + " of " + rows.length + " ranked sentences.";
          }

          function setFilters(filters) {
            ["category", "severity"].forEach(function (name) {
              if (!(name in filters)) return;
              var all = allValues(name), chosen = filters[name].filter(function (value) { return all.indexOf(value) >= 0; });
              state[name] = chosen.length === all.length ? null : chosen;
            });
            applyFilters();
          }

          function render(details) {
            var body = details.querySelector(".text");
            if (body.dataset.state === "done") return;
            var data = JSON.parse(document.getElementById("data-" + details.dataset.doc).textContent);
            body.innerHTML = data.html;
            body.dataset.state = "done";
            docFindings[details.dataset.doc] = data.findings;
            applyFilters(body);
          }

          function go(target) {
            var match = /^[ds]-(\d+)/.exec(target || "");
            if (!match) return;
            var details = document.getElementById("d-" + match[1]);
            if (!details) return;
            details.open = true;
            render(details);
            var element = document.getElementById(target);
            if (!element) return;
            element.scrollIntoView({ block: target.charAt(0) === "s" ? "center" : "start" });
            var next = element.nextSibling;
            if (target.charAt(0) === "s" && next && next.nodeName === "MARK") { next.classList.add("flash"); next.focus({ preventScroll: true }); }
          }

          function readFragment() {
            var parsed = parseFragment();
            setFilters(parsed.filters);
            (parsed.filters.open || []).forEach(function (id) {
              var list = id === "all" ? document.querySelectorAll("details.doc") : [document.getElementById("d-" + id)];
              Array.prototype.forEach.call(list, function (details) { if (details) { details.open = true; render(details); } });
            });
            go(parsed.target);
          }

          function showFindings(mark) {
            var details = mark.closest("details.doc"), findings = docFindings[details.dataset.doc] || [];
            var seen = {}, list = [];
            for (var node = mark; node && node.tagName === "MARK"; node = node.parentElement) {
              if (!seen[node.dataset.f]) { seen[node.dataset.f] = true; list.unshift(findings[+node.dataset.f]); }
            }
            var body = document.getElementById("panel-body");
            body.textContent = "";
            list.forEach(function (finding) {
              var block = document.createElement("div");
              block.className = "finding";
              var head = document.createElement("div");
              var code = document.createElement("span");
              code.className = "code";
              code.textContent = finding.rule + " " + finding.name;
              head.appendChild(code);
              head.appendChild(document.createTextNode(" · " + finding.category + " · " + finding.severity + " · line " + finding.line + ", column " + finding.column));
              var message = document.createElement("div");
              message.textContent = finding.message;
              block.appendChild(head);
              block.appendChild(message);
              if (finding.fix) {
                var fix = document.createElement("div");
                fix.textContent = "Suggested fix: " + finding.fix;
                block.appendChild(fix);
              }
              var about = document.createElement("div");
              about.className = "note";
              about.textContent = finding.summary;
              block.appendChild(about);
              body.appendChild(block);
            });
            document.getElementById("finding-panel").hidden = false;
          }

          document.addEventListener("click", function (event) {
            var mark = event.target.closest && event.target.closest("mark[data-f]");
            if (mark && !mark.classList.contains("off")) showFindings(mark);
            var link = event.target.closest && event.target.closest('a[href^="#"]');
            if (link && link.getAttribute("href") === location.hash) go(location.hash.slice(1));
          });
          document.addEventListener("keydown", function (event) {
            if (event.key === "Escape") { document.getElementById("finding-panel").hidden = true; return; }
            var mark = event.target.closest && event.target.closest("mark[data-f]");
            if (mark && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); showFindings(mark); }
          });
          document.getElementById("panel-close").addEventListener("click", function () { document.getElementById("finding-panel").hidden = true; });
          document.querySelectorAll("details.doc").forEach(function (details) {
            details.addEventListener("toggle", function () { if (details.open) render(details); });
          });
          document.querySelectorAll("#filters input").forEach(function (box) {
            box.addEventListener("change", function () {
              var chosen = Array.prototype.filter.call(document.querySelectorAll('input[name="' + box.name + '"]'), function (b) { return b.checked; }).map(function (b) { return b.value; });
              state[box.name] = chosen.length === allValues(box.name).length ? null : chosen;
              applyFilters();
              writeFragment();
            });
          });
          window.addEventListener("hashchange", readFragment);
          readFragment();
          document.documentElement.setAttribute("data-ready", "true");
        })();

        """#
}
