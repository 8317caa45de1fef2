/// The standard rencana table of a Renja (Permendagri 86/2017), "Rumusan Rencana Program dan
/// Kegiatan Perangkat Daerah Tahun N dan Prakiraan Maju Tahun N+1" (`tabel/rencana-standar.yaml`):
/// per urusan, bidang urusan, program, kegiatan and sub kegiatan (Permendagri 90 code) the
/// indicators with their targets, lokasi, pagu indikatif, sumber dana, catatan penting and the
/// prakiraan maju of year N+1 (target per indicator, pagu per row).
///
/// The regulation numbers the columns (as the Renja form prints them, e.g. the PHP form
/// `muazharin/template_admin_pendidikan` `renja-awal.php`, and SIPD-style data such as
/// `harrysuherman/ppu` `ppu.sql`, tables `renja_program|kegiatan|sub_kegiatan`: `lokasi`,
/// `sumber_dana`, `kelompok_sasaran`, `target_n1`, `pagu_n1`): 1 Kode · 2 Urusan/Bidang
/// Urusan/Program/Kegiatan/Sub Kegiatan · 3 Indikator kinerja · Rencana tahun N: 4 Lokasi ·
/// 5 Target capaian kinerja · 6 Kebutuhan dana/pagu indikatif · 7 Sumber dana · 8 Catatan penting ·
/// Prakiraan maju tahun N+1: 9 Target capaian kinerja · 10 Kebutuhan dana/pagu indikatif.
/// Kelompok sasaran has no number in that layout; SIPD data carry it, so it is kept unnumbered.
public struct StandardPlanTable: Sendable, Equatable {
    public var title: String
    /// Year N, when the table states it (`tahun`); else the document's year is used.
    public var year: Located<Int>?
    /// Top-level rows: urusan (with bidang, then programs) or programs directly.
    public var rows: [StandardPlanRow]
    public var file: String

    /// Every row, depth first, with its parent.
    public var rowsWithParents: [(row: StandardPlanRow, parent: StandardPlanRow?)] { Hierarchy.withParents(rows, children: \.children) }

    public var allRows: [StandardPlanRow] { rowsWithParents.map(\.row) }

    public func rows(_ level: StandardPlanLevel) -> [StandardPlanRow] { allRows.filter { $0.level == level } }

    package init(title: String, year: Located<Int>? = nil, rows: [StandardPlanRow], file: String) {
        self.title = title
        self.year = year
        self.rows = rows
        self.file = file
    }
}

/// The numbered columns of the standard rencana table.
public enum StandardPlanColumn: Int, Sendable, CaseIterable {
    case kode = 1, nama, indikator, lokasi, target, pagu, sumberDana, catatan, targetMaju, paguMaju

    public var number: Int { rawValue }

    /// What the regulation's header calls the column.
    public var title: String {
        switch self {
        case .kode: return "Kode"
        case .nama: return "Urusan/Bidang Urusan/Program/Kegiatan/Sub Kegiatan"
        case .indikator: return "Indikator kinerja"
        case .lokasi: return "Lokasi"
        case .target: return "Target capaian kinerja"
        case .pagu: return "Kebutuhan dana/pagu indikatif (Rp)"
        case .sumberDana: return "Sumber dana"
        case .catatan: return "Catatan penting"
        case .targetMaju: return "Target capaian kinerja tahun N+1"
        case .paguMaju: return "Kebutuhan dana/pagu indikatif tahun N+1 (Rp)"
        }
    }
}

/// The five levels of the Permendagri 90 nomenclature the table lists.
public enum StandardPlanLevel: Int, Sendable, CaseIterable, Comparable {
    case urusan = 0, bidang, program, kegiatan, subKegiatan

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public var word: String {
        switch self {
        case .urusan: return "urusan"
        case .bidang: return "bidang urusan"
        case .program: return "program"
        case .kegiatan: return "kegiatan"
        case .subKegiatan: return "sub kegiatan"
        }
    }

    /// The YAML key of this level's list.
    public var key: String {
        switch self {
        case .urusan: return "urusan"
        case .bidang: return "bidang"
        case .program: return "program"
        case .kegiatan: return "kegiatan"
        case .subKegiatan: return "sub_kegiatan"
        }
    }

    public var child: StandardPlanLevel? { StandardPlanLevel(rawValue: rawValue + 1) }

    /// The level of Tabel 1/2 rows, for program, kegiatan and sub kegiatan.
    public var itemLevel: Level? {
        switch self {
        case .urusan, .bidang: return nil
        case .program: return .program
        case .kegiatan: return .kegiatan
        case .subKegiatan: return .subKegiatan
        }
    }
}

/// One indicator line: the target of year N (column 5) and of year N+1 (column 9), each a number
/// and its satuan as written (`14 Dokumen`).
public struct StandardPlanIndicator: Sendable, Equatable {
    public var indicator: Indicator
    public var targetMaju: Located<QuantityText>?

    public var name: Located<String> { indicator.name }
    public var target: Located<QuantityText>? { indicator.target }

    package init(indicator: Indicator, targetMaju: Located<QuantityText>? = nil) {
        self.indicator = indicator
        self.targetMaju = targetMaju
    }
}

public struct StandardPlanRow: Sendable, Equatable {
    public var level: StandardPlanLevel
    public var code: Located<String>?
    public var name: Located<String>
    public var indicators: [StandardPlanIndicator]
    public var lokasi: Located<String>?
    public var pagu: Located<AmountText>?
    public var sumberDana: Located<String>?
    public var kelompokSasaran: Located<String>?
    public var catatan: Located<String>?
    public var paguMaju: Located<AmountText>?
    public var children: [StandardPlanRow]
    public var location: SourceLocation
    /// Unique within the document (`rs-…`).
    public var anchor: String

    public func amount(_ c: StandardPlanAmount) -> Located<AmountText>? { c == .pagu ? pagu : paguMaju }

    /// `sub kegiatan 5.01.01.2.01.0001 “Penyusunan …”`.
    public var reference: String {
        let short = Item.shorten(name.value)
        if let key = code?.value, !key.isEmpty { return "\(level.word) \(key) “\(short)”" }
        return "\(level.word) “\(short)”"
    }

    /// The row as a Tabel 2 row (program, kegiatan, sub kegiatan; no children), so the checks
    /// of money against targets (`FundingChecks`) read it as they read Tabel 2.
    public var asItem: Item? {
        guard let l = level.itemLevel else { return nil }
        return Item(level: l, number: nil, code: code, name: name, indicators: indicators.map(\.indicator), pagu: pagu,
                    realisasi: nil, statedAbsorption: nil, children: [], location: location, anchor: anchor)
    }

    package init(level: StandardPlanLevel, code: Located<String>? = nil, name: Located<String>, indicators: [StandardPlanIndicator], lokasi: Located<String>? = nil, pagu: Located<AmountText>? = nil, sumberDana: Located<String>? = nil, kelompokSasaran: Located<String>? = nil, catatan: Located<String>? = nil, paguMaju: Located<AmountText>? = nil, children: [StandardPlanRow], location: SourceLocation, anchor: String) {
        self.level = level
        self.code = code
        self.name = name
        self.indicators = indicators
        self.lokasi = lokasi
        self.pagu = pagu
        self.sumberDana = sumberDana
        self.kelompokSasaran = kelompokSasaran
        self.catatan = catatan
        self.paguMaju = paguMaju
        self.children = children
        self.location = location
        self.anchor = anchor
    }
}

/// The two money columns of the table: pagu indikatif of year N (column 6) and of N+1 (column 10).
public enum StandardPlanAmount: Sendable, CaseIterable, Hashable {
    case pagu, paguMaju

    public var column: StandardPlanColumn { self == .pagu ? .pagu : .paguMaju }

    /// "pagu indikatif" / "pagu indikatif tahun N+1".
    public var word: String { self == .pagu ? "pagu indikatif" : "pagu indikatif prakiraan maju" }
}
