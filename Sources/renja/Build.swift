import ArgumentParser
import Foundation
import RenjaKit

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Membangun situs statis ke folder keluaran (bawaan: Public/)."
    )

    @OptionGroup var content: ContentOptions

    @Option(name: .long, help: ArgumentHelp("Folder keluaran situs.", valueName: "folder"))
    var output: String = "Public"

    @Option(name: .customLong("base-url"), help: ArgumentHelp("Alamat situs saat diterbitkan (menggantikan base_url di situs.yaml).", valueName: "alamat"))
    var baseURL: String?

    @Flag(name: .long, help: "Gagal bila ada galat atau peringatan angka.")
    var strict = false

    func run() throws {
        let start = Date()
        var options = BuildOptions(content: Terminal.url(content.content), contentDisplay: content.content,
                                   templates: Terminal.url(content.templates), templatesDisplay: content.templates,
                                   output: Terminal.url(output), baseURL: baseURL, strict: strict, search: true)
        // Documents whose files did not change since the last build keep their pages (BuildCache).
        options.reuseUnchangedDocuments = true
        // Each document's PDF, when WeasyPrint is installed (DocumentPDF).
        options.pdf = true
        do {
            let result = try Builder.build(options)
            let counts = Severity.allCases.map { s in "\(result.findings.filter { $0.severity == s }.count) \(s.rawValue)" }
            let r = result.report!
            print("Situs dibangun ke \(output)/: \(result.pageCount) halaman, \(result.fileCount) berkas "
                  + "(\(r.written) ditulis, \(r.unchanged) tidak berubah, \(r.removed) dihapus).")
            print("Validasi angka: \(counts.joined(separator: ", ")) — jalankan `renja check` untuk rinciannya.")
            for note in result.notes { print(note) }
            print("Selesai dalam \(IndonesianNumber.decimal(Date().timeIntervalSince(start), places: 2)) detik.")
        } catch let e as ExitCode {
            throw e
        } catch {
            // Bad input, --strict findings, a disk that is full or not ours: said as diagnostics,
            // in Indonesian, and the published folder untouched.
            let problem = BuildProblem(error)
            Terminal.printDiagnostics(problem.diagnostics)
            Terminal.error("Pembangunan dihentikan: \(problem.summary). Folder \(output)/ tidak diubah.")
            throw ExitCode(problem.exitStatus)
        }
    }
}
