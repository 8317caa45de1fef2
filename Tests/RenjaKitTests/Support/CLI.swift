import Foundation
import XCTest

/// Runs the real `renja` executable (built beside the test bundle) and captures what it says.
/// `Process` with both pipes read at once (below) rather than swiftlang/swift-subprocess: the
/// tests need exactly this — status, stdout, stderr — and a package for it would be one more
/// dependency to build in every CI run.
enum CLI {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("renja")
    }

    /// Runs `renja` to completion. The child gets its own build cache (a fresh temporary folder)
    /// unless `environment` names one, so no test writes to the developer's `~/.cache`; both pipes
    /// are read at once, so a child that writes a lot to either never blocks.
    static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> Run {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw XCTSkip("renja executable not found at \(executable.path)")
        }
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        p.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["RENJA_CACHE_DIR"] = FileManager.default.temporaryDirectory.appendingPathComponent("renja-cli-cache-\(UUID().uuidString)").path
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let o = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: errBox.data, as: UTF8.self))
    }
}
