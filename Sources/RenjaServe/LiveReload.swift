import Foundation
import RenjaKit

/// What the preview adds to pages it serves — only in responses, never in the written files: a
/// script that listens for rebuilds under `/_renja/`, and while the last save cannot be built, an
/// overlay listing the diagnostics on top of the last good page.
enum LiveReload {
    static let eventsPath = "/_renja/peristiwa"
    static let scriptPath = "/_renja/muat-ulang.js"
    static let errorPagePath = "/_renja/galat"

    /// Reloads the page after each rebuild (and after a failed one, to show the overlay), and when
    /// it reconnects to a server whose site version differs from the page's (missed rebuilds,
    /// a restarted `renja serve`).
    static let script = """
    (function () {
      "use strict";
      var script = document.currentScript;
      var tag = script && script.getAttribute("data-versi");
      var file = script && script.getAttribute("data-berkas");
      if (!window.EventSource) return;
      var source = new EventSource("\(eventsPath)");
      function reload() { source.close(); window.location.reload(); }
      source.addEventListener("halo", function (e) { if (tag && e.data !== tag) reload(); });
      // Reload when this page's file changed (or when it is unknown: the 404 page, an old server);
      // other tabs keep their place.
      source.addEventListener("muat-ulang", function (e) {
        var changed;
        try { changed = JSON.parse(e.data); } catch (x) { return reload(); }
        var files = (changed.ditulis || []).concat(changed.dihapus || []);
        if (!file || document.getElementById("renja-galat") || files.indexOf(file) >= 0) reload();
      });
      source.addEventListener("galat", reload);
      source.addEventListener("terbit", function () {
        var note = document.getElementById("renja-terbit");
        if (note) note.remove();
      });
    })();

    """

    static func tag(version: String, file: String? = nil) -> String {
        let own = file.map { " data-berkas=\"\(HTMLText.escape($0))\"" } ?? ""
        return "<script src=\"\(scriptPath)\" data-versi=\"\(HTMLText.escape(version))\"\(own)></script>"
    }

    /// Inserts the overlay (if any), the note that search is catching up (while `Public/` is being
    /// written) and the script before the last `</body>`, or at the end.
    static func inject(into html: Data, version: String, failure: BuildFailure?, publishing: Bool = false, file: String? = nil) -> Data {
        var addition = ""
        if let failure { addition += overlay(failure) }
        if publishing { addition += publishingNote }
        addition += tag(version: version, file: file) + "\n"
        let text = String(decoding: html, as: UTF8.self)
        if let close = text.range(of: "</body>", options: [.caseInsensitive, .backwards]) {
            var out = text
            out.insert(contentsOf: addition, at: close.lowerBound)
            return Data(out.utf8)
        }
        return html + Data(addition.utf8)
    }

    /// Shown while the search index (built with `Public/`) lags the preview; removed by the `terbit` event.
    static let publishingNote = """
    <p id="renja-terbit" role="status" style="position:fixed;right:.75rem;bottom:.75rem;z-index:2147483646;margin:0;\
    background:#1b1b1b;color:#fff;border-radius:.4rem;padding:.4rem .75rem;font:14px/1.4 system-ui,sans-serif">\
    Pratinjau sudah memuat suntingan terakhir; pencarian dan PDF sedang diperbarui…</p>

    """

    static func overlay(_ failure: BuildFailure) -> String {
        """
        <div id="renja-galat" role="alert" style="position:fixed;left:0;right:0;top:0;z-index:2147483647;max-height:85vh;overflow:auto;\
        background:#fff4f4;color:#1b1b1b;border-bottom:4px solid #b3261e;box-shadow:0 6px 24px rgba(0,0,0,.3);padding:1rem 1.25rem;\
        font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;text-align:left">
        <button type="button" onclick="this.parentNode.remove()" style="float:right;font:inherit;padding:.2rem .8rem">Tutup</button>
        <strong style="color:#b3261e;font-size:1.1em">Perubahan terakhir belum dapat ditampilkan</strong>
        <p style="margin:.4rem 0">\(HTMLText.escape(failure.summary)) Halaman di bawah ini adalah versi terakhir yang berhasil \
        dibangun. Perbaiki berkas yang disebut, lalu simpan: halaman dimuat ulang sendiri.</p>
        \(diagnosticList(failure))
        </div>

        """
    }

    static func diagnosticList(_ failure: BuildFailure) -> String {
        failure.reports.map {
            "<pre style=\"white-space:pre-wrap;background:#fff;border:1px solid #e3b5b2;padding:.6rem .8rem;margin:.5rem 0;"
                + "font:14px/1.45 ui-monospace,'DejaVu Sans Mono',monospace;color:#1b1b1b\">\(HTMLText.escape($0))</pre>"
        }.joined(separator: "\n")
    }

    /// The standalone page at `/_renja/galat`, also served for every page while no site exists yet.
    static func errorPage(_ failure: BuildFailure?, version: String) -> Data {
        let body: String
        if let failure {
            body = """
            <h1 style="color:#b3261e">Situs belum dapat dibangun</h1>
            <p>\(HTMLText.escape(failure.summary)) Perbaiki berkas yang disebut, lalu simpan: halaman ini dimuat ulang sendiri.</p>
            \(diagnosticList(failure))
            """
        } else {
            body = "<h1>Tidak ada galat</h1>\n<p>Situs terakhir berhasil dibangun. <a href=\"/\">Ke beranda</a>.</p>"
        }
        let html = """
        <!DOCTYPE html>
        <html lang="id">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Pratinjau Renja — galat pembangunan</title>
        </head>
        <body style="font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem">
        \(body)
        \(tag(version: version))
        </body>
        </html>

        """
        return Data(html.utf8)
    }

    /// One Server-Sent Events record.
    static func event(_ name: String, data: String) -> String {
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }.joined(separator: "\n")
        return "event: \(name)\n\(lines)\n\n"
    }
}
