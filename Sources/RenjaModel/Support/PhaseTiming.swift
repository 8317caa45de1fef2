import Foundation

/// `RENJA_TIMING=1`: each phase's wall and processor time on standard error, for profiling builds
/// and the preview. The one place builds report their phases; off, a phase costs one branch.
public final class PhaseTiming: @unchecked Sendable {
    public static let enabled = ProcessInfo.processInfo.environment["RENJA_TIMING"] == "1"
    private var last: Date
    private var lastCPU: Double

    private init() {
        last = Date()
        lastCPU = PhaseTiming.processorTime()
    }

    /// Starts counting from now.
    public static func start() -> PhaseTiming { PhaseTiming() }

    /// Prints the wall time and the processor time (user + system, all threads) since the last
    /// phase: their ratio tells how many cores the phase kept busy.
    public func callAsFunction(_ name: String) {
        guard PhaseTiming.enabled else { return }
        let now = Date(), cpu = PhaseTiming.processorTime()
        FileHandle.standardError.write(Data(String(format: "[waktu] %@: %.3f s (prosesor %.3f s)\n", name, now.timeIntervalSince(last), cpu - lastCPU).utf8))
        last = now
        lastCPU = cpu
    }

    static func processorTime() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
