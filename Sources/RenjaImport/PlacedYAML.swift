import RenjaModel

/// The input cell a written YAML value came from, and its row in words.
struct InputPlace {
    var location: SourceLocation
    /// "sub kegiatan 1.01.02.2.01.0006"
    var row: String
}

/// YAML text written line by line that remembers, for every value, the input cell it came from.
/// The loader reports positions in the YAML, which is never written when it refuses it; with
/// `place(of:)` the import puts each error back on the cell the user can fix. Every layout's writer
/// emits through it: the standard tables' double-quote every value, as their loaders' fixtures
/// are; Tabel 1/2 write values plain unless YAML needs quotes, as staff keep them.
struct PlacedYAML {
    private(set) var text = ""
    private(set) var line = 1
    /// YAML line → the input places of the values on it, by YAML column.
    private var places: [Int: [(column: Int, place: InputPlace)]] = [:]
    /// The replaced file's `arah`, and how many were written.
    private(set) var directions: CarriedDirections

    init(directions: CarriedDirections) { self.directions = directions }

    mutating func raw(_ s: String) {
        text += s + "\n"
        line += 1
    }

    /// `prefix` then `v` quoted, on one line; `from` is the cell `v` was read from.
    mutating func value(_ prefix: String, _ v: String, from: SourceLocation?, row: String) {
        if let from { mark(column: prefix.count + 1, from: from, row: row) }
        raw(prefix + TableYAMLWriter.quoted(v))
    }

    /// `prefix` then `v`, plain unless YAML needs quotes (`TableYAMLWriter.scalar`).
    mutating func plain(_ prefix: String, _ v: String, from: SourceLocation?, row: String) {
        if let from { mark(column: prefix.count + 1, from: from, row: row) }
        raw(prefix + TableYAMLWriter.scalar(v))
    }

    /// `prefix` then the cell's text quoted, when there is a cell.
    mutating func value(_ prefix: String, _ v: TableTextParser.Value?, row: String) {
        if let v { value(prefix, v.text, from: v.location, row: row) }
    }

    /// `<pad>arah: …` for the indicator, when the replaced file declared one.
    mutating func carriedDirection(pad: String, level: Int, row: String, indicator: String) {
        guard let d = directions.declared(level: level, row: row, indicator: indicator) else { return }
        raw("\(pad)arah: \(d.rawValue)")
        directions.kept += 1
    }

    /// Records that the value starting at `column` of the current line came from `from`
    /// (for values that share a line, such as a flow list).
    mutating func mark(column: Int, from: SourceLocation, row: String) {
        places[line, default: []].append((column, InputPlace(location: from, row: row)))
    }

    /// The input place of a YAML position: the value starting there, else the line's only value,
    /// else the last value that starts before it.
    func place(of at: SourceLocation) -> InputPlace? {
        guard let list = places[at.line] else { return nil }
        if let exact = list.first(where: { $0.column == at.column }) { return exact.place }
        return list.count == 1 ? list[0].place : list.last { $0.column <= at.column }?.place
    }

    /// The header comment lines, then one empty line, then `judul`.
    mutating func start(header: [String], title: String) {
        for h in header { raw(h) }
        if !header.isEmpty { raw("") }
        value("judul: ", title, from: nil, row: "judul")
    }
}
