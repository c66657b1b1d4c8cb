/* Each module's status — Not started, In progress or Completed — in the sidebar and on the
 * home page, the course's completion and a link to resume where the learner left off.
 * A classic script after storage.js and grading.js, which derives every status from what the
 * learner did; without them the pages simply show no status.
 *
 * What it reads from the page (written by the build):
 *   <a data-module="SLUG"> … <span data-module-status></span></a>                     sidebar entries
 *   <p class="module-status" data-module="SLUG" hidden>                                home page cards
 *   <div data-course-progress hidden> with [data-course-count], [data-course-bar] and
 *   <a data-resume hidden>, <a data-certificate-link hidden> (once all are completed) home page
 *   <article data-module="SLUG"> with <h2 id> headings                              module pages:
 *                                                   the section last read, for the resume link
 */
(function () {
  "use strict";

  var store = window.MeridianStore;
  var grading = window.MeridianGrading;
  if (!store || !grading) return;

  function statusOf(modules, slug) {
    var module = grading.module(slug);
    return module ? grading.moduleResult(module, modules[slug]).status : "not-started";
  }

  function all(selector) {
    return Array.prototype.slice.call(document.querySelectorAll(selector));
  }

  function setStatusClass(node, status) {
    node.classList.remove("is-not-started", "is-in-progress", "is-completed");
    node.classList.add("is-" + status);
  }

  function render(data) {
    var modules = (data && data.modules) || {};
    all("a[data-module]").forEach(function (link) {
      var badge = link.querySelector("[data-module-status]");
      if (!badge) return;
      var status = statusOf(modules, link.getAttribute("data-module"));
      // An icon drawn by CSS, with the words for screen readers.
      var words = badge.firstChild;
      if (!words || words.nodeType !== 1) {
        badge.textContent = "";
        words = document.createElement("span");
        words.className = "visually-hidden";
        badge.appendChild(words);
      }
      words.textContent = grading.statusLabel(status);
      badge.title = grading.statusLabel(status);
      setStatusClass(badge, status);
    });

    var cards = all(".module-status[data-module]");
    var completed = 0;
    cards.forEach(function (node) {
      var status = statusOf(modules, node.getAttribute("data-module"));
      if (status === "completed") completed++;
      node.textContent = grading.statusLabel(status);
      setStatusClass(node, status);
      node.hidden = false;
    });

    var summary = document.querySelector("[data-course-progress]");
    if (!summary || !cards.length) return;
    var count = summary.querySelector("[data-course-count]");
    if (count) {
      count.textContent = completed === cards.length
        ? MeridianI18n.t("status.allCompleted", { count: cards.length })
        : MeridianI18n.t("status.someCompleted", { completed: completed, count: cards.length });
    }
    var certificate = summary.querySelector("a[data-certificate-link]");
    if (certificate) certificate.hidden = completed !== cards.length;
    var bar = summary.querySelector("[data-course-bar]");
    if (bar) bar.style.width = Math.round(completed / cards.length * 100) + "%";
    summary.hidden = false;

    var resume = summary.querySelector("a[data-resume]");
    if (resume) {
      var last = lastVisited(modules);
      var card = last && document.querySelector('.module-card a[data-module-link="' + last + '"]');
      resume.hidden = !card;
      if (card) {
        var section = modules[last].lastSection;
        resume.setAttribute("href", card.getAttribute("href") + (/^[A-Za-z0-9_-]+$/.test(section || "") ? "#" + section : ""));
        var title = resume.querySelector("[data-resume-title]");
        if (title) title.textContent = card.getAttribute("data-module-title") || "";
      }
    }
  }

  // The module whose page was opened last.
  function lastVisited(modules) {
    var best = null;
    var bestTime = "";
    Object.keys(modules).forEach(function (slug) {
      var record = modules[slug];
      var time = record && (record.lastVisitedAt || record.answeredAt || record.firstVisitedAt);
      if (time && time > bestTime) {
        best = slug;
        bestTime = time;
      }
    });
    return best;
  }

  render(store.all());
  store.onChange(function (data) {
    render(data);
  });

  /* On a module page: remember the section being read (the last heading scrolled past, or
   * the one the address names), so that "Resume where you left off" leads back to it. */
  var article = document.querySelector("article[data-module]");
  if (!article) return;
  var slug = article.getAttribute("data-module");
  var headings = Array.prototype.slice.call(article.querySelectorAll("h2[id]"));
  if (!headings.length) return;

  function remember(id) {
    if (id && store.getModule(slug)) store.recordSection(slug, id);
  }

  function sectionInView() {
    var current = null;
    headings.forEach(function (heading) {
      if (heading.getBoundingClientRect().top <= window.innerHeight / 3) current = heading.id;
    });
    return current;
  }

  function fromAddress() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    return headings.some(function (heading) { return heading.id === id; }) ? id : null;
  }

  var pending = null;
  window.addEventListener("scroll", function () {
    if (pending) clearTimeout(pending);
    pending = setTimeout(function () {
      pending = null;
      remember(sectionInView());
    }, 500);
  }, { passive: true });
  window.addEventListener("hashchange", function () {
    remember(fromAddress());
  });
  // After quiz.js has recorded the visit (scripts run in order; this waits for all of them).
  window.addEventListener("load", function () {
    remember(fromAddress());
  });
})();
