/* The countries index: filter the table by name and region, and sort it by any column.
   Without this script the page is the plain table, in alphabetical order. */
(function () {
  "use strict";

  var table = document.querySelector(".countries-table");
  var form = document.querySelector(".table-filter");
  if (!table || !form) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var status = form.querySelector("[role=status]");
  var nameInput = form.elements.name, regionSelect = form.elements.region;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function filter() {
    var wanted = fold(nameInput.value.trim()), region = regionSelect.value, shown = 0;
    rows.forEach(function (row) {
      var name = fold(row.cells[0].querySelector("a").textContent);
      var visible = name.indexOf(wanted) !== -1 && (!region || row.getAttribute("data-region") === region);
      row.hidden = !visible;
      if (visible) shown++;
    });
    status.textContent = shown === rows.length ? MeridianI18n.t("countries.filter.all", { count: rows.length })
      : shown === 0 ? MeridianI18n.t("countries.filter.none") : MeridianI18n.t("countries.filter.some", { shown: shown, count: rows.length });
  }

  /* A cell's value for sorting: a number for scores, text otherwise; null when missing. */
  function value(row, column) {
    var cell = row.cells[column];
    if (!cell || cell.classList.contains("no-scores")) return null;
    if (column < 2) return fold(column === 0 ? cell.querySelector("a").textContent : cell.textContent);
    var number = parseFloat(cell.textContent);
    return isNaN(number) ? null : number;
  }

  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  function sort(column, direction) {
    var sorted = rows.slice().sort(function (a, b) {
      var x = value(a, column), y = value(b, column);
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      var order = x < y ? -1 : x > y ? 1 : 0;
      return direction === "ascending" ? order : -order;
    });
    sorted.forEach(function (row) { body.appendChild(row); });
    headers.forEach(function (header, index) {
      if (index === column) header.setAttribute("aria-sort", direction);
      else header.removeAttribute("aria-sort");
    });
  }

  headers.forEach(function (header, column) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort-button";
    button.textContent = header.textContent;
    header.textContent = "";
    header.appendChild(button);
    button.addEventListener("click", function () {
      var current = header.getAttribute("aria-sort");
      var first = column < 2 ? "ascending" : "descending";
      sort(column, current ? (current === "ascending" ? "descending" : "ascending") : first);
    });
  });
  headers[0].setAttribute("aria-sort", "ascending");

  nameInput.addEventListener("input", filter);
  regionSelect.addEventListener("change", filter);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  filter();
})();
