import Dispatch
import Foundation

/// Work spread over the machine's cores, with results in input order so that output never depends
/// on scheduling.
package enum Parallel {
    /// Set `RENJA_THREADS=1` to run everything on one thread (for profiling and comparisons).
    static let enabled: Bool = {
        if let v = ProcessInfo.processInfo.environment["RENJA_THREADS"], v == "1" { return false }
        return ProcessInfo.processInfo.activeProcessorCount > 1
    }()

    /// `items.map(transform)`, with the calls spread over the cores. `transform` must be safe to
    /// call from several threads at once (read shared values, write only its own).
    package static func map<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        // The closure cannot throw, so neither can this.
        try! mapThrowing(items, transform)
    }

    /// As `map`, for a throwing transform: the first error in input order is rethrown, as a
    /// sequential map would have thrown it (the other items are still computed).
    package static func mapThrowing<T, R>(_ items: [T], _ transform: (T) throws -> R) throws -> [R] {
        guard enabled, items.count > 1 else { return try items.map(transform) }
        let results = ResultSlots<R>(count: items.count)
        withoutActuallyEscaping(transform) { transform in
            DispatchQueue.concurrentPerform(iterations: items.count) { i in
                results.set(i, Result { try transform(items[i]) })
            }
        }
        return try results.values()
    }
}

/// Work started at once on a thread of its own, its result taken later: for work that waits on
/// another process (a Pagefind run) while the build goes on. `value` waits for it and rethrows its
/// error. Without `Parallel.enabled` the work is done at once, on the caller's thread.
package final class Background<T>: @unchecked Sendable {
    private let done = DispatchGroup()
    private var result: Result<T, Error>?

    package init(_ work: @escaping () throws -> T) {
        guard Parallel.enabled else {
            result = Result { try work() }
            return
        }
        done.enter()
        // A thread, not a dispatch queue: the work blocks while it waits, and the queues' threads
        // are the ones `Parallel` spreads the build over.
        let thread = Thread { [self] in
            result = Result { try work() }
            done.leave()
        }
        thread.start()
    }

    package func value() throws -> T {
        done.wait()
        return try result!.get()
    }
}

/// One slot per input; each index is written by exactly one iteration.
private final class ResultSlots<R>: @unchecked Sendable {
    private var slots: [Result<R, Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ r: Result<R, Error>) {
        lock.lock()
        slots[i] = r
        lock.unlock()
    }

    /// The results in input order; the first failure (in input order) is rethrown, as a sequential
    /// map would have thrown it.
    func values() throws -> [R] {
        try slots.map { try $0!.get() }
    }
}
