import Foundation
import RenjaKit

// libFuzzer target over loading + validating a table file, and over `renja import`'s reading of
// delimited text (parse, figures, YAML, the loader gate).
//   Fuzzing build: scripts/fuzz (adds -sanitize=fuzzer,address and -DFUZZING; libFuzzer supplies main).
//   Normal build: a replay tool, `renja-fuzz FILE…`, that runs the same harness on saved inputs
//   (crash reproducers are kept under Tests/RenjaKitTests/Fixtures/fuzz-regressions/, import ones
//   under Tests/RenjaKitTests/Fixtures/import/fuzz/).
// RENJA_FUZZ selects what every input goes through: `tabel` (the table loader and validator),
// `impor` (the import) or `semua` (both, the default).

enum FuzzHarness {
    enum Mode: String {
        case tabel, impor, semua
    }

    static let mode: Mode = {
        guard let name = ProcessInfo.processInfo.environment["RENJA_FUZZ"], !name.isEmpty else { return .semua }
        guard let mode = Mode(rawValue: name) else {
            FileHandle.standardError.write(Data("RENJA_FUZZ harus tabel, impor atau semua, bukan \(name)\n".utf8))
            exit(2)
        }
        return mode
    }()

    static func run(_ data: Data) {
        if mode != .impor { runTable(data) }
        if mode != .tabel { runImport(data) }
    }

    static func runTable(_ data: Data) {
        for kind in TableKind.allCases {
            let (_, diagnostics) = ContentParsing.checkTable(kind, data: data, path: "fuzz.yaml")
            // Printing exercises every message and figure formatter too.
            for d in diagnostics { _ = DiagnosticPrinter.rich(d) }
        }
    }

    /// The import without files. Besides crashes, an `impor-internal` diagnostic is a failure: the
    /// import wrote a figure or YAML that reads back as something else (a bug, never the input's fault).
    static func runImport(_ data: Data) {
        let text = String(decoding: data, as: UTF8.self)
        // Recognition from the text alone, then every layout forced as `--tabel` forces it.
        for option in [nil] + ImportLayout.options.map(Optional.some) {
            let (_, yaml, diagnostics) = LayoutImporter.importText(data, option: option, path: "fuzz.tsv", outputPath: "fuzz.yaml")
            // Quoting the input's lines exercises the caret placement; split once per input.
            let sources = DiagnosticPrinter.SourceLines { $0 == "fuzz.tsv" ? text : yaml }
            for d in diagnostics {
                let printed = DiagnosticPrinter.rich(d, sources: sources)
                if d.code == "impor-internal" {
                    fatalError("impor-internal (\(option ?? "dikenali")):\n\(printed)\n\(diagnostics.map(DiagnosticPrinter.short).joined(separator: "\n"))")
                }
            }
        }
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    FuzzHarness.run(Data(bytes: bytes, count: count))
    return 0
}

typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: FuzzCallback) -> CInt

// SwiftPM links executables on Linux with `main` aliased to `<module>_main`, so libFuzzer's own
// `main` is never pulled in; this entry point hands control to libFuzzer's driver instead.
@_cdecl("renja_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    _ = FuzzHarness.mode
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzTestOneInput)
}
#else
@main
struct FuzzReplay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            FuzzHarness.run(FileManager.default.contents(atPath: path) ?? Data())
            print("ok \(path)")
        }
    }
}
#endif
