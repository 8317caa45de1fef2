import ArgumentParser
import Foundation
import RenjaKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Memeriksa setiap angka di konten tanpa membangun situs.",
        discussion: "Kode keluar: 0 tanpa galat; 1 ada galat (atau peringatan dengan --strict); 2 masukan tidak dapat dibaca."
    )

    enum OutputFormat: String, ExpressibleByArgument {
        case teks, json
        init?(argument: String) {
            switch argument {
            case "teks", "text": self = .teks
            case "json": self = .json
            default: return nil
            }
        }
    }

    @OptionGroup var content: ContentOptions

    @Option(name: .long, help: ArgumentHelp("Bentuk keluaran: teks atau json.", valueName: "bentuk"))
    var format: OutputFormat = .teks

    @Flag(name: .long, help: "Peringatan juga dianggap gagal (kode keluar 1).")
    var strict = false

    func run() throws {
        let findings: [Diagnostic]
        do {
            findings = try Builder.check(content: Terminal.url(content.content), displayPath: content.content)
        } catch {
            // Said as `renja build` says it (`BuildProblem`), in the format asked for.
            let problem = BuildProblem(error)
            if format == .json { print(DiagnosticPrinter.json(problem.diagnostics)) } else { Terminal.printDiagnostics(problem.diagnostics) }
            Terminal.error("Pemeriksaan dihentikan: \(problem.summary).")
            throw ExitCode(problem.exitStatus)
        }
        switch format {
        case .json:
            print(DiagnosticPrinter.json(findings))
        case .teks:
            let sources = DiagnosticPrinter.SourceLines { path in try? String(contentsOfFile: path, encoding: .utf8) }
            for d in findings {
                print(DiagnosticPrinter.rich(d, sources: sources))
            }
            print(DiagnosticPrinter.summary(findings))
        }
        let failing = findings.contains { $0.severity == .galat || (strict && $0.severity == .peringatan) }
        if failing { throw ExitCode(ExitStatus.findings) }
    }
}
