/**
 * Embedding in other sites' pages. An embedded page posts its height to the parent in the two
 * message shapes that hosts already understand — Datawrapper's
 * `{"datawrapper-height": {"<id>": h}}` and AMP's `{sentinel: "amp", type: "embed-size", height}` —
 * so a newsroom that already runs either listener needs nothing new, and others paste
 * {@link EMBED_HOST_SNIPPET}.
 */

/** Inline script for an embedded page (child side). `id` names the embed in Datawrapper's shape. */
export function embedChildScript(id: string): string {
  // JSON.stringify alone would let "</script>" through; \u003c keeps the script element closed.
  const idLiteral = JSON.stringify(id).replace(/</g, '\\u003c');
  return `(function(){
if (window.parent === window) return;
var id = ${idLiteral}, last = -1;
function post() {
  var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (!h || h === last) return;
  last = h;
  var dw = {}; dw[id] = h;
  window.parent.postMessage({ "datawrapper-height": dw }, "*");
  window.parent.postMessage({ sentinel: "amp", type: "embed-size", height: h }, "*");
}
window.addEventListener("load", post);
window.addEventListener("resize", post);
if (window.ResizeObserver) new ResizeObserver(post).observe(document.body);
post();
})();`;
}

/**
 * Host-side snippet: paste once into the page that holds the iframes. It resizes the iframe whose
 * window sent the message (matched by `event.source`, so several embeds on a page do not clash
 * and no id has to be typed twice).
 *
 * @example
 * <iframe src="https://…/tables/01.html?embed=1" style="width:100%;border:0" scrolling="no"></iframe>
 * <script>…EMBED_HOST_SNIPPET…</script>
 */
export const EMBED_HOST_SNIPPET = `<script>
(function () {
  window.addEventListener("message", function (event) {
    var data = event.data, height;
    if (!data || typeof data !== "object") return;
    if (data["datawrapper-height"] && typeof data["datawrapper-height"] === "object") {
      for (var key in data["datawrapper-height"]) height = data["datawrapper-height"][key];
    } else if (data.sentinel === "amp" && data.type === "embed-size") {
      height = data.height;
    }
    height = Number(height);
    if (!(height > 0 && height < 100000)) return;
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) frames[i].style.height = Math.ceil(height) + "px";
    }
  });
})();
</script>`;
