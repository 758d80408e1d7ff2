// relief serve's own page script (a file, not inline, so the page's CSP can forbid inline scripts).
function getStartUrl() {
  const url = new URL(window.location.href);
  const params = new URLSearchParams(url.search);
  params.delete("delay");
  return url.pathname + "?" + params.toString();
}
// Leave now: blank the page and replace it in history, which also ends the session.
function leaveNow() {
  document.body.innerHTML = "";
  window.location.replace("about:blank");
}
async function refresh() {
  const ping_url = document.body.dataset.pingurl;
  if (ping_url) {
    await fetch(ping_url, { method: "GET", mode: "no-cors" });
  }
  window.location.href = getStartUrl();
}
document.addEventListener("DOMContentLoaded", () => {
  document.getElementById("leave-now").addEventListener("click", leaveNow);
  document.getElementById("start").addEventListener("click", refresh);
  new MutationObserver(() => {
    if (document.body.classList.contains("-closed")) leaveNow();
  }).observe(document.body, { attributes: true, attributeFilter: ["class"] });
});
