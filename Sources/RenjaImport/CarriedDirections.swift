import RenjaModel

/// `arah` is not a column of the standard tables: staff add it by hand. An import keeps what the
/// replaced file declared for the same indicator (by name) of the same row (by level and kode,
/// else no), and counts how many it kept for the report.
struct CarriedDirections {
    private var byKey: [String: Direction] = [:]
    /// How many were written again.
    var kept = 0

    init() {}

    /// `rows`: the replaced table's rows as (level, key, indicators' names and declared `arah`).
    init(_ rows: [(level: Int, key: String, indicators: [(name: String, direction: Direction?)])]) {
        for r in rows {
            for i in r.indicators {
                if let d = i.direction { byKey[Self.key(r.level, r.key, i.name)] = d }
            }
        }
    }

    private static func key(_ level: Int, _ row: String, _ indicator: String) -> String {
        "\(level)|\(row)|\(Text.normalizedName(indicator))"
    }

    /// What the replaced file declared for the indicator of the row, if anything.
    func declared(level: Int, row: String, indicator: String) -> Direction? {
        byKey[Self.key(level, row, indicator)]
    }
}
