import Foundation
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The real `renja serve` command: prints the address, serves, stops cleanly on Ctrl-C (SIGINT),
/// and refuses a port that is taken with a clear message.
final class ServeCommandTests: XCTestCase {
    final class Output: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func append(_ d: Data) { lock.lock(); data.append(d); lock.unlock() }
        var text: String { lock.lock(); defer { lock.unlock() }; return String(decoding: data, as: UTF8.self) }
    }

    private func launch(_ arguments: [String], in folder: URL) throws -> (Process, Output, Output) {
        let renja = try XCTUnwrap(Repo.renjaExecutable(), "the renja executable is not built next to the test runner")
        let process = Process()
        process.executableURL = renja
        process.arguments = arguments
        process.currentDirectoryURL = folder
        // Renja's cache (build cache, PDFs, where the tools are) inside the test's folder, not `~`.
        var environment = ProcessInfo.processInfo.environment
        environment["RENJA_CACHE_DIR"] = folder.appendingPathComponent("cache").path
        process.environment = environment
        let out = Output(), err = Output()
        let outPipe = Pipe(), errPipe = Pipe()
        outPipe.fileHandleForReading.readabilityHandler = { out.append($0.availableData) }
        errPipe.fileHandleForReading.readabilityHandler = { err.append($0.availableData) }
        process.standardOutput = outPipe
        process.standardError = errPipe
        try process.run()
        return (process, out, err)
    }

    private func waitForExit(_ process: Process, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        return !process.isRunning
    }

    private func copySite() throws -> URL {
        let root = Repo.temporaryFolder(name)
        try FileManager.default.copyItem(at: Repo.content, to: root.appendingPathComponent("Content"))
        try FileManager.default.copyItem(at: Repo.templates, to: root.appendingPathComponent("Templates"))
        return root
    }

    func testPrintsTheAddressServesAndStopsOnCtrlC() throws {
        let root = try copySite()
        let (process, out, err) = try launch(["serve", "--port", "0"], in: root)
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        let pattern = #"Pratinjau berjalan di http://127\.0\.0\.1:(\d+)/ — tekan Ctrl-C untuk berhenti"#
        let deadline = Date().addingTimeInterval(120)
        var port: Int?
        while port == nil, Date() < deadline, process.isRunning {
            if let r = out.text.range(of: pattern, options: .regularExpression) {
                port = Int(out.text[r].split(separator: ":").last!.prefix { $0.isNumber })
            }
            usleep(20_000)
        }
        let p = try XCTUnwrap(port, "no address line; stdout:\n\(out.text)\nstderr:\n\(err.text)")
        XCTAssertTrue(out.text.contains("Pratinjau siap:"), out.text)
        // Public/ is written after the preview is served, as `renja build` writes it.
        while !out.text.contains("Public/ diperbarui dalam"), Date() < deadline, process.isRunning { usleep(20_000) }
        XCTAssertTrue(out.text.contains("Public/ diperbarui dalam"), out.text)
        XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("Public/renja-perubahan-2024/index.html").path))
        // The preview and `Public/` count the same pages; the preview's own Validasi page is named apart.
        func pages(after prefix: String) -> Int? {
            guard let r = out.text.range(of: prefix + #"[^\n]*?(\d+) halaman"#, options: .regularExpression) else { return nil }
            return Int(out.text[r].split(separator: " ").dropLast().last ?? "")
        }
        let shown = try XCTUnwrap(pages(after: "Pratinjau siap: "), out.text)
        XCTAssertEqual(shown, pages(after: "Public/ diperbarui dalam"), out.text)
        XCTAssertTrue(out.text.contains("(ditambah 1 halaman Validasi yang hanya ada di pratinjau)"), out.text)

        let page = try RawHTTP.request(port: p, target: "/renja-perubahan-2024/")
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("/_renja/muat-ulang.js"))
        let events = try EventStreamClient(port: p)
        defer { events.close() }
        XCTAssertNotNil(events.wait(for: "halo", timeout: 10))

        kill(process.processIdentifier, SIGINT)
        XCTAssertTrue(waitForExit(process, timeout: 10), "renja serve did not stop on SIGINT")
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 0, err.text)
        XCTAssertTrue(events.waitUntilEnded(timeout: 5), "the open event stream was closed")
        usleep(100_000)
        XCTAssertTrue(out.text.contains("Pratinjau dihentikan."), out.text)
        XCTAssertFalse(err.text.contains("Error"), "no English error text: \(err.text)")
    }

    func testRefusesAPortInUseWithAClearMessage() throws {
        let root = try copySite()
        // Occupy a port the way another program would.
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = 0
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        XCTAssertEqual(listen(fd, 1), 0)
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        let port = Int(UInt16(bigEndian: addr.sin_port))

        let (process, _, err) = try launch(["serve", "--port", String(port)], in: root)
        XCTAssertTrue(waitForExit(process, timeout: 30))
        XCTAssertEqual(process.terminationStatus, 2)
        usleep(100_000)
        XCTAssertTrue(err.text.contains("Port \(port) sudah dipakai program lain; pilih port lain dengan --port"), err.text)
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("Public").path), "nothing built")
    }
}
