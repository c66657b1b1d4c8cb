/*
 * MeridianI18n: the interface text of the scripts, in the page's language. The words come
 * from assets/text.js, which the build writes from Templates/i18n/<language>.yaml
 * (window.MeridianText); numbers are written the way that language writes them (dates: the
 * course's language, through MeridianRecord.formatDay).
 *
 *   MeridianI18n.t("quiz.correct")                     "Correct."
 *   MeridianI18n.t("exam.start", {number: 2})          each {name} filled with its value
 *   MeridianI18n.t("search.found", {count: 2})         a text with forms picks one by count
 *                                                      (Intl.PluralRules: one, other, …)
 *   MeridianI18n.number(0.85, {style: "percent"})      Intl.NumberFormat
 *   MeridianI18n.percent(0.854)                        "85%", a score in whole percent
 *
 * A number given as a value is written through MeridianI18n.number; a string as it is. A key
 * the catalogue lacks comes back as the key itself, so a missing text shows, never breaks.
 */
(function () {
  "use strict";

  var texts = (window.MeridianText && window.MeridianText.texts) || {};
  var language = document.documentElement.lang || "en";
  var plurals = new Intl.PluralRules(language);

  function lookup(key) {
    var value = texts;
    var parts = key.split(".");
    for (var i = 0; i < parts.length; i++) {
      if (!value || typeof value !== "object" || !Object.prototype.hasOwnProperty.call(value, parts[i])) return null;
      value = value[parts[i]];
    }
    return value;
  }

  function number(value, options) {
    return new Intl.NumberFormat(language, options).format(value);
  }

  function percent(fraction) {
    return number(Math.round(fraction * 100) / 100, { style: "percent" });
  }

  function t(key, values) {
    values = values || {};
    var text = lookup(key);
    if (text && typeof text === "object") text = text[plurals.select(Number(values.count))] || text.other;
    if (typeof text !== "string") return key;
    return text.replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, function (whole, name) {
      if (!Object.prototype.hasOwnProperty.call(values, name)) return whole;
      var value = values[name];
      return typeof value === "number" ? number(value) : String(value);
    });
  }

  window.MeridianI18n = { language: language, t: t, number: number, percent: percent };
})();
