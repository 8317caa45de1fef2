import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bare TCP client: sends request bytes exactly as given (URLSession would normalise `..` and
/// follow redirects) and reads the raw answer.
struct RawHTTP {
    struct Answer {
        var status: Int
        var headers: [String: String]
        var head: String
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    enum Failure: Error { case connect(Int32), timeout, malformed(String) }

    static func connect(port: Int, timeout: TimeInterval = 10) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard ok == 0 else {
            let code = errno
            close(fd)
            throw Failure.connect(code)
        }
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int(timeout.truncatingRemainder(dividingBy: 1) * 1e6))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    static func sendAll(_ fd: Int32, _ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return }
            sent += n
        }
    }

    /// Sends `GET <target>` (or another method) with `Connection: close` and reads to the end.
    static func request(port: Int, target: String, method: String = "GET", extraHeaders: String = "") throws -> Answer {
        let raw = Array("\(method) ".utf8) + Array(target.utf8) + Array(" HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\(extraHeaders)Connection: close\r\n\r\n".utf8)
        return try exchange(port: port, bytes: raw)
    }

    static func exchange(port: Int, bytes: [UInt8]) throws -> Answer {
        let fd = try connect(port: port)
        defer { close(fd) }
        sendAll(fd, bytes)
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { break }
            if n < 0 { if errno == EINTR { continue }; throw Failure.timeout }
            data.append(contentsOf: buffer[0..<n])
        }
        return try parse(data)
    }

    static func parse(_ data: Data) throws -> Answer {
        guard let end = data.range(of: Data("\r\n\r\n".utf8)) else { throw Failure.malformed(String(decoding: data, as: UTF8.self)) }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self)
        let lines = head.components(separatedBy: "\r\n")
        let parts = lines[0].split(separator: " ")
        guard parts.count >= 2, let status = Int(parts[1]) else { throw Failure.malformed(head) }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(data[end.upperBound...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = dechunk(body) }
        return Answer(status: status, headers: headers, head: head, body: body)
    }

    static func dechunk(_ data: Data) -> Data {
        var out = Data()
        var rest = data[...]
        while let lineEnd = rest.range(of: Data("\r\n".utf8)) {
            let sizeText = String(decoding: rest[..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16), size > 0 else { break }
            let start = lineEnd.upperBound
            guard rest.distance(from: start, to: rest.endIndex) >= size else { out.append(rest[start...]); break }
            let stop = rest.index(start, offsetBy: size)
            out.append(rest[start..<stop])
            rest = rest[min(rest.endIndex, rest.index(stop, offsetBy: 2, limitedBy: rest.endIndex) ?? rest.endIndex)...]
        }
        return out
    }
}

/// Listens to `/_renja/peristiwa` on a background thread and records every event.
final class EventStreamClient: @unchecked Sendable {
    struct Event: Equatable {
        var name: String
        var data: String
    }

    private let fd: Int32
    private let lock = NSLock()
    private var events: [Event] = []
    private var ended = false
    private var fdOpen = true
    private var thread: Thread?

    init(port: Int) throws {
        fd = try RawHTTP.connect(port: port, timeout: 1)
        RawHTTP.sendAll(fd, Array("GET /_renja/peristiwa HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".utf8))
        let t = Thread { [self] in self.readLoop() }
        thread = t
        t.start()
    }

    private func readLoop() {
        var raw = Data()
        var buffer = [UInt8](repeating: 0, count: 8192)
        var bodyStart: Int?
        var consumed = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { break }
            if n < 0 {
                if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR {
                    lock.lock(); let stop = ended; lock.unlock()
                    if stop { break } else { continue }
                }
                break
            }
            raw.append(contentsOf: buffer[0..<n])
            if bodyStart == nil, let end = raw.range(of: Data("\r\n\r\n".utf8)) { bodyStart = end.upperBound }
            guard let start = bodyStart else { continue }
            // The stream is chunked; decode what has arrived and parse complete records.
            let text = String(decoding: RawHTTP.dechunk(raw[start...]), as: UTF8.self)
            let records = text.components(separatedBy: "\n\n")
            let complete = records.dropLast()
            if complete.count > consumed {
                for record in complete[consumed...] { parse(record) }
                consumed = complete.count
            }
        }
        lock.lock()
        ended = true
        fdOpen = false
        Glibc.close(fd)
        lock.unlock()
    }

    private func parse(_ record: String) {
        var name = "message"
        var data: [String] = []
        for line in record.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
            if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
        }
        if data.isEmpty && name == "message" { return }
        lock.lock()
        events.append(Event(name: name, data: data.joined(separator: "\n")))
        lock.unlock()
    }

    var received: [Event] {
        lock.lock()
        defer { lock.unlock() }
        return events
    }

    var hasEnded: Bool {
        lock.lock()
        defer { lock.unlock() }
        return ended
    }

    /// Waits for the first event named `name` after the first `after` events.
    func wait(for name: String, after: Int = 0, timeout: TimeInterval = 30) -> Event? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let e = received.dropFirst(after).first(where: { $0.name == name }) { return e }
            usleep(2_000)
        }
        return nil
    }

    func waitUntilEnded(timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if hasEnded { return true }
            usleep(10_000)
        }
        return hasEnded
    }

    /// Hangs up; the reading thread closes the socket as it ends.
    func close() {
        lock.lock()
        if fdOpen { shutdown(fd, Int32(SHUT_RDWR)) }
        lock.unlock()
    }

    deinit { close() }
}
