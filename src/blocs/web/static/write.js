// Writes from the pages: review decisions, batch accept, document upload. Each goes to
// the JSON API with the token from the page's token field (kept in sessionStorage, this
// tab only); refusals and errors are shown from the API's error body, as text.
"use strict";
(function () {
  const KEY = "blocs-token";
  const fields = document.querySelectorAll("input.token, #token");
  for (const f of fields) {
    f.value = sessionStorage.getItem(KEY) || "";
    f.addEventListener("input", () => sessionStorage.setItem(KEY, f.value));
  }
  function token() {
    for (const f of fields) if (f.value) return f.value;
    return "";
  }
  function headers(json) {
    const h = {"Accept": "application/json"};
    if (json) h["Content-Type"] = "application/json";
    const t = token();
    if (t) h["Authorization"] = "Bearer " + t;
    return h;
  }
  async function send(url, options) {
    const res = await fetch(url, options);
    let body = null;
    try { body = await res.json(); } catch (e) { body = {message: res.statusText}; }
    return {ok: res.ok, status: res.status, body: body};
  }
  function say(el, text, ok) {
    el.textContent = text;
    el.classList.toggle("ok", !!ok);
    el.classList.toggle("bad", !ok);
  }
  function parseEdits(text) {
    const edits = {};
    for (const line of text.split("\n")) {
      if (!line.trim()) continue;
      const i = line.indexOf("=");
      if (i < 1) throw new Error("write field=value, not " + JSON.stringify(line));
      const key = line.slice(0, i).trim(), raw = line.slice(i + 1).trim();
      let value = raw === "" ? null : raw;
      try { if (raw !== "") value = JSON.parse(raw); } catch (e) { value = raw; }
      edits[key] = value;
    }
    return edits;
  }

  // review cards
  for (const card of document.querySelectorAll(".review-card")) {
    const id = card.dataset.claim;
    const result = card.querySelector(".result");
    async function decide(decision, edits) {
      const r = await send("/api/v1/review/" + encodeURIComponent(id), {
        method: "POST", headers: headers(true),
        body: JSON.stringify({decision: decision, edits: edits || null})});
      if (r.ok) {
        say(result, decision + (r.body.stands !== id ? " → " + r.body.stands : ""), true);
        card.classList.add("decided", decision);
        for (const b of card.querySelectorAll("button")) b.disabled = true;
      } else {
        say(result, (r.body.error ? r.body.error + ": " : "") + (r.body.message || r.status), false);
      }
    }
    for (const b of card.querySelectorAll("button.accept, button.reject")) {
      b.addEventListener("click", () => decide(b.dataset.decision));
    }
    const form = card.querySelector(".edit-form");
    if (form) form.addEventListener("submit", ev => {
      ev.preventDefault();
      let edits;
      try { edits = parseEdits(form.elements.edits.value); }
      catch (e) { say(result, e.message, false); return; }
      decide("edited", edits);
    });
  }

  // batch accept
  const batch = document.getElementById("batch");
  if (batch) batch.addEventListener("submit", async ev => {
    ev.preventDefault();
    const out = document.getElementById("batch-status");
    const r = await send("/api/v1/review/accept", {
      method: "POST", headers: headers(true),
      body: JSON.stringify({doc: batch.elements.doc.value || null,
                            min_confidence: parseFloat(batch.elements.min_confidence.value),
                            dry_run: batch.elements.dry_run.checked})});
    if (r.ok) say(out, (r.body.dry_run ? "Would accept " : "Accepted ") + r.body.total + " claims" +
                  (r.body.dry_run ? "" : " — reload to see the queue"), true);
    else say(out, (r.body.error ? r.body.error + ": " : "") + r.body.message, false);
  });

  // upload
  const upload = document.getElementById("upload");
  if (upload) upload.addEventListener("submit", async ev => {
    ev.preventDefault();
    const out = document.getElementById("upload-status");
    const data = new FormData();
    data.append("file", upload.elements.file.files[0]);
    if (upload.elements.date.value) data.append("date", upload.elements.date.value);
    if (upload.elements.title.value) data.append("title", upload.elements.title.value);
    say(out, "Uploading…", true);
    const r = await send("/api/v1/documents", {method: "POST", headers: headers(false), body: data});
    out.replaceChildren();
    if (r.ok) {
      out.append(r.body.status + ": " + r.body.claims + " claims proposed. ");
      const a = document.createElement("a");
      a.href = r.body.links.page;
      a.textContent = "Open the document";
      out.append(a);
      out.className = "status ok";
    } else {
      say(out, (r.body.error ? r.body.error + ": " : "") + r.body.message, false);
    }
  });
})();
