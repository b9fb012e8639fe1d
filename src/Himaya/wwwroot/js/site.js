// Small progressive enhancements; every page works without them.
document.addEventListener("change", e => {
  if (e.target.matches("select[data-autosubmit]")) e.target.form.submit();
});
document.addEventListener("submit", e => {
  const message = e.target.getAttribute("data-confirm");
  if (message && !window.confirm(message)) e.preventDefault();
});
// A background import's page: follow its progress, reload when it has finished (or stopped).
for (const box of document.querySelectorAll("[data-poll-import]")) {
  const url = box.getAttribute("data-poll-import");
  const bar = box.querySelector("progress");
  const rows = document.getElementById("import-rows");
  const tick = async () => {
    try {
      const r = await fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" });
      if (r.ok) {
        const s = await r.json();
        if (!s.inBackground) { window.location.reload(); return; }
        if (bar) bar.value = s.rowsDone;
        if (rows) rows.textContent = s.rowsDone.toLocaleString(document.documentElement.lang) + " / " + s.rows.toLocaleString(document.documentElement.lang);
      }
    } catch { /* offline for a moment: try again */ }
    setTimeout(tick, 2000);
  };
  setTimeout(tick, 2000);
}
// Intake forms taken while someone talks (the hotline): the first field has focus, Ctrl+Enter sends.
for (const form of document.querySelectorAll("form[data-ctrl-enter]")) {
  // A page that answered something below the form (earlier reports) puts the focus there instead. After load: going to
  // the page's #fragment moves the focus to the fragment's target when the page has loaded.
  // Only while nobody has started elsewhere: a user who already moved on to a field keeps it.
  const first = () => {
    if (document.activeElement && document.activeElement !== document.body) return;
    (document.querySelector("[data-focus]") ?? form.querySelector("input:not([type=hidden]), select, textarea"))?.focus();
  };
  if (document.readyState === "complete") first(); else window.addEventListener("load", () => setTimeout(first, 0), { once: true });
  form.addEventListener("keydown", e => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); form.requestSubmit(); }
  });
}
// The referral form's service picker: a type filter hides the services of other types (every one is listed without script).
for (const select of document.querySelectorAll("select[data-filter-services]")) {
  const box = document.querySelector(select.getAttribute("data-filter-services"));
  select.addEventListener("change", () => {
    for (const li of box.querySelectorAll("li[data-types]"))
      li.hidden = select.value !== "" && !li.getAttribute("data-types").split(" ").includes(select.value);
  });
}
// A table wider than the screen scrolls in its box: the box takes the keyboard focus so it can be scrolled without a mouse.
for (const box of document.querySelectorAll(".table-wrap:not([tabindex])")) {
  if (box.scrollWidth <= box.clientWidth) continue;
  box.tabIndex = 0;
  if (!box.hasAttribute("role")) box.setAttribute("role", "region");
  const caption = box.querySelector("caption")?.textContent ?? box.closest("section")?.querySelector("h2, h3")?.textContent;
  if (caption && !box.hasAttribute("aria-label") && !box.hasAttribute("aria-labelledby")) box.setAttribute("aria-label", caption.trim());
}
// A form drawn for a date (a home visit's milestones are those of the child's age then): a date moved out of the days it
// was drawn for draws it again for the new date. Without script the server refuses the mismatch item by item.
for (const box of document.querySelectorAll("[data-redraw]")) {
  const input = box.querySelector("input[type=date]");
  const from = box.getAttribute("data-from"), until = box.getAttribute("data-until");
  input?.addEventListener("change", () => {
    const v = input.value;
    if (!v || !from || (v >= from && v <= until)) return;
    window.location.assign(box.getAttribute("data-redraw") + encodeURIComponent(v) + "#visit");
  });
}
