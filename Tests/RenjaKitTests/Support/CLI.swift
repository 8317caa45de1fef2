import Foundation
import XCTest

/// Runs the real `renja` executable (built beside the test bundle) and captures what it says.
enum CLI {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("renja")
    }

    static func run(_ arguments: [String], in folder: URL) throws -> Run {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw XCTSkip("renja executable not found at \(executable.path)")
        }
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        p.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Read before waiting so a chatty process cannot block on a full pipe.
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}
