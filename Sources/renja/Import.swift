import ArgumentParser

// Placeholder until the table import lands (issue #6).
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Mengimpor tabel dari lembar kerja (belum tersedia).")
    func run() throws {
        Terminal.error("galat: `renja import` belum tersedia.")
        throw ExitCode(ExitStatus.badInput)
    }
}
