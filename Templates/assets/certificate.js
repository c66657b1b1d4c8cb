/* certificate.html: once every module is completed and the learner has given a name, fills
 * in the certificate — name, date, score (the average of the module scores) and the
 * verification code of the record the learner would export now — and offers to print it.
 * Until then it lists what is still to do. A classic script after storage.js, course-data.js,
 * grading.js, statements.js and record.js.
 */
(function () {
  "use strict";

  var store = window.MeridianStore;
  var course = window.MeridianCourse;
  var records = window.MeridianRecord;
  var grading = window.MeridianGrading;
  if (!store || !course || !records || !grading) return;

  var ready = document.querySelector("[data-certificate]");
  var missing = document.querySelector("[data-certificate-missing]");

  function field(name, text) {
    var node = ready.querySelector('[data-field="' + name + '"]');
    if (node) node.textContent = text;
    return node;
  }

  function day(iso) {
    return records.formatDay(iso, course.language);
  }

  function render() {
    records.build(course, store.all(), store.getLearner()).then(function (record) {
      var hasName = !!record.learner.name;
      var show = record.completed && hasName;
      ready.hidden = !show;
      missing.hidden = show;
      if (show) {
        field("name", record.learner.name);
        var employee = field("employee", record.learner.employeeId ? MeridianI18n.t("certificate.employeeId", { id: record.learner.employeeId }) : "");
        if (employee) employee.hidden = !record.learner.employeeId;
        field("date", day(record.completedAt));
        var average = records.averageScore(record);
        field("score", average === null ? MeridianI18n.t("certificate.noQuiz") : MeridianI18n.percent(average));
        field("code", record.verificationCode);
        return;
      }
      var list = missing.querySelector("[data-missing-modules]");
      var left = 0;
      record.modules.forEach(function (module) {
        var item = missing.querySelector('li[data-module="' + module.slug + '"]');
        if (!item) return;
        item.hidden = module.status === "completed";
        if (!item.hidden) left++;
        var note = item.querySelector("[data-missing-status]");
        if (note) note.textContent = MeridianI18n.t("certificate.missing.status", { status: grading.statusLabel(module.status) });
      });
      if (list) list.hidden = left === 0;
      var nameNote = missing.querySelector("[data-missing-name]");
      if (nameNote) nameNote.hidden = hasName;
    }, function (error) {
      missing.hidden = false;
      missing.textContent = MeridianI18n.t("certificate.failed", { error: error.message });
    });
  }

  var print = document.querySelector("[data-print]");
  if (print) {
    print.addEventListener("click", function () {
      window.print();
    });
  }

  render();
  store.onChange(render);
})();
