import ArgumentParser
import Foundation
import RenjaKit

@main
struct Renja: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "renja",
        abstract: "Membangun situs laporan Renja dari folder Content/ dan memeriksa setiap angkanya.",
        subcommands: [Build.self, Check.self, Serve.self, Import.self],
        defaultSubcommand: Build.self,
        helpNames: [.short, .long]
    )

    /// ArgumentParser's own main, with its words (help headings, usage errors) in Indonesian:
    /// staff read them (see `CommandLineText`).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = CommandLineText.indonesian(fullMessage(for: error))
            if !message.isEmpty {
                let handle = code == .success ? FileHandle.standardOutput : FileHandle.standardError
                handle.write(Data((message + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}

/// Options every command that reads content shares.
struct ContentOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder konten (Markdown dan YAML).", valueName: "folder"))
    var content: String = "Content"

    @Option(name: .long, help: ArgumentHelp("Folder templat Mustache dan aset.", valueName: "folder"))
    var templates: String = "Templates"
}

enum ExitStatus {
    static let findings: Int32 = 1
    static let badInput: Int32 = 2
}

/// Terminal output for diagnostics: the rich form with source line and caret.
enum Terminal {
    static func printDiagnostics(_ ds: [Diagnostic]) {
        for d in ds {
            let text = DiagnosticPrinter.rich(d) { path in try? String(contentsOfFile: path, encoding: .utf8) }
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
    }

    static func error(_ s: String) {
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }

    static func url(_ path: String) -> URL { URL(fileURLWithPath: path) }
}
