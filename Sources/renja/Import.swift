import ArgumentParser
import Foundation
import RenjaKit

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mengimpor tabel (Tabel 1 evaluasi, Tabel 2 rencana, tabel evaluasi standar, tabel rencana standar) dari teks salinan lembar kerja atau pengolah kata.",
        discussion: """
        FILE berisi tabel dipisah tab (salinan dari Word/Excel), atau CSV dengan ; atau , (ekspor lembar kerja). \
        Tata letaknya dikenali dari teks itu sendiri: baris nomor kolom (1, 2, 3, …; sel K | Rp digabung atau terpisah), \
        judul dan baris kepala; --tabel memilihnya bila perlu. \
        Hasilnya ditulis ke tabel/evaluasi.yaml, tabel/rencana.yaml, tabel/evaluasi-standar.yaml atau tabel/rencana-standar.yaml dokumen di folder konten, \
        atau ke --output. Berkas yang sudah ada hanya ditimpa dengan --force; --dry-run hanya menampilkan ringkasan dan perubahannya.
        Kode keluar: 0 berhasil (atau tidak ada yang berubah); 1 berkas tujuan sudah ada dan --force tidak diberikan; \
        2 masukan tidak dapat diimpor (tidak ada berkas yang ditulis).
        """
    )

    @Option(name: .long, help: ArgumentHelp("Jenis tabel bila tidak ingin dikenali dari teks: evaluasi (Tabel 1), rencana (Tabel 2), evaluasi-standar atau rencana-standar (Permendagri 86/2017).", valueName: "jenis"))
    var tabel: String?

    @Argument(help: ArgumentHelp("Berkas teks dipisah tab, atau CSV dengan ; atau ,.", valueName: "berkas"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("Berkas YAML tujuan (bawaan: tabel/<jenis>.yaml dokumen di folder konten).", valueName: "berkas"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Nama folder dokumen di folder konten, bila ada lebih dari satu dokumen.", valueName: "folder"))
    var document: String?

    @Option(name: .long, help: ArgumentHelp("Folder konten.", valueName: "folder"))
    var content: String = "Content"

    @Flag(name: .long, help: "Timpa berkas tujuan yang sudah ada.")
    var force = false

    @Flag(name: .customLong("dry-run"), help: "Tampilkan ringkasan dan perubahan baris demi baris tanpa menulis apa pun.")
    var dryRun = false

    func validate() throws {
        if let tabel, !LayoutImporter.options.contains(tabel) {
            throw ValidationError("--tabel harus `evaluasi` (Tabel 1), `rencana` (Tabel 2), `evaluasi-standar` atau `rencana-standar`, bukan `\(tabel)`.")
        }
    }

    /// Like `Terminal.printDiagnostics`, but quotes the input as the import decoded it (a CSV with
    /// Windows line ends, UTF-16 or Windows-1252 text).
    private func printDiagnostics(_ ds: [Diagnostic]) {
        let input = LayoutImporter.sourceText(of: Terminal.url(file))
        for d in ds {
            let text = DiagnosticPrinter.rich(d) { path in
                path == file ? input : (try? String(contentsOfFile: path, encoding: .utf8))
            }
            FileHandle.standardError.write(Data((text + "\n").utf8))
        }
    }

    func run() throws {
        let request = LayoutImportRequest(option: tabel, input: Terminal.url(file), inputDisplay: file,
                                          content: Terminal.url(content), contentDisplay: content, document: document,
                                          output: output.map(Terminal.url), outputDisplay: output)
        let plan: LayoutImportPlan
        do {
            plan = try LayoutImporter.plan(request)
        } catch let e as InputError {
            printDiagnostics(e.diagnostics)
            Terminal.error("Impor dihentikan: \(e.diagnostics.filter { $0.severity == .galat }.count) galat. Tidak ada berkas yang ditulis.")
            throw ExitCode(ExitStatus.badInput)
        }
        printDiagnostics(plan.warnings)
        LayoutImporter.summary(plan).forEach { print($0) }
        LayoutImporter.changes(plan, detailed: dryRun).forEach { print($0) }
        if dryRun {
            print("Tidak ada berkas yang ditulis (--dry-run).")
            return
        }
        do {
            switch try LayoutImporter.write(plan, force: force) {
            case .written:
                print("Ditulis: \(plan.targetDisplay). Jalankan `renja check` untuk memeriksa angkanya.")
            case .unchanged:
                print("Tidak ada yang ditulis: berkas sudah sama.")
            }
        } catch let e as OverwriteRefused {
            Terminal.error("galat: \(e.path) sudah ada; tambahkan --force untuk menimpanya "
                           + "(lihat dulu perubahannya dengan --dry-run). Tidak ada berkas yang ditulis.")
            throw ExitCode(1)
        } catch {
            Terminal.error("galat: \(plan.targetDisplay) tidak dapat ditulis: \(SystemErrorText.describe(error)). Berkas lama tidak diubah.")
            throw ExitCode(ExitStatus.badInput)
        }
    }
}
