import Foundation
import RenjaKit

// libFuzzer target over loading + validating a table file.
//   Fuzzing build: scripts/fuzz (adds -sanitize=fuzzer,address and -DFUZZING; libFuzzer supplies main).
//   Normal build: a replay tool, `renja-fuzz FILE…`, that runs the same harness on saved inputs
//   (crash reproducers are kept under Tests/RenjaKitTests/Fixtures/fuzz-regressions/).

enum FuzzHarness {
    static func run(_ data: Data) {
        for kind in TableKind.allCases {
            let (_, diagnostics) = ContentParsing.checkTable(kind, data: data, path: "fuzz.yaml")
            // Printing exercises every message and figure formatter too.
            for d in diagnostics { _ = DiagnosticPrinter.rich(d) }
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
