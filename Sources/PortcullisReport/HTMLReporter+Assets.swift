extension HTMLReporter {
    /// The Content-Security-Policy hashes of `style` and `script` (SHA-256, base64). A test recomputes
    /// them from the rendered page: change either text and it prints the new value.
    static let styleHash = "sha256-Vq7IgxzgSBPnnxFrxzalO8CANpLhXs3Sz1tscG3ZZv8="
    static let scriptHash = "sha256-DTUrOLUL32gtoZI94vF43FmpUlno/XpjydYixaOl/CA="

    /// The page's only style: system fonts, light and dark.
    static let style = """

        :root{--fg:#1f2328;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d1d9e0;--error:#cf222e;--warning:#9a6700;--info:#0969da;--other:#8c959f;--hit:#fff8c5;--mark:#ffd33d}
        @media (prefers-color-scheme: dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#151b23;--line:#3d444d;--error:#f85149;--warning:#d29922;--info:#4493f8;--other:#656c76;--hit:#3b2e00;--mark:#7a5c00}}
        *{box-sizing:border-box}
        body{margin:0 auto;max-width:1200px;padding:1.5rem;font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
        h1{font-size:1.6rem;margin:0}h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
        .lead,.note,footer{color:var(--muted)}footer{margin-top:2rem;font-size:12px}
        code,pre,.location{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
        .totals{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0}
        .card{border:1px solid var(--line);border-left:4px solid var(--other);border-radius:6px;padding:.4rem .8rem;background:var(--panel);min-width:8rem}
        .card.error{border-left-color:var(--error)}.card.warning{border-left-color:var(--warning)}.card.info{border-left-color:var(--info)}
        .card .value{font-size:1.4rem;font-weight:600;display:block}.card .name{color:var(--muted)}
        .charts{display:flex;flex-wrap:wrap;gap:1rem}figure{margin:0;padding:.5rem;border:1px solid var(--line);border-radius:6px;max-width:100%;overflow-x:auto}
        figcaption{font-weight:600;margin-bottom:.25rem}
        .chart{display:block;max-width:100%;height:auto}.chart text{font:12px ui-monospace,monospace;fill:var(--fg)}.chart .count{fill:var(--muted)}
        .chart a text{fill:var(--info)}.chart a:hover text{text-decoration:underline}
        rect.error{fill:var(--error)}rect.warning{fill:var(--warning)}rect.info{fill:var(--info)}rect.other{fill:var(--other)}
        .filters{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;margin:.5rem 0;padding:.5rem;background:var(--panel);border-radius:6px}
        .filters input,.filters select{font:inherit;color:inherit;background:var(--bg);border:1px solid var(--line);border-radius:4px;padding:.15rem .3rem}
        .filters output{color:var(--muted)}
        table{border-collapse:collapse;width:100%;table-layout:fixed}th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;border-bottom:1px solid var(--line);overflow-wrap:anywhere}
        th:nth-child(1){width:6.5rem}th:nth-child(2),th:nth-child(3){width:22%}
        th{background:var(--panel);position:sticky;top:0}th button{all:unset;cursor:pointer;font-weight:600}
        th[aria-sort=ascending] button::after{content:" \\25B2"}th[aria-sort=descending] button::after{content:" \\25BC"}
        summary{cursor:pointer}
        .badge{display:inline-block;border-radius:1em;padding:0 .5em;font-size:12px;color:#fff;background:var(--other)}
        .badge.error{background:var(--error)}.badge.warning{background:var(--warning)}.badge.info{background:var(--info)}
        .detail{margin:.4rem 0 .2rem;padding:.4rem .6rem;border-left:3px solid var(--line)}.detail p{margin:.3rem 0}
        .excerpt{margin:.3rem 0;padding:.3rem 0;background:var(--panel);border-radius:4px;overflow-x:auto}
        .excerpt .line{display:block;padding:0 .6rem;white-space:pre}.excerpt .hit{background:var(--hit)}
        .excerpt .number{color:var(--muted);user-select:none}.excerpt mark{background:var(--mark);color:inherit}
        .empty{color:var(--muted);font-style:italic}

        """

    /// The page's only script: filters (severity, policy, text; kept in the address's `#…`), sorting
    /// by column, the count of rows shown. Plain JavaScript, no library; the page reads without it.
    static let script = """

        (function () {
          "use strict";
          var table = document.getElementById("findings-table");
          if (!table) { return; }
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          var severity = document.getElementById("filter-severity");
          var policy = document.getElementById("filter-policy");
          var text = document.getElementById("filter-text");
          var count = document.getElementById("filter-count");
          document.getElementById("filters").hidden = false;

          function apply(remember) {
            var s = severity.value, p = policy.value, q = text.value.trim().toLowerCase(), shown = 0;
            rows.forEach(function (row) {
              var visible = (!s || row.getAttribute("data-severity") === s) && (!p || row.getAttribute("data-policy") === p) &&
                (!q || row.textContent.toLowerCase().indexOf(q) !== -1);
              row.hidden = !visible;
              if (visible) { shown += 1; }
            });
            count.textContent = "Showing " + shown + " of " + rows.length + " finding" + (rows.length === 1 ? "" : "s");
            if (remember) {
              var params = new URLSearchParams();
              if (s) { params.set("severity", s); }
              if (p) { params.set("policy", p); }
              if (q) { params.set("q", text.value.trim()); }
              try { history.replaceState(null, "", "#" + params.toString()); } catch (e) { /* file: pages may refuse */ }
            }
          }

          function select(element, value) {
            element.value = value;
            if (element.value !== value) { element.value = ""; }
          }

          function fromAddress() {
            var params = new URLSearchParams(location.hash.slice(1));
            select(severity, params.get("severity") || "");
            select(policy, params.get("policy") || "");
            text.value = params.get("q") || "";
            apply(false);
          }

          function key(row, column) {
            switch (column) {
              case "severity": return [Number(row.getAttribute("data-rank")), ""];
              case "policy": return [0, row.getAttribute("data-policy")];
              case "location": return [Number(row.getAttribute("data-line")), row.getAttribute("data-file")];
              default: return [0, row.cells[3].querySelector("summary").textContent.toLowerCase()];
            }
          }

          function compare(a, b, column) {
            var x = key(a, column), y = key(b, column);
            if (column === "location" && x[1] !== y[1]) { return x[1] < y[1] ? -1 : 1; }
            if (x[0] !== y[0]) { return x[0] - y[0]; }
            return x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0;
          }

          var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
          headers.forEach(function (header) {
            var column = header.getAttribute("data-sort");
            var button = document.createElement("button");
            button.type = "button";
            button.textContent = header.textContent;
            header.textContent = "";
            header.appendChild(button);
            button.addEventListener("click", function () {
              var direction = header.getAttribute("aria-sort") === "ascending" ? -1 : 1;
              headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
              header.setAttribute("aria-sort", direction === 1 ? "ascending" : "descending");
              rows.slice().sort(function (a, b) {
                return direction * compare(a, b, column) || Number(a.getAttribute("data-index")) - Number(b.getAttribute("data-index"));
              }).forEach(function (row) { body.appendChild(row); });
            });
          });

          severity.addEventListener("change", function () { apply(true); });
          policy.addEventListener("change", function () { apply(true); });
          text.addEventListener("input", function () { apply(true); });
          window.addEventListener("hashchange", fromAddress);
          fromAddress();
        })();

        """
}
