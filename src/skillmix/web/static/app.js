// skillmix web UI: the little JavaScript it needs (no inline script: the CSP forbids it).
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // Click a skill in the evidence list to outline its mentions in the text.
  document.querySelectorAll("button.skill-toggle").forEach((btn) => {
    btn.addEventListener("click", () => {
      const id = btn.dataset.skill;
      let first = null;
      document.querySelectorAll("mark.skill").forEach((m) => {
        const on = m.dataset.skill === id;
        m.classList.toggle("focus", on);
        if (on && !first) first = m;
      });
      if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
    });
  });
  // Forms that need a second thought (erasure) ask first.
  document.querySelectorAll("form[data-confirm]").forEach((form) => {
    form.addEventListener("submit", (ev) => {
      if (!window.confirm(form.dataset.confirm)) ev.preventDefault();
    });
  });
  // Pages of running jobs reload themselves until the job ends.
  const job = document.querySelector("[data-job-status='queued'], [data-job-status='running']");
  if (job) window.setTimeout(() => window.location.reload(), 2000);
});
