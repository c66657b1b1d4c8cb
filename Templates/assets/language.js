/*
 * Switching language without losing your place. The language links lead to the same page in
 * another language; the headings differ in wording (and so in id) but not in number or order,
 * so the place travels as a position: "#section-3" is the third heading of the page's content.
 * On arrival, a "#section-N" that names no element scrolls to the page's Nth heading and is
 * replaced by that heading's own id. Progress needs nothing: both languages keep it under the
 * course's id, so it is the same record.
 */
(function () {
  "use strict";

  var PREFIX = "section-";

  function headings() {
    return Array.prototype.slice.call(document.querySelectorAll("main h2[id], main h3[id]"));
  }

  // The heading the reader is in: the last one whose top has scrolled above a third of the window.
  function positionInView() {
    var list = headings(), line = window.innerHeight / 3, position = 0;
    for (var i = 0; i < list.length; i++) {
      if (list[i].getBoundingClientRect().top <= line) position = i + 1;
    }
    return position;
  }

  // The language links are in the header, so a reader scrolls back up to reach one: the place
  // that counts is the section they last stopped in (the scroll rested there for a moment),
  // unless they are reading one now.
  var settled = 0, timer = null;
  window.addEventListener("scroll", function () {
    if (timer) clearTimeout(timer);
    timer = setTimeout(function () {
      timer = null;
      var position = positionInView();
      if (position > 0) settled = position;
    }, 700);
  }, { passive: true });

  function currentPosition() {
    var now = positionInView();
    if (now > 0) return now;
    if (settled > 0) return settled;
    var named = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
    return Math.max(0, headings().indexOf(named) + 1);
  }

  function withPlace(link) {
    var base = link.getAttribute("href").split("#")[0];
    var position = currentPosition();
    var query = window.location.search;
    if (query && base.indexOf("?") < 0) base += query;
    link.setAttribute("href", position > 0 ? base + "#" + PREFIX + position : base);
  }

  function arrive() {
    var hash = decodeURIComponent(window.location.hash.slice(1));
    if (hash.indexOf(PREFIX) !== 0 || document.getElementById(hash)) return;
    var heading = headings()[parseInt(hash.slice(PREFIX.length), 10) - 1];
    if (!heading) return;
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", window.location.pathname + window.location.search + "#" + heading.id);
    }
    heading.scrollIntoView();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var links = document.querySelectorAll("a[data-language-link]");
    for (var i = 0; i < links.length; i++) {
      // Mouse, keyboard and touch all end in a click, or in focus before a middle click.
      links[i].addEventListener("click", function (event) { withPlace(event.currentTarget); });
      links[i].addEventListener("focus", function (event) { withPlace(event.currentTarget); });
    }
    arrive();
  });
})();
