/// The standard evaluation table of Permendagri 86/2017, "Evaluasi Terhadap Hasil Renja Perangkat
/// Daerah" (`tabel/evaluasi-standar.yaml`): per program, kegiatan and sub kegiatan the K (kinerja)
/// and Rp (anggaran) of each numbered column, the four quarters, and the footer rows.
///
/// The regulation numbers the columns; with the Kode column (as `afilamediakarya/demonev` prints
/// it) they are 1 No · 2 Sasaran · 3 Kode · 4 Program/Kegiatan · 5 Indikator · 6 Target Renstra ·
/// 7 Realisasi s/d tahun lalu · 8 Target Renja · 9–12 Triwulan I–IV · 13 Realisasi Renja ·
/// 14 Realisasi Renstra s/d tahun berjalan · 15 Tingkat capaian · 16 Unit penanggung jawab; without
/// it every number from 3 on is one lower. `StandardColumn.number(in:)` gives the number a reader
/// sees in the document's own variant.
public struct StandardEvaluationTable: Sendable, Equatable {
    public var title: String
    public var variant: StandardVariant
    public var programs: [StandardRow]
    public var footer: StandardFooter
    public var file: String

    /// Every row, depth first, with its parent.
    public var rowsWithParents: [(row: StandardRow, parent: StandardRow?)] { Hierarchy.withParents(programs, children: \.children) }

    public var allRows: [StandardRow] { rowsWithParents.map(\.row) }

    package init(title: String, variant: StandardVariant, programs: [StandardRow], footer: StandardFooter, file: String) {
        self.title = title
        self.variant = variant
        self.programs = programs
        self.footer = footer
        self.file = file
    }
}

/// With or without the Kode column: the column numbers shift by one.
public enum StandardVariant: String, Sendable {
    case denganKode = "dengan_kode"
    case tanpaKode = "tanpa_kode"
}

/// The figure columns of the table (each a K | Rp pair, except the quarters which are four pairs).
public enum StandardColumn: String, Sendable, CaseIterable {
    case targetRenstra = "target_renstra"
    case realisasiRenstraLalu = "realisasi_renstra_lalu"
    case targetRenja = "target_renja"
    case triwulan
    case realisasiRenja = "realisasi_renja"
    case realisasiRenstra = "realisasi_renstra"
    case tingkatCapaian = "tingkat_capaian"

    /// The column's number in the regulation's layout (`triwulan` is the number of TW I).
    public func number(in variant: StandardVariant) -> Int {
        let withCode: Int
        switch self {
        case .targetRenstra: withCode = 6
        case .realisasiRenstraLalu: withCode = 7
        case .targetRenja: withCode = 8
        case .triwulan: withCode = 9
        case .realisasiRenja: withCode = 13
        case .realisasiRenstra: withCode = 14
        case .tingkatCapaian: withCode = 15
        }
        return variant == .denganKode ? withCode : withCode - 1
    }

    /// What staff call the column.
    public var title: String {
        switch self {
        case .targetRenstra: return "target Renstra akhir periode"
        case .realisasiRenstraLalu: return "realisasi capaian Renstra s/d tahun lalu"
        case .targetRenja: return "target Renja tahun berjalan"
        case .triwulan: return "realisasi triwulan"
        case .realisasiRenja: return "realisasi capaian Renja tahun berjalan"
        case .realisasiRenstra: return "realisasi Renstra s/d tahun berjalan"
        case .tingkatCapaian: return "tingkat capaian Renstra"
        }
    }
}

/// One cell's figure as written, with the number it reads as (nil when it cannot be read; the loader
/// has then reported it).
public struct StandardNumber: Sendable, Hashable {
    public var raw: String
    public var value: Double?

    package init(raw: String, value: Double? = nil) {
        self.raw = raw
        self.value = value
    }
}

/// A Rupiah cell. Amounts in e-Monev data can carry sen (`48.912.283.703,29`), so they are kept in
/// sen, exactly (Int64), and summed without rounding.
public struct StandardAmount: Sendable, Hashable {
    public var raw: String
    public var sen: Int64?

    /// `Rp 48.912.283.703,29`; whole rupiah without a decimal part.
    public static func format(sen: Int64) -> String {
        let r = Rupiah(sen / 100).formatted
        let cents = abs(sen % 100)
        let sign = sen < 0 && sen / 100 == 0 ? "-" : ""
        return cents == 0 ? sign + r : sign + r + "," + (cents < 10 ? "0\(cents)" : "\(cents)")
    }

    package init(raw: String, sen: Int64? = nil) {
        self.raw = raw
        self.sen = sen
    }
}

/// The K series of one indicator, or the Rp series of one row.
public struct StandardSeries<Cell: Sendable & Hashable>: Sendable, Equatable {
    public var targetRenstra: Located<Cell>?
    public var realisasiRenstraLalu: Located<Cell>?
    public var targetRenja: Located<Cell>?
    /// TW I–IV; fewer than four when the later quarters are not reported yet.
    public var quarters: [Located<Cell>]
    public var realisasiRenja: Located<Cell>?
    public var realisasiRenstra: Located<Cell>?
    /// Column 15 (14 without Kode), in percent.
    public var tingkatCapaian: Located<StandardNumber>?
    /// Where the series is written (the indicator, or the row's `anggaran`).
    public var location: SourceLocation?

    public func cell(_ c: StandardColumn) -> Located<Cell>? {
        switch c {
        case .targetRenstra: return targetRenstra
        case .realisasiRenstraLalu: return realisasiRenstraLalu
        case .targetRenja: return targetRenja
        case .realisasiRenja: return realisasiRenja
        case .realisasiRenstra: return realisasiRenstra
        case .triwulan, .tingkatCapaian: return nil
        }
    }

    package init(targetRenstra: Located<Cell>? = nil, realisasiRenstraLalu: Located<Cell>? = nil, targetRenja: Located<Cell>? = nil, quarters: [Located<Cell>], realisasiRenja: Located<Cell>? = nil, realisasiRenstra: Located<Cell>? = nil, tingkatCapaian: Located<StandardNumber>? = nil, location: SourceLocation? = nil) {
        self.targetRenstra = targetRenstra
        self.realisasiRenstraLalu = realisasiRenstraLalu
        self.targetRenja = targetRenja
        self.quarters = quarters
        self.realisasiRenja = realisasiRenja
        self.realisasiRenstra = realisasiRenstra
        self.tingkatCapaian = tingkatCapaian
        self.location = location
    }
}

public struct StandardIndicator: Sendable, Equatable {
    public var name: Located<String>
    public var unit: Located<String>?
    public var declaredDirection: Located<Direction>?
    public var kinerja: StandardSeries<StandardNumber>
    public var location: SourceLocation

    /// The indicator as the existing direction logic reads it.
    public var asIndicator: Indicator {
        Indicator(name: name, target: nil, actual: nil, stated: nil, declaredDirection: declaredDirection, location: location)
    }

    package init(name: Located<String>, unit: Located<String>? = nil, declaredDirection: Located<Direction>? = nil, kinerja: StandardSeries<StandardNumber>, location: SourceLocation) {
        self.name = name
        self.unit = unit
        self.declaredDirection = declaredDirection
        self.kinerja = kinerja
        self.location = location
    }
}

public struct StandardRow: Sendable, Equatable {
    public var level: Level
    /// Permendagri 90 code (`1.01.02.2.01.0006`), when written.
    public var code: Located<String>?
    /// The row's number in the No column, when written.
    public var number: Located<String>?
    public var name: Located<String>
    public var sasaran: Located<String>?
    public var indicators: [StandardIndicator]
    public var anggaran: StandardSeries<StandardAmount>
    public var unit: Located<String>?
    public var children: [StandardRow]
    public var location: SourceLocation
    /// Unique within the document (`ts-…`).
    public var anchor: String

    /// `sub kegiatan 1.01.02.2.01.0006 “Pembangunan …”`.
    public var reference: String {
        let key = code?.value ?? number?.value
        let short = Item.shorten(name.value)
        if let key, !key.isEmpty { return "\(level.word) \(key) “\(short)”" }
        return "\(level.word) “\(short)”"
    }

    package init(level: Level, code: Located<String>? = nil, number: Located<String>? = nil, name: Located<String>, sasaran: Located<String>? = nil, indicators: [StandardIndicator], anggaran: StandardSeries<StandardAmount>, unit: Located<String>? = nil, children: [StandardRow], location: SourceLocation, anchor: String) {
        self.level = level
        self.code = code
        self.number = number
        self.name = name
        self.sasaran = sasaran
        self.indicators = indicators
        self.anggaran = anggaran
        self.unit = unit
        self.children = children
        self.location = location
        self.anchor = anchor
    }
}

/// The rows under the table: rata-rata capaian, predikat, faktor pendorong / penghambat, tindak
/// lanjut; and the predikat bands, only when the document states them.
public struct StandardFooter: Sendable, Equatable {
    public var averageKinerja: Located<StandardNumber>?
    public var averageAnggaran: Located<StandardNumber>?
    public var predicateKinerja: Located<String>?
    public var predicateAnggaran: Located<String>?
    public var bands: [PredicateBand] = []
    public var drivers: Located<String>?
    public var obstacles: Located<String>?
    public var followUpQuarter: Located<String>?
    public var followUpRenja: Located<String>?

    package init(averageKinerja: Located<StandardNumber>? = nil, averageAnggaran: Located<StandardNumber>? = nil, predicateKinerja: Located<String>? = nil, predicateAnggaran: Located<String>? = nil, bands: [PredicateBand] = [], drivers: Located<String>? = nil, obstacles: Located<String>? = nil, followUpQuarter: Located<String>? = nil, followUpRenja: Located<String>? = nil) {
        self.averageKinerja = averageKinerja
        self.averageAnggaran = averageAnggaran
        self.predicateKinerja = predicateKinerja
        self.predicateAnggaran = predicateAnggaran
        self.bands = bands
        self.drivers = drivers
        self.obstacles = obstacles
        self.followUpQuarter = followUpQuarter
        self.followUpRenja = followUpRenja
    }
}

/// `dari`–`sampai` (inclusive lower bound, inclusive upper bound) → predikat, as the document states.
public struct PredicateBand: Sendable, Equatable {
    public var from: Double
    public var to: Double
    public var name: String
    public var location: SourceLocation?

    public func contains(_ x: Double) -> Bool { x >= from && x <= to }

    package init(from: Double, to: Double, name: String, location: SourceLocation? = nil) {
        self.from = from
        self.to = to
        self.name = name
        self.location = location
    }
}

extension StandardEvaluationTable {
    /// `I` … `IV`, the quarter numerals.
    package static func roman(_ n: Int) -> String { ["I", "II", "III", "IV"][max(0, min(3, n - 1))] }
}
