/// The script `serve` adds to every HTML page it sends (never to the files of a build): it
/// listens to the server's events, reloads the page after a successful rebuild and shows the
/// build's errors over the page when one fails.
enum ReloadScript {
    static func inject(into html: String, generation: Int) -> String {
        let tag = "<script src=\"\(PreviewServer.ownPrefix)reload.js\" data-generation=\"\(generation)\"></script>\n"
        guard let body = html.range(of: "</body>", options: .backwards) else { return html + tag }
        return html.replacingCharacters(in: body.lowerBound..<body.lowerBound, with: tag)
    }

    static let source = #"""
    (function () {
      "use strict";
      var script = document.currentScript;
      var loaded = script ? script.getAttribute("data-generation") : null;
      var overlay = null;

      function hide() {
        if (overlay) { overlay.remove(); overlay = null; }
      }

      function show(problems) {
        hide();
        overlay = document.createElement("div");
        overlay.id = "meridian-problems";
        overlay.setAttribute("role", "alert");
        overlay.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
          "background:#2b0d0b;color:#ffe9e7;font:14px/1.5 ui-monospace,monospace;padding:1rem 1.25rem;" +
          "border-top:4px solid #ff6b5e;box-shadow:0 -4px 16px rgb(0 0 0 / 0.35)";
        var title = document.createElement("strong");
        title.textContent = "The build failed; this is the last good version of the page. Fix the content and save.";
        var close = document.createElement("button");
        close.type = "button";
        close.textContent = "Hide";
        close.style.cssText = "float:right;font:inherit;padding:0.1rem 0.6rem;color:#2b0d0b;background:#ffe9e7;" +
          "border:0;border-radius:4px;cursor:pointer";
        close.addEventListener("click", hide);
        var list = document.createElement("pre");
        list.style.cssText = "white-space:pre-wrap;margin:0.75rem 0 0;padding:0;border:0;background:none;" +
          "color:inherit;font:inherit;max-width:none";
        list.textContent = problems.join("\n");
        overlay.appendChild(close);
        overlay.appendChild(title);
        overlay.appendChild(list);
        document.body.appendChild(overlay);
      }

      if (!window.EventSource) return;
      var source = new EventSource("/__meridian/events");
      source.addEventListener("state", function (event) {
        var state = JSON.parse(event.data);
        if (state.problems.length) { show(state.problems); return; }
        if (loaded !== null && String(state.generation) !== loaded) location.reload();
      });
      source.addEventListener("reload", function () { location.reload(); });
      source.addEventListener("problems", function (event) { show(JSON.parse(event.data)); });
    })();
    """#
}
