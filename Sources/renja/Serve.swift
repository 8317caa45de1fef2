import ArgumentParser

// Placeholder until the preview server lands (issue #4).
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Pratinjau situs sambil menyunting (belum tersedia).")
    func run() throws {
        Terminal.error("galat: `renja serve` belum tersedia.")
        throw ExitCode(ExitStatus.badInput)
    }
}
