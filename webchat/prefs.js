// Applied before the first paint, so the page never flashes in the wrong size.
for (const pref of ["large-text", "high-contrast"]) {
  if (localStorage.getItem("hygie_" + pref) === "on") document.documentElement.classList.add(pref);
}
