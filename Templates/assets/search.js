/* Offline search for search.html. The index is assets/search-index.js, a script that sets
   window.MeridianSearch = {pages: [[title, url, kind]], sections: [[page, heading, anchor, text?]]}
   (see Templates/CONTEXT.md). Every word of the query must appear in the page title, the
   section heading or the section text; accents and case are ignored. */
(function () {
  "use strict";

  var MAX_RESULTS = 50;
  var SNIPPET = 160;

  var input = document.getElementById("search-q");
  var form = input && input.form;
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var index = window.MeridianSearch;
  if (!form || !input || !status || !list) return;
  if (!index) {
    status.textContent = MeridianI18n.t("search.noIndex");
    return;
  }

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // Folded copies, made once.
  var pages = index.pages.map(function (page) {
    return { title: page[0], url: page[1], kind: page[2], folded: fold(page[0]) };
  });
  // The build writes 0 for an anchor that is the heading's plain slug (SearchIndex.simpleSlug).
  function slug(heading) {
    return heading.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  var sections = index.sections.map(function (row) {
    var text = row[3] || "";
    return { page: pages[row[0]], heading: row[1], anchor: row[2] === 0 ? slug(row[1]) : row[2], text: text,
             foldedHeading: fold(row[1]), foldedText: fold(text) };
  });

  function words(query) {
    return fold(query).split(/[^\p{L}\p{N}]+/u).filter(function (word) { return word.length > 0; });
  }

  function search(query) {
    var terms = words(query);
    if (terms.length === 0) return [];
    var found = [];
    var seenPages = {};
    sections.forEach(function (section) {
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var term = terms[i];
        var inTitle = section.page.folded.indexOf(term) >= 0;
        var inHeading = section.foldedHeading.indexOf(term) >= 0;
        var inText = section.foldedText.indexOf(term) >= 0;
        if (!inTitle && !inHeading && !inText) return;
        score += (inTitle ? 4 : 0) + (inHeading ? 3 : 0) + (inText ? 1 : 0);
      }
      // A page title match counts once per page, on its first section.
      var key = section.page.url;
      if (seenPages[key] && !terms.some(function (term) {
        return section.foldedHeading.indexOf(term) >= 0 || section.foldedText.indexOf(term) >= 0;
      })) return;
      seenPages[key] = true;
      found.push({ section: section, score: score });
    });
    found.sort(function (a, b) { return b.score - a.score; });
    return found;
  }

  function snippet(text, terms) {
    var folded = fold(text);
    var at = -1;
    for (var i = 0; i < terms.length && at < 0; i++) at = folded.indexOf(terms[i]);
    var start = Math.max(0, (at < 0 ? 0 : at) - 40);
    if (start > 0) {
      var space = text.indexOf(" ", start);
      if (space >= 0 && space < start + 20) start = space + 1;
    }
    var piece = text.slice(start, start + SNIPPET);
    return (start > 0 ? "…" : "") + piece + (start + SNIPPET < text.length ? "…" : "");
  }

  // Appends text to parent with every query word wrapped in <mark>.
  function appendMarked(parent, text, terms) {
    var folded = fold(text);
    var position = 0;
    while (position < text.length) {
      var next = -1, length = 0;
      terms.forEach(function (term) {
        var at = folded.indexOf(term, position);
        if (at >= 0 && (next < 0 || at < next)) { next = at; length = term.length; }
      });
      if (next < 0) break;
      parent.appendChild(document.createTextNode(text.slice(position, next)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, next + length);
      parent.appendChild(mark);
      position = next + length;
    }
    parent.appendChild(document.createTextNode(text.slice(position)));
  }

  function show(query) {
    var terms = words(query);
    var results = search(query);
    list.textContent = "";
    if (terms.length === 0) {
      status.textContent = MeridianI18n.t("search.empty");
      return;
    }
    results.slice(0, MAX_RESULTS).forEach(function (result) {
      var section = result.section;
      var item = document.createElement("li");
      item.className = "search-result";
      var link = document.createElement("a");
      link.href = section.page.url + (section.anchor ? "#" + section.anchor : "");
      appendMarked(link, section.page.title, terms);
      if (section.heading) {
        var part = document.createElement("span");
        part.className = "search-result-section";
        part.appendChild(document.createTextNode(" › "));
        appendMarked(part, section.heading, terms);
        link.appendChild(part);
      }
      var kind = document.createElement("span");
      kind.className = "search-result-kind";
      kind.textContent = section.page.kind === "country" ? MeridianI18n.t("search.kind.country") : MeridianI18n.t("search.kind.module");
      var heading = document.createElement("h2");
      heading.appendChild(kind);
      heading.appendChild(link);
      item.appendChild(heading);
      if (section.text) {
        var text = document.createElement("p");
        appendMarked(text, snippet(section.text, terms), terms);
        item.appendChild(text);
      }
      list.appendChild(item);
    });
    var shown = Math.min(results.length, MAX_RESULTS);
    var found = { count: results.length, query: query.trim(), shown: shown };
    status.textContent = results.length === 0 ? MeridianI18n.t("search.none", found)
      : shown < results.length ? MeridianI18n.t("search.someShown", found) : MeridianI18n.t("search.found", found);
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  input.value = query;
  show(query);

  // Searching again from this page updates the results and the address without a reload.
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show(input.value);
    try {
      history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    } catch (error) { /* some browsers refuse on file://; the results are shown anyway */ }
  });
  if (!query) input.focus();
})();
