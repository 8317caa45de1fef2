import ArgumentParser
import Dispatch
import Foundation
import RenjaKit
import RenjaServe

/// `renja serve`: build, serve the output folder, rebuild on every save, reload open pages.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Pratinjau situs sambil menyunting: dibangun ulang dan dimuat ulang di peramban setiap kali berkas disimpan.",
        discussion: "Memantau folder konten dan templat. Bila suntingan terakhir tidak dapat dibaca, galatnya tampil di terminal dan di peramban, sementara situs terakhir yang berhasil tetap disajikan."
    )

    @OptionGroup var content: ContentOptions

    @Option(name: .long, help: ArgumentHelp("Folder keluaran yang ditulis seperti `renja build`.", valueName: "folder"))
    var output: String = "Public"

    @Option(name: .long, help: ArgumentHelp("Alamat yang didengarkan.", valueName: "alamat"))
    var host: String = "127.0.0.1"

    @Option(name: .long, help: ArgumentHelp("Port yang didengarkan.", valueName: "port"))
    var port: Int = 8000

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("Port harus antara 0 dan 65535.") }
    }

    func run() throws {
        // The preview is rendered in memory with the findings always shown; after each save
        // `Public/` is written as `renja build` writes it (search index and PDFs included,
        // the findings as `validasi_publik` says): see `PreviewSite`.
        var options = BuildOptions(content: Terminal.url(content.content), contentDisplay: content.content,
                                   templates: Terminal.url(content.templates), templatesDisplay: content.templates,
                                   output: Terminal.url(output), search: true)
        options.pdf = true
        let output = self.output
        let server = PreviewServer(configuration: PreviewConfiguration(build: options, host: host, port: port)) { event in
            ServeReporter.report(event, output: output)
        }

        // ParsableCommand is synchronous: run the server in a task and wait for it here. Ctrl-C
        // (SIGINT) or SIGTERM cancel the task, which stops the server cleanly; a second Ctrl-C
        // ends the process at once.
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        let task = Task {
            do { try await server.run() } catch { outcome.error = error }
            done.signal()
        }
        let signals = [SIGINT, SIGTERM].map { number -> DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if outcome.stopping { _exit(130) }
                outcome.stopping = true
                Terminal.error("\nMenghentikan pratinjau…")
                task.cancel()
            }
            source.resume()
            return source
        }
        done.wait()
        signals.forEach { $0.cancel() }

        if let error = outcome.error {
            Terminal.error("galat: \(error)")
            throw ExitCode(ExitStatus.badInput)
        }
        print("Pratinjau dihentikan.")
    }
}

/// Shared between the waiting thread, the server task and the signal handler.
private final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var _error: Error?
    private var _stopping = false
    var error: Error? {
        get { lock.lock(); defer { lock.unlock() }; return _error }
        set { lock.lock(); _error = newValue; lock.unlock() }
    }
    var stopping: Bool {
        get { lock.lock(); defer { lock.unlock() }; return _stopping }
        set { lock.lock(); _stopping = newValue; lock.unlock() }
    }
}

/// Terminal lines for the server's events, in Indonesian.
enum ServeReporter {
    static func report(_ event: PreviewEvent, output: String) {
        switch event {
        case .listening(let url):
            say("Pratinjau berjalan di \(url.absoluteString) — tekan Ctrl-C untuk berhenti")
        case .changed(let paths):
            let names = paths.prefix(3).map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
            say("[\(clock())] Berubah: \(names)\(paths.count > 3 ? " dan \(paths.count - 3) lainnya" : "")")
        case .shownFirst(let pages, let seconds):
            say("[\(clock())] Halaman dari berkas yang disimpan tampil dalam \(IndonesianNumber.decimal(seconds, places: 2)) detik "
                + "(\(pages.count) halaman); halaman lain menyusul.")
        case .built(.built(let result, let seconds, let recovered, let changed), let initial):
            let time = IndonesianNumber.decimal(seconds, places: 2)
            if initial {
                // The site's pages, as `renja build` counts them; the preview's own Validasi pages apart.
                let extra = result.previewOnlyPages
                say("Pratinjau siap: \(result.pageCount - extra) halaman dalam \(time) detik, temuan validasi ditampilkan"
                    + (extra > 0 ? " (ditambah \(extra) halaman Validasi yang hanya ada di pratinjau). " : ". ")
                    + "\(output)/ ditulis di latar belakang seperti `renja build`.")
            } else if changed.isEmpty && !recovered {
                say("[\(clock())] Dirender ulang dalam \(time) detik: tidak ada halaman yang berubah.")
            } else {
                say("[\(clock())] Dirender ulang dalam \(time) detik: \(changed.count) berkas berubah."
                    + (recovered ? " Galat sudah teratasi; halaman dimuat ulang." : " Halaman dimuat ulang."))
            }
        case .built(.failed(let failure, _), let initial):
            for text in failure.reports { Terminal.error(text) }
            let stays = initial ? "Isi \(output)/ yang lama (bila ada) tidak diubah."
                                : "Pratinjau terakhir yang berhasil tetap disajikan."
            Terminal.error("[\(clock())] Perubahan belum dapat ditampilkan: \(failure.summary) \(stays) Perbaiki lalu simpan; pratinjau menyusul sendiri.")
        case .published(.published(let result, let seconds)):
            let r = result.report ?? WriteReport(written: 0, unchanged: 0, removed: 0)
            say("[\(clock())] \(output)/ diperbarui dalam \(IndonesianNumber.decimal(seconds, places: 2)) detik: "
                + "\(result.pageCount) halaman, \(result.fileCount) berkas (\(r.written) ditulis, \(r.unchanged) tidak berubah, \(r.removed) dihapus).")
            let notes = result.notes
            if notes != lastNotes.value { notes.forEach(say) }
            lastNotes.value = notes
        case .published(.waiting):
            say("[\(clock())] \(output)/ belum diperbarui karena masukan terakhir tidak dapat dibaca; diperbarui setelah diperbaiki.")
        case .published(.failed(let failure, _)):
            for text in failure.reports { Terminal.error(text) }
            Terminal.error("[\(clock())] \(failure.summary) Isi \(output)/ yang lama tetap utuh; pratinjau tetap berjalan.")
        }
    }

    /// The notes of the last publish (e.g. that Pagefind is missing): said once, not after every save.
    private static let lastNotes = Box<[String]>([])

    final class Box<T>: @unchecked Sendable {
        var value: T
        init(_ value: T) { self.value = value }
    }

    private static func say(_ line: String) {
        print(line)
        fflush(stdout)
    }

    private static func clock() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "id_ID")
        f.dateFormat = "HH.mm.ss"
        return f.string(from: Date())
    }
}
