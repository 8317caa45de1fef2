/// Which of the two tables of a Renja a table is.
public enum TableKind: String, Sendable, CaseIterable {
    /// Tabel 1: evaluation up to a quarter — target, capaian, pagu, realisasi.
    case evaluasi
    /// Tabel 2: the (revised) plan — nomenclature codes, targets, pagu.
    case rencana

    public var number: Int { self == .evaluasi ? 1 : 2 }
}

/// A table: programs → kegiatan → sub kegiatan.
public struct Table: Sendable, Equatable {
    public var kind: TableKind
    public var title: String
    public var programs: [Item] { didSet { flattened = Flattened(programs) } }
    public var file: String

    public init(kind: TableKind, title: String, programs: [Item], file: String) {
        self.kind = kind
        self.title = title
        self.programs = programs
        self.file = file
        self.flattened = Flattened(programs)
    }

    /// Every item, depth first (program, its kegiatan, their sub kegiatan, …), in document order.
    public var allItems: [Item] { flattened.all }

    public func items(at level: Level) -> [Item] { flattened.byLevel[level.rawValue] }

    /// The tree walked once when the table is made or changed: checks and pages ask for these lists
    /// many times per table, and each walk copies every row.
    private var flattened: Flattened

    private struct Flattened: Sendable {
        var all: [Item] = []
        var byLevel: [[Item]] = Array(repeating: [], count: Level.allCases.count)

        init(_ programs: [Item]) {
            func walk(_ i: Item) {
                all.append(i)
                byLevel[i.level.rawValue].append(i)
                i.children.forEach(walk)
            }
            programs.forEach(walk)
        }
    }

    /// The rows only: `flattened` is made from them. A table reused from `TableMemo` shares its
    /// rows' storage, so comparing it with itself is immediate.
    public static func == (a: Table, b: Table) -> Bool {
        a.kind == b.kind && a.title == b.title && a.file == b.file && a.programs == b.programs
    }
}

public enum Level: Int, Sendable, CaseIterable, Comparable {
    case program = 0, kegiatan, subKegiatan

    public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }

    /// The word staff use, e.g. in diagnostics.
    public var word: String {
        switch self {
        case .program: return "program"
        case .kegiatan: return "kegiatan"
        case .subKegiatan: return "sub kegiatan"
        }
    }

    /// The YAML key that holds this level's children.
    public var childrenKey: String? {
        switch self {
        case .program: return "kegiatan"
        case .kegiatan: return "sub_kegiatan"
        case .subKegiatan: return nil
        }
    }

    public var child: Level? { Level(rawValue: rawValue + 1) }
}

/// A program, kegiatan or sub kegiatan row (with its indicator rows).
public struct Item: Sendable, Equatable {
    public var level: Level
    /// Tabel 1's numbering as written: `I`, `1.`, `1.1`.
    public var number: Located<String>?
    /// Tabel 2's nomenclature code: `1.06.01.2.01.0001`.
    public var code: Located<String>?
    public var name: Located<String>
    public var indicators: [Indicator]
    /// Pagu anggaran.
    public var pagu: Located<AmountText>?
    /// Realisasi to date (Tabel 1 only).
    public var realisasi: Located<AmountText>?
    /// The stated budget percentage (realisasi ÷ pagu), Tabel 1 only.
    public var statedAbsorption: Located<PercentText>?
    public var children: [Item]
    /// Where the row starts in the YAML file.
    public var location: SourceLocation
    /// Stable, URL-safe id of the row within its table (used for anchors and links).
    public var anchor: String

    /// "1.1 Penyusunan Dokumen…" / "1.06.01.2.01.0001 Penyusunan…" — how a reader recognises the row.
    public var label: String {
        let key = code?.value ?? number?.value ?? ""
        return key.isEmpty ? name.value : "\(key) \(name.value)"
    }

    package init(level: Level, number: Located<String>? = nil, code: Located<String>? = nil, name: Located<String>, indicators: [Indicator], pagu: Located<AmountText>? = nil, realisasi: Located<AmountText>? = nil, statedAbsorption: Located<PercentText>? = nil, children: [Item], location: SourceLocation, anchor: String) {
        self.level = level
        self.number = number
        self.code = code
        self.name = name
        self.indicators = indicators
        self.pagu = pagu
        self.realisasi = realisasi
        self.statedAbsorption = statedAbsorption
        self.children = children
        self.location = location
        self.anchor = anchor
    }
}

/// Higher is better (most indicators) or lower is better (rates to be reduced).
public enum Direction: String, Sendable, CaseIterable {
    case naik
    case turun
}

/// One indicator row: what is measured, the target, what was achieved and the stated percentage.
public struct Indicator: Sendable, Equatable {
    public var name: Located<String>
    public var target: Located<QuantityText>?
    /// Capaian (Tabel 1 only).
    public var actual: Located<QuantityText>?
    /// The achievement percentage as the document states it (Tabel 1 only).
    public var stated: Located<PercentText>?
    /// Declared direction, if the YAML says `arah:`.
    public var declaredDirection: Located<Direction>?
    public var location: SourceLocation

    package init(name: Located<String>, target: Located<QuantityText>? = nil, actual: Located<QuantityText>? = nil, stated: Located<PercentText>? = nil, declaredDirection: Located<Direction>? = nil, location: SourceLocation) {
        self.name = name
        self.target = target
        self.actual = actual
        self.stated = stated
        self.declaredDirection = declaredDirection
        self.location = location
    }
}
