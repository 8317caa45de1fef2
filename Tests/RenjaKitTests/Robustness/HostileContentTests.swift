import XCTest
@testable import RenjaKit
@testable import RenjaModel
@testable import RenjaWrite

/// Script, event-handler and `javascript:` payloads put into every field staff can type end up
/// inert in the built HTML, and names coming from content cannot steer files out of the output.
final class HostileContentTests: XCTestCase {
    static let payloads = [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(2)>",
        "' onmouseover='alert(3)' x='",
        "javascript:alert(4)",
    ]

    /// Every string field of every YAML file, each carrying a payload.
    func testPayloadsInEveryYAMLFieldRenderInert() throws {
        for (i, payload) in HostileContentTests.payloads.enumerated() {
            let q = yamlQuoted(payload)
            let settings = """
            judul: \(q)
            deskripsi: \(q)
            base_url: https://contoh.go.id/renja/
            instansi:
              nama: \(q)
              singkatan: \(q)
              pemerintah: \(q)
              alamat: \(q)
              telepon: \(q)
              email: \(q)
              situs: \(q)
            """
            let document = """
            judul: \(q)
            judul_singkat: \(q)
            jenis: \(q)
            tahun: 2024
            pengesahan:
              tempat: \(q)
              tanggal: 2024-08-08
              jabatan: \(q)
              nama: \(q)
              nip: \(q)
            """
            let unit = yamlQuoted("2 dokumen\(payload)")
            let evaluation = """
            judul: \(q)
            program:
              - no: \(q)
                nama: \(q)
                indikator:
                  - nama: \(q)
                    target: \(unit)
                    capaian: \(unit)
                    persen: 100 persen
                pagu: 1.000
                realisasi: 1.000
                persen_realisasi: 100%
            """
            let plan = """
            judul: \(q)
            program:
              - kode: \(q)
                nama: \(q)
                indikator:
                  - nama: \(q)
                    target: \(unit)
                pagu: 1.000
            """
            let chapter = """
            ---
            judul: \(q)
            urutan: 1
            tanda_tangan: true
            ---
            Teks \(payload)
            """
            let site = TempSite(files: [
                "Content/situs.yaml": settings, "Content/uji/dokumen.yaml": document,
                "Content/uji/tabel/evaluasi.yaml": evaluation, "Content/uji/tabel/rencana.yaml": plan,
                "Content/uji/bab/01-pendahuluan.md": chapter,
            ])
            let result = try Builder.render(site.options())
            assertInert(result.files, payloadIndex: i)
        }
    }

    func testMarkdownLinksImagesAndRawHTMLRenderInert() throws {
        let chapter = TempSite.chapter + """

        [tautan](javascript:alert(1)) [lagi](JAVASCRIPT:alert(1)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

        ![gambar](javascript:alert(1)) <javascript:alert(1)> <vbscript:msgbox(1)>

        <script>alert(1)</script>

        <img src=x onerror=alert(1)> <a href="javascript:alert(1)">x</a> <iframe src="https://contoh.go.id"></iframe>

        <div onclick="alert(1)">klik</div>

        | kolom |
        |---|
        | <script>alert(1)</script> |
        """
        let site = TempSite(files: ["Content/uji/bab/01-pendahuluan.md": chapter])
        let result = try Builder.render(site.options())
        assertInert(result.files, payloadIndex: -1)
        let html = result.files.filter { $0.path.contains("pendahuluan") }.map { String(decoding: $0.data, as: UTF8.self) }.joined()
        XCTAssertTrue(html.contains("raw HTML omitted"), "cmark's safe mode should have dropped the raw HTML")
        XCTAssertFalse(html.contains("<iframe"))
    }

    func testNamesFromContentCannotWriteOutsideTheOutput() throws {
        let evaluation = TempSite.evaluation.replacingOccurrences(of: "nama: PROGRAM UJI", with: "nama: \"../../../../tmp/jahat\"")
        let site = TempSite(files: ["Content/uji/tabel/evaluasi.yaml": evaluation,
                                    "Content/uji/bab/01-..%2f..%2fjahat.md": TempSite.chapter.replacingOccurrences(of: "urutan: 1", with: "urutan: 2")])
        let out = site.root.appendingPathComponent("Public")
        let result = try Builder.build(site.options(output: out))
        for f in result.files {
            XCTAssertTrue(SiteWriter.isSafe(f.path), f.path)
            XCTAssertFalse(f.path.contains(".."), f.path)
        }
        XCTAssertTrue(result.files.contains { $0.path == "uji/program/tmp-jahat/index.html" })
        XCTAssertTrue(result.files.contains { $0.path == "uji/bab/2f-2fjahat/index.html" })
        XCTAssertFalse(FileManager.default.fileExists(atPath: site.root.appendingPathComponent("tmp").path))
    }

    func testWriterRefusesUnsafePaths() throws {
        for bad in ["../x.html", "a/../../x.html", "/etc/passwd", "a//b", "./a", "a\\b", ""] {
            XCTAssertFalse(SiteWriter.isSafe(bad), bad)
            let out = RepoPaths.temporaryFolder().appendingPathComponent("Public")
            XCTAssertThrowsError(try SiteWriter(output: out).write([OutputFile(path: bad, data: Data("x".utf8))]), bad)
        }
        XCTAssertTrue(SiteWriter.isSafe("uji/program/a/index.html"))
    }

    // MARK: Helpers

    func yamlQuoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The checker itself must catch what it is meant to catch.
    func testInertnessCheckerCatchesLiveMarkup() {
        let live = ["<img src=x onerror=alert(1)>", "<a href=\" javascript:alert(1)\">x</a>", "<script>alert(1)</script>",
                    "<iframe src=x></iframe>", "<div ONCLICK='alert(1)'>"]
        for html in live {
            XCTAssertFalse(HostileContentTests.violations([OutputFile(path: "a.html", data: Data(html.utf8))]).isEmpty, html)
        }
        XCTAssertEqual(HostileContentTests.violations([OutputFile(path: "a.html", data: Data("<p title=\"alert(1)\">&lt;script&gt;</p>".utf8))]), [])
    }

    func assertInert(_ files: [OutputFile], payloadIndex: Int, file: StaticString = #filePath, line: UInt = #line) {
        let found = HostileContentTests.violations(files)
        XCTAssertEqual(found, [], "payload \(payloadIndex): " + found.prefix(5).joined(separator: "\n"), file: file, line: line)
    }

    /// No element or attribute that could run code: no inline script, no `on…` handler, no
    /// script-bearing URL in `href`/`src`/`action`, and no payload inside a `<script>`.
    static func violations(_ files: [OutputFile]) -> [String] {
        var out: [String] = []
        let tag = try! NSRegularExpression(pattern: #"<([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>"#)
        let attr = try! NSRegularExpression(pattern: #"([^\s=/"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?"#)
        for f in files where f.path.hasSuffix(".html") || f.path.hasSuffix(".svg") {
            let html = String(decoding: f.data, as: UTF8.self)
            let ns = html as NSString
            for m in tag.matches(in: html, range: NSRange(location: 0, length: ns.length)) {
                let name = ns.substring(with: m.range(at: 1)).lowercased()
                if ["iframe", "object", "embed", "base"].contains(name) { out.append("\(f.path): <\(name)>") }
                if name == "script" {
                    let rest = ns.substring(from: m.range.upperBound)
                    let body = rest.components(separatedBy: "</script>").first ?? ""
                    if body.contains("alert(") { out.append("\(f.path): payload inside <script>") }
                }
                let attrs = ns.substring(with: m.range(at: 2))
                let ans = attrs as NSString
                for a in attr.matches(in: attrs, range: NSRange(location: 0, length: ans.length)) {
                    let aname = ans.substring(with: a.range(at: 1)).lowercased()
                    let value = [2, 3, 4].compactMap { a.range(at: $0).location != NSNotFound ? ans.substring(with: a.range(at: $0)) : nil }.first ?? ""
                    if aname.hasPrefix("on") { out.append("\(f.path): event handler \(aname)=\(value) in <\(name)>") }
                    if ["href", "src", "action", "formaction", "xlink:href"].contains(aname) {
                        let v = value.trimmingCharacters(in: .whitespaces).lowercased()
                        if v.hasPrefix("javascript:") || v.hasPrefix("vbscript:") || v.hasPrefix("data:text") {
                            out.append("\(f.path): \(aname)=\(value)")
                        }
                    }
                }
            }
        }
        return out
    }
}
