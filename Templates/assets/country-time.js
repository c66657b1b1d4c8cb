/* Country pages: the local time in each of the country's time zones and how its business
   hours (9:00-17:00) overlap with the learner's own, computed offline with the Intl API.
   The page lists the zones as text; this script adds a table to the element with
   data-timezones. */
(function () {
  "use strict";

  var OPEN = 9, CLOSE = 17;

  /* Minutes the zone is ahead of UTC at the instant `date`. */
  function offsetMinutes(zone, date) {
    var parts = {};
    new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit"
    }).formatToParts(date).forEach(function (part) { parts[part.type] = Number(part.value); });
    var wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
    return Math.round((wall - date.getTime()) / 60000);
  }

  function clock(minutes) {
    var day = ((minutes % 1440) + 1440) % 1440;
    var hours = Math.floor(day / 60), rest = day % 60;
    var text = MeridianI18n.t("countryTime.clock", { hh: (hours < 10 ? "0" : "") + hours, mm: (rest < 10 ? "0" : "") + rest });
    if (minutes < 0) return MeridianI18n.t("countryTime.dayBefore", { time: text });
    if (minutes >= 1440) return MeridianI18n.t("countryTime.nextDay", { time: text });
    return text;
  }

  function hours(minutes) {
    var whole = Math.floor(minutes / 60), rest = minutes % 60;
    var text = MeridianI18n.t("countryTime.hours", { count: whole });
    return rest ? MeridianI18n.t("countryTime.hoursAndMinutes", { hours: text, minutes: rest }) : text;
  }

  function cell(row, tag, text, scope) {
    var element = document.createElement(tag);
    element.textContent = text;
    if (scope) element.scope = scope;
    row.appendChild(element);
  }

  function zoneName(zone, date) {
    var parts = new Intl.DateTimeFormat(MeridianI18n.t("countryTime.zoneNames"), { timeZone: zone, timeZoneName: "long" }).formatToParts(date);
    for (var i = 0; i < parts.length; i++) if (parts[i].type === "timeZoneName") return parts[i].value;
    return zone;
  }

  function render(container) {
    var now = new Date();
    var own = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
    var ownOffset = offsetMinutes(own, now);
    var zones = container.getAttribute("data-timezones").split(/\s+/).filter(Boolean);

    var intro = document.createElement("p");
    intro.className = "clock-intro";
    intro.textContent = MeridianI18n.t("countryTime.yourZone", { zone: own.replace(/_/g, " "), name: zoneName(own, now),
      time: clock(Math.floor((now.getTime() / 60000 + ownOffset) % 1440)) });

    var table = document.createElement("table");
    table.className = "clock-table";
    var caption = document.createElement("caption");
    caption.textContent = MeridianI18n.t("countryTime.caption");
    table.appendChild(caption);
    var head = table.createTHead().insertRow();
    [MeridianI18n.t("countryTime.column.zone"), MeridianI18n.t("countryTime.column.now"), MeridianI18n.t("countryTime.column.hours"),
      MeridianI18n.t("countryTime.column.overlap")].forEach(function (text) {
      cell(head, "th", text, "col");
    });
    var body = table.createTBody();
    zones.forEach(function (zone) {
      var row = body.insertRow();
      var offset;
      try { offset = offsetMinutes(zone, now); } catch (error) {
        cell(row, "th", zone, "row");
        cell(row, "td", MeridianI18n.t("countryTime.unknownZone"));
        return;
      }
      var shift = ownOffset - offset; /* their 9:00 is our 9:00 + shift */
      var start = OPEN * 60 + shift, end = CLOSE * 60 + shift;
      var overlap = Math.max(0, Math.min(end, CLOSE * 60) - Math.max(start, OPEN * 60));
      cell(row, "th", zone.split("/").pop().replace(/_/g, " ") + " — " + zoneName(zone, now), "row");
      cell(row, "td", clock(Math.floor((now.getTime() / 60000 + offset) % 1440)));
      cell(row, "td", clock(start) + "–" + clock(end));
      cell(row, "td", overlap === 0 ? MeridianI18n.t("countryTime.noOverlap")
        : MeridianI18n.t("countryTime.overlap", { hours: hours(overlap), from: clock(Math.max(start, OPEN * 60)), to: clock(Math.min(end, CLOSE * 60)) }));
    });

    container.textContent = "";
    container.appendChild(intro);
    var scroll = document.createElement("div");
    scroll.className = "table-scroll";
    scroll.tabIndex = 0;
    scroll.setAttribute("role", "region");
    scroll.setAttribute("aria-label", MeridianI18n.t("countryTime.region"));
    scroll.appendChild(table);
    container.appendChild(scroll);
  }

  var containers = document.querySelectorAll("[data-timezones]");
  for (var i = 0; i < containers.length; i++) render(containers[i]);
})();
