// The matrix through time: the slider (months since January of the first year) or the
// date field picks a day; the cells are redrawn from the JSON API for that day.
// Only textContent and attributes are set: nothing here parses HTML.
"use strict";
(function () {
  const table = document.getElementById("matrix");
  const slider = document.getElementById("slider");
  const dateInput = document.getElementById("on");
  const play = document.getElementById("play");
  const heading = document.getElementById("matrix-day");
  const status = document.getElementById("matrix-status");
  if (!table || !slider) return;
  const orgs = table.dataset.orgs;
  const firstYear = parseInt(slider.dataset.firstYear, 10);
  let roles = {};          // role id -> {label, class}
  let latest = 0;          // the newest request: older answers are dropped
  let playing = false;

  function monthToDay(i) {
    const y = firstYear + Math.floor(i / 12), m = (i % 12) + 1;
    return y + "-" + String(m).padStart(2, "0") + "-01";
  }
  function dayToMonth(day) {
    const [y, m] = day.split("-").map(Number);
    return (y - firstYear) * 12 + (m - 1);
  }
  function label(role, frozen) {
    if (role === null) return "not a member";
    const r = roles[role];
    return (r ? r.label : role.replace(/_/g, " ")) + (frozen ? " (frozen)" : "");
  }
  function css(role) {
    if (role === null) return "role-none";
    const r = roles[role];
    return "role-" + (r ? r["class"] : "other").replace(/_/g, "-");
  }

  const allRows = document.getElementById("all-rows");
  function hideEmptyRows() {
    for (const tr of table.querySelectorAll("tbody tr")) {
      tr.hidden = !allRows.checked && !tr.querySelector("td.cell:not(.empty)");
    }
  }
  allRows.addEventListener("change", () => {
    hideEmptyRows();
    const u = new URL(window.location.href);
    if (allRows.checked) u.searchParams.set("all", "true"); else u.searchParams.delete("all");
    history.replaceState(null, "", u);
  });

  function draw(day, cells) {
    const byKey = new Map(cells.map(c => [c.state + "|" + c.org, c]));
    for (const td of table.querySelectorAll("tbody td.cell")) {
      const state = td.parentElement.dataset.state, org = td.dataset.org;
      const c = byKey.get(state + "|" + org);
      td.replaceChildren();
      if (!c) {
        td.className = "cell empty";
        td.removeAttribute("title");
        continue;
      }
      const disputed = c.conflicts && c.conflicts.length > 0;
      td.className = "cell " + css(c.role) + (c.certain ? "" : " uncertain") +
        (disputed ? " disputed" : "") + (c.frozen ? " frozen" : "");
      let title = label(c.role, c.frozen);
      if (!c.certain) title += " — uncertain: the day falls inside an imprecise date";
      if (disputed) title += " — disputed: another source says otherwise";
      td.title = title;
      const a = document.createElement("a");
      a.href = "/why/" + encodeURIComponent(state) + "/" + encodeURIComponent(org) + "?on=" + day;
      a.textContent = label(c.role, c.frozen) + (c.certain ? "" : "?") + (disputed ? "*" : "");
      td.appendChild(a);
    }
    hideEmptyRows();
  }

  async function show(day) {
    const ticket = ++latest;
    heading.textContent = day;
    dateInput.value = day;
    table.setAttribute("aria-busy", "true");
    try {
      const url = "/api/v1/matrix?orgs=" + encodeURIComponent(orgs) + "&on=" + day + "&limit=10000";
      const res = await fetch(url, {headers: {"Accept": "application/json"}});
      const body = await res.json();
      if (ticket !== latest) return;                  // a newer day was asked for meanwhile
      if (!res.ok) { status.textContent = body.message || "error"; return; }
      draw(day, body.items);
      status.textContent = "";
      table.dataset.day = day;
      const u = new URL(window.location.href);
      u.searchParams.set("on", day);
      history.replaceState(null, "", u);
    } catch (e) {
      if (ticket === latest) status.textContent = "Could not load the matrix: " + e.message;
    } finally {
      if (ticket === latest) table.removeAttribute("aria-busy");
    }
  }

  slider.addEventListener("input", () => show(monthToDay(parseInt(slider.value, 10))));
  dateInput.addEventListener("change", () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dateInput.value)) return;
    slider.value = String(dayToMonth(dateInput.value));
    show(dateInput.value);
  });

  const sleep = ms => new Promise(r => setTimeout(r, ms));
  async function run() {
    const max = parseInt(slider.max, 10);
    if (parseInt(slider.value, 10) >= max) slider.value = "0";
    while (playing && parseInt(slider.value, 10) < max) {
      slider.value = String(parseInt(slider.value, 10) + 1);
      await show(monthToDay(parseInt(slider.value, 10)));
      await sleep(120);
    }
    stop();
  }
  function stop() {
    playing = false;
    play.textContent = "▶";
    play.setAttribute("aria-label", "Play through time");
    play.classList.remove("on");
  }
  play.addEventListener("click", () => {
    if (playing) { stop(); return; }
    playing = true;
    play.textContent = "❚❚";
    play.setAttribute("aria-label", "Pause");
    play.classList.add("on");
    run();
  });

  fetch("/api/v1/roles").then(r => r.json()).then(list => {
    for (const r of list) roles[r.id] = r;
    table.dataset.ready = "1";
  });
})();
