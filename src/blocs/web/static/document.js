// The document page: the claim named in the URL (#claim-<id> or ?claim=<id>, or the
// claims the server marked for ?subject=&object=) is highlighted and scrolled to.
"use strict";
(function () {
  const text = document.getElementById("doctext");
  if (!text) return;
  function focus(id) {
    for (const m of text.querySelectorAll("mark.focus")) m.classList.remove("focus");
    for (const li of document.querySelectorAll(".claim-list li.focus")) li.classList.remove("focus");
    for (const m of text.querySelectorAll("mark.hl")) {
      if (m.dataset.claims.split(" ").includes(id)) m.classList.add("focus");
    }
    const li = document.getElementById("item-" + id);
    if (li) li.classList.add("focus");
  }
  function scrollToFocus() {
    const first = text.querySelector("mark.focus");
    if (first) first.scrollIntoView({block: "center"});
  }
  function fromUrl() {
    const hash = decodeURIComponent(window.location.hash || "");
    const q = new URLSearchParams(window.location.search).get("claim");
    const id = hash.startsWith("#claim-") ? hash.slice(7) : q;
    if (id) focus(id);
    scrollToFocus();
  }
  window.addEventListener("hashchange", fromUrl);
  text.addEventListener("click", ev => {
    const m = ev.target.closest("mark.hl");
    if (!m) return;
    const first = m.dataset.claims.split(" ")[0];
    for (const li of document.querySelectorAll(".claim-list li")) {
      li.classList.toggle("covering", m.dataset.claims.split(" ").includes(li.id.slice(5)));
    }
    const li = document.getElementById("item-" + first);
    if (li) li.scrollIntoView({block: "nearest"});
  });
  fromUrl();
  text.dataset.ready = "1";
})();
