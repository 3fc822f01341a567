// detente report: evidence panel for the network, sentence highlighting, sortable tables. No dependencies.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var highlighted = [];

  function clearHighlight() {
    highlighted.forEach(function (el) { el.classList.remove("hl", "hl-first"); });
    highlighted = [];
  }

  // Open the article holding a sentence, highlight the sentence (and any it continues into), scroll to it.
  function showSentence(anchor, more, push) {
    var target = document.getElementById(anchor);
    if (!target) { return false; }
    clearHighlight();
    var details = target.closest("details");
    while (details) { details.open = true; details = details.parentElement.closest("details"); }
    [anchor].concat(more || []).forEach(function (id, i) {
      var el = document.getElementById(id);
      if (el && el.classList.contains("s")) {
        el.classList.add("hl");
        if (i === 0) { el.classList.add("hl-first"); }
        highlighted.push(el);
      }
    });
    if (push) { history.pushState(null, "", "#" + anchor); }
    target.scrollIntoView({block: "center"});
    return true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    if (!link) { return; }
    var anchor = decodeURIComponent(link.getAttribute("href").slice(1));
    var more = (link.getAttribute("data-more") || "").split(" ").filter(Boolean);
    var el = document.getElementById(anchor);
    if (!el) { return; }
    if (el.classList.contains("s")) {
      event.preventDefault();
      showSentence(anchor, more, true);
    } else if (el.tagName === "DETAILS") {
      el.open = true;
    }
  });

  function fromHash() {
    var anchor = decodeURIComponent(location.hash.slice(1));
    if (!anchor) { return; }
    var el = document.getElementById(anchor);
    if (el && el.classList.contains("s")) { showSentence(anchor, [], false); }
    else if (el && el.tagName === "DETAILS") { el.open = true; el.scrollIntoView(); }
  }
  window.addEventListener("hashchange", fromHash);
  window.addEventListener("popstate", fromHash);

  // Evidence panel.
  var panel = document.getElementById("panel");
  var LIMIT = 150;

  function sentenceText(anchors) {
    return anchors.map(function (id) {
      var el = document.getElementById(id);
      return el ? el.textContent : "";
    }).join(" ");
  }

  function showEvidence(title, ids, dyadAnchor) {
    panel.textContent = "";
    var h = document.createElement("h3");
    h.textContent = title;
    panel.appendChild(h);
    var summary = document.createElement("p");
    summary.className = "muted";
    summary.textContent = ids.length + " evidence items" + (ids.length > LIMIT ? " (first " + LIMIT + " listed)" : "");
    panel.appendChild(summary);
    if (dyadAnchor) {
      var dyad = document.createElement("a");
      dyad.href = "#" + dyadAnchor;
      dyad.textContent = "Open the dyad section";
      panel.appendChild(dyad);
    }
    var list = document.createElement("ol");
    ids.slice(0, LIMIT).forEach(function (id) {
      var ev = data.ev[id];
      if (!ev) { return; }
      var item = document.createElement("li");
      item.className = "ev-item " + ev[1];
      var label = document.createElement("div");
      label.textContent = ev[1] + " · " + ev[2] + " · " + ev[3];
      var sentence = document.createElement("span");
      sentence.className = "sent";
      var text = sentenceText(ev[0]);
      sentence.textContent = text.length > 300 ? text.slice(0, 299) + "…" : text;
      var link = document.createElement("a");
      link.href = "#" + ev[0][0];
      link.setAttribute("data-more", ev[0].slice(1).join(" "));
      link.textContent = "read in article";
      item.appendChild(label);
      item.appendChild(sentence);
      item.appendChild(link);
      list.appendChild(item);
    });
    panel.appendChild(list);
  }

  function select(elements) {
    document.querySelectorAll("#graph .on").forEach(function (el) { el.classList.remove("on"); });
    elements.forEach(function (el) { el.classList.add("on"); });
  }

  document.querySelectorAll("#graph .edge").forEach(function (line) {
    line.addEventListener("click", function () {
      var edge = data.edges[Number(line.getAttribute("data-i"))];
      select([line]);
      showEvidence(edge.t, edge.ev, edge.d);
    });
  });
  document.querySelectorAll("#graph .node").forEach(function (node) {
    node.addEventListener("click", function () {
      var index = Number(node.getAttribute("data-i"));
      var ids = [], seen = {}, lines = [node];
      document.querySelectorAll("#graph .edge").forEach(function (line) {
        var i = Number(line.getAttribute("data-i"));
        var edge = data.edges[i];
        var x1 = line.getAttribute("data-a"), x2 = line.getAttribute("data-b");
        if (Number(x1) === index || Number(x2) === index) {
          lines.push(line);
          edge.ev.forEach(function (id) { if (!seen[id]) { seen[id] = true; ids.push(id); } });
        }
      });
      select(lines);
      showEvidence(data.nodes[index].t, ids, null);
    });
  });

  // Sortable tables: click a header to sort by that column.
  document.querySelectorAll("table.sortable").forEach(function (table) {
    table.querySelectorAll("th").forEach(function (th, column) {
      th.addEventListener("click", function () {
        var body = table.tBodies[0];
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("th").forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        function key(row) {
          var cell = row.cells[column];
          var raw = cell.getAttribute("data-sort");
          var text = raw !== null ? raw : cell.textContent.trim();
          var number = parseFloat(text);
          return isNaN(number) || !/^[-+]?[\d.]+$/.test(text) ? text.toLowerCase() : number;
        }
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          if (x === y) { return 0; }
          var less = (typeof x === typeof y) ? x < y : typeof x === "number";
          return (less ? -1 : 1) * (ascending ? 1 : -1);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });

  fromHash();
})();
