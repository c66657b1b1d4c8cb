/* progress.html: every module's status and score, the learner's name and employee ID
 * (remembered through MeridianStore), the export of the progress record as JSON or CSV
 * (downloaded through a Blob and <a download>), and the import of a record, merged with
 * what this browser holds. A classic script after storage.js, course-data.js, grading.js,
 * statements.js, record.js and import.js.
 */
(function () {
  "use strict";

  var store = window.MeridianStore;
  var course = window.MeridianCourse;
  var records = window.MeridianRecord;
  var grading = window.MeridianGrading;
  var importer = window.MeridianImport;
  if (!store || !course || !records || !grading || !importer) return;

  var nameField = document.getElementById("learner-name");
  var idField = document.getElementById("learner-employee-id");
  var importField = document.getElementById("import-file");
  var exportStatus = document.querySelector("[data-export-status]");
  var importStatus = document.querySelector("[data-import-status]");

  function say(region, text, isError) {
    if (!region) return;
    region.textContent = text;
    region.classList.toggle("is-error", !!isError);
    region.classList.toggle("is-done", !isError && !!text);
  }

  function day(iso) {
    return records.formatDay(iso, course.language);
  }

  /* ---------- The table ---------- */

  function render() {
    records.build(course, store.all(), store.getLearner()).then(function (record) {
      var done = 0;
      record.modules.forEach(function (module) {
        var row = document.querySelector('tr[data-module="' + module.slug + '"]');
        if (!row) return;
        if (module.status === "completed") done++;
        var cell = row.querySelector('[data-cell="status"]');
        cell.textContent = grading.statusLabel(module.status);
        cell.className = "status-cell is-" + module.status;
        row.querySelector('[data-cell="score"]').textContent = typeof module.score === "number" ? MeridianI18n.percent(module.score) : "—";
        row.querySelector('[data-cell="completed"]').textContent = module.completedAt ? day(module.completedAt) : "—";
      });
      var summary = document.querySelector("[data-course-summary]");
      if (summary) {
        summary.textContent = record.completed
          ? MeridianI18n.t("progress.summary.all")
          : MeridianI18n.t("progress.summary.some", { done: done, count: record.modules.length });
      }
      var certificate = document.querySelector("[data-certificate-link]");
      if (certificate) certificate.hidden = !record.completed;
    }, function () {
      // The table keeps its dashes; the export says why it cannot work.
    });
  }

  /* ---------- Who the learner is ---------- */

  var learner = store.getLearner();
  nameField.value = learner.name;
  idField.value = learner.employeeId;

  function saveLearner() {
    store.setLearner(nameField.value.trim(), idField.value.trim());
  }
  nameField.addEventListener("change", saveLearner);
  idField.addEventListener("change", saveLearner);
  nameField.addEventListener("input", saveLearner);
  idField.addEventListener("input", saveLearner);

  /* ---------- Export ---------- */

  function fileStem(record) {
    var who = (record.learner.employeeId || record.learner.name || "learner").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "learner";
    return "progress-" + who + "-" + record.exportedAt.slice(0, 10);
  }

  function download(text, name, type) {
    var blob = new Blob([text], { type: type });
    var url = URL.createObjectURL(blob);
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  function exportAs(kind) {
    saveLearner();
    var who = store.getLearner();
    if (!who.name && !who.employeeId) {
      say(exportStatus, MeridianI18n.t("progress.export.needLearner"), true);
      (who.name ? idField : nameField).focus();
      return;
    }
    records.build(course, store.all(), who).then(function (record) {
      var name = fileStem(record) + "." + kind;
      if (kind === "json") {
        download(JSON.stringify(record, null, 2) + "\n", name, "application/json");
      } else {
        download(records.csv(record, course), name, "text/csv;charset=utf-8");
      }
      var done = record.modules.filter(function (m) { return m.status === "completed"; }).length;
      var exported = { file: name, done: done, total: record.modules.length, code: record.verificationCode };
      say(exportStatus, kind === "json" ? MeridianI18n.t("progress.export.doneJson", exported) : MeridianI18n.t("progress.export.doneCsv", exported));
    }, function (error) {
      say(exportStatus, MeridianI18n.t("progress.export.failed", { error: error.message }), true);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-export]"), function (button) {
    button.addEventListener("click", function () {
      exportAs(button.getAttribute("data-export"));
    });
  });

  /* ---------- Import ---------- */

  function imported(record) {
    var values = { who: record.learner && (record.learner.name || record.learner.employeeId),
                   date: record.exportedAt ? day(record.exportedAt) : "" };
    if (values.who) return values.date ? MeridianI18n.t("progress.import.done.ofOn", values) : MeridianI18n.t("progress.import.done.of", values);
    return values.date ? MeridianI18n.t("progress.import.done.on", values) : MeridianI18n.t("progress.import.done.plain");
  }

  function describe(record, summary) {
    var parts = [imported(record)];
    var changes = [];
    if (summary.answersAdded) changes.push(MeridianI18n.t("progress.import.answersAdded", { count: summary.answersAdded }));
    if (summary.answersReplaced) changes.push(MeridianI18n.t("progress.import.answersReplaced", { count: summary.answersReplaced }));
    if (summary.scenariosAdded) changes.push(MeridianI18n.t("progress.import.scenariosAdded", { count: summary.scenariosAdded }));
    if (changes.length) {
      parts.push(MeridianI18n.t("progress.import.modulesChanged", { count: summary.modulesChanged,
        changes: changes.join(MeridianI18n.t("progress.import.separator")) }));
    } else if (summary.modulesChanged) {
      parts.push(MeridianI18n.t("progress.import.modulesUpdated", { count: summary.modulesChanged }));
    } else {
      parts.push(MeridianI18n.t("progress.import.nothingNew"));
    }
    if (summary.answersKept) parts.push(MeridianI18n.t("progress.import.answersKept", { count: summary.answersKept }));
    if (summary.scenariosKept) parts.push(MeridianI18n.t("progress.import.scenariosKept", { count: summary.scenariosKept }));
    if (summary.learnerKept) {
      var fields = summary.learnerKept.map(function (f) {
        return f === "name" ? MeridianI18n.t("progress.import.field.name") : MeridianI18n.t("progress.import.field.employeeId");
      });
      parts.push(MeridianI18n.t("progress.import.learnerKept", { fields: fields.join(MeridianI18n.t("progress.import.field.and")) }));
    }
    if (summary.unknownModules) parts.push(MeridianI18n.t("progress.import.unknownModules", { count: summary.unknownModules }));
    if (record.course.version !== course.version || record.course.contentHash !== course.contentHash) {
      parts.push(MeridianI18n.t("progress.import.otherVersion", { recorded: record.course.version, current: course.version }));
    }
    return parts.join(" ");
  }

  importField.addEventListener("change", function () {
    var file = importField.files && importField.files[0];
    if (!file) return;
    say(importStatus, MeridianI18n.t("progress.import.reading", { file: file.name }));
    var reader = new FileReader();
    reader.onerror = function () {
      say(importStatus, MeridianI18n.t("progress.import.unreadable", { file: file.name }), true);
    };
    reader.onload = function () {
      var record;
      try {
        record = importer.read(String(reader.result), course);
      } catch (error) {
        say(importStatus, MeridianI18n.t("progress.import.refused", { file: file.name, error: error.message }), true);
        importField.value = "";
        return;
      }
      var result = importer.merge(course, store.all(), record);
      store.replaceAll(result.data);
      var who = store.getLearner();
      nameField.value = who.name;
      idField.value = who.employeeId;
      say(importStatus, describe(record, result.summary));
      importField.value = "";
    };
    if (file.size > course.record.maximumBytes) {
      say(importStatus, MeridianI18n.t("progress.import.tooLarge", { file: file.name }), true);
      importField.value = "";
      return;
    }
    reader.readAsText(file);
  });

  render();
  store.onChange(render);
})();
