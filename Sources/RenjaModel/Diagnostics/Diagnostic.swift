/// How bad a finding is. The raw values are the words users read.
public enum Severity: String, Sendable, Comparable, CaseIterable, Codable {
    case galat        // error: the figure or input is wrong
    case peringatan   // warning: probably wrong, worth a look
    case info         // information, e.g. what the revision changed

    private var rank: Int {
        switch self {
        case .galat: return 0
        case .peringatan: return 1
        case .info: return 2
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One finding, as data. Printing (short, rich, JSON) is done elsewhere, so the same record
/// can go to the terminal, to the site's Validasi page and to scripts.
public struct Diagnostic: Hashable, Sendable, Codable {
    /// A labelled figure shown under the message, e.g. ("tertulis", "Rp 21.606.000").
    public struct Figure: Hashable, Sendable, Codable {
        public var label: String
        public var value: String
        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    /// Another place the finding is about, with what it is there (codespan's secondary label):
    /// the first row that uses a duplicated number, the Tabel 1 row a Tabel 2 row is compared with.
    public struct Label: Hashable, Sendable, Codable {
        public var location: SourceLocation
        public var message: String
        public init(_ location: SourceLocation, _ message: String) {
            self.location = location
            self.message = message
        }
    }

    public var severity: Severity
    /// Stable id of the check or error kind, e.g. `jumlah-pagu`, `yaml-sintaks`.
    public var code: String
    public var message: String
    public var location: SourceLocation?
    public var figures: [Figure]
    public var notes: [String]
    /// Anchor of the table row the finding is about (used to link from the Validasi page).
    public var rowAnchor: String?
    /// Slug of the program the finding belongs to, for grouping on the site.
    public var programKey: String?
    /// Slug of the document the finding belongs to.
    public var documentSlug: String?
    /// The other places the finding is about, each with its own file:line:column.
    public var related: [Label] = []

    public init(
        _ severity: Severity,
        _ code: String,
        _ message: String,
        at location: SourceLocation?,
        figures: [Figure] = [],
        notes: [String] = [],
        rowAnchor: String? = nil,
        programKey: String? = nil,
        documentSlug: String? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.figures = figures
        self.notes = notes
        self.rowAnchor = rowAnchor
        self.programKey = programKey
        self.documentSlug = documentSlug
    }

    public static func galat(_ code: String, _ message: String, at location: SourceLocation?,
                             figures: [Figure] = [], notes: [String] = []) -> Diagnostic {
        Diagnostic(.galat, code, message, at: location, figures: figures, notes: notes)
    }
}

/// Input that cannot be loaded: the build stops and `Public/` stays as it was.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }
    public var description: String { diagnostics.map(DiagnosticPrinter.short).joined(separator: "\n") }
}

/// Collects diagnostics while loading so one run reports every problem, not just the first.
public final class DiagnosticSink {
    public private(set) var diagnostics: [Diagnostic] = []
    public init() {}
    public func add(_ d: Diagnostic) { diagnostics.append(d) }
    public func error(_ code: String, _ message: String, at location: SourceLocation?,
                      figures: [Diagnostic.Figure] = [], notes: [String] = []) {
        add(.galat(code, message, at: location, figures: figures, notes: notes))
    }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .galat } }
    public func throwIfErrors() throws {
        if hasErrors { throw InputError(diagnostics) }
    }
}
