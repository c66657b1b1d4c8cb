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

  function percent(score) {
    return Math.round(score * 100) + "%";
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
        row.querySelector('[data-cell="score"]').textContent = typeof module.score === "number" ? percent(module.score) : "—";
        row.querySelector('[data-cell="completed"]').textContent = module.completedAt ? day(module.completedAt) : "—";
      });
      var summary = document.querySelector("[data-course-summary]");
      if (summary) {
        summary.textContent = record.completed
          ? "You have completed every module of the course."
          : done + " of " + record.modules.length + (record.modules.length === 1 ? " module" : " modules") + " completed.";
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
      say(exportStatus, "Enter your name or employee ID above first, so that HR can tell whose record it is.", true);
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
      say(exportStatus, "Exported " + name + ": " + done + " of " + record.modules.length + " modules completed" +
        (kind === "json" ? ", verification code " + record.verificationCode + "." : "."));
    }, function (error) {
      say(exportStatus, "The export did not work: " + error.message, true);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-export]"), function (button) {
    button.addEventListener("click", function () {
      exportAs(button.getAttribute("data-export"));
    });
  });

  /* ---------- Import ---------- */

  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }

  function describe(record, summary) {
    var who = record.learner && (record.learner.name || record.learner.employeeId);
    var parts = ["Imported the progress record" + (who ? " of " + who : "") +
      (record.exportedAt ? " exported on " + day(record.exportedAt) : "") + "."];
    var changes = [];
    if (summary.answersAdded) changes.push(plural(summary.answersAdded, "answer", "answers") + " added");
    if (summary.answersReplaced) changes.push(plural(summary.answersReplaced, "answer", "answers") + " replaced by a later one");
    if (summary.scenariosAdded) changes.push(plural(summary.scenariosAdded, "scenario", "scenarios") + " brought in");
    if (changes.length || summary.modulesChanged) {
      parts.push(plural(summary.modulesChanged, "module", "modules") + " updated" + (changes.length ? ": " + changes.join(", ") : "") + ".");
    } else {
      parts.push("It held nothing newer than what is already here, so nothing changed.");
    }
    if (summary.answersKept) parts.push("Kept " + plural(summary.answersKept, "answer", "answers") + " given here, which are newer than the file's.");
    if (summary.scenariosKept) parts.push("Kept " + plural(summary.scenariosKept, "scenario", "scenarios") + " played here more recently.");
    if (summary.learnerKept) parts.push("Kept the " + summary.learnerKept.map(function (f) { return f === "name" ? "name" : "employee ID"; }).join(" and ") + " entered here; the file gives another.");
    if (summary.unknownModules) parts.push(plural(summary.unknownModules, "module is", "modules are") + " not in this course and were left out.");
    if (record.course.version !== course.version || record.course.contentHash !== course.contentHash) {
      parts.push("The record was made with course version " + record.course.version + " (this is version " + course.version +
        "): its answers are graded against the current questions.");
    }
    return parts.join(" ");
  }

  importField.addEventListener("change", function () {
    var file = importField.files && importField.files[0];
    if (!file) return;
    say(importStatus, "Reading " + file.name + "…");
    var reader = new FileReader();
    reader.onerror = function () {
      say(importStatus, "Could not read " + file.name + ". Nothing was imported.", true);
    };
    reader.onload = function () {
      var record;
      try {
        record = importer.read(String(reader.result), course);
      } catch (error) {
        say(importStatus, file.name + ": " + error.message, true);
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
      say(importStatus, file.name + ": this file is too large to be a progress record. Nothing was imported.", true);
      importField.value = "";
      return;
    }
    reader.readAsText(file);
  });

  render();
  store.onChange(render);
})();
