import Foundation
import XCTest

/// `renja build` into a file system that fills up: an Indonesian message (no English system text),
/// exit code 2, and the previously published site left as it was.
final class FullDiskTests: XCTestCase {
    func testABuildIntoAFullDiskSaysSoInIndonesianAndKeepsThePreviousSite() throws {
        let root = RepoPaths.temporaryFolder()
        let disk = root.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        // A small tmpfs: needs root (as in CI and on the developers' machines); skipped elsewhere.
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=400k", "tmpfs", disk.path]
        mount.standardError = FileHandle.nullDevice
        guard (try? mount.run()) != nil else { throw XCTSkip("mount is not available") }
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else { throw XCTSkip("cannot mount a tmpfs here (not root?)") }
        defer {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/umount")
            umount.arguments = [disk.path]
            try? umount.run()
            umount.waitUntilExit()
        }
        // The previous site: one small page.
        let output = disk.appendingPathComponent("Public")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("situs lama".utf8).write(to: output.appendingPathComponent("index.html"))

        let run = try CLI.run(["build", "--content", RepoPaths.content.path, "--templates", RepoPaths.templates.path,
                               "--output", output.path], in: root, environment: ["RENJA_PAGEFIND": "/tidak/ada"])
        XCTAssertEqual(run.status, 2, run.stderr)
        XCTAssertTrue(run.stderr.contains("ruang disk penuh"), run.stderr)
        XCTAssertTrue(run.stderr.contains("tidak diubah"), run.stderr)
        for english in ["space", "operation", "could not", "No such", "left on device"] {
            XCTAssertFalse(run.stderr.contains(english), "English in: \(run.stderr)")
        }
        XCTAssertEqual(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8), "situs lama")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: output.path), ["index.html"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: disk.path).filter { $0 != "Public" }, [], "no staging left")
    }
}
