import RenjaModel
import RenjaFacts

/// `angka-format`: amounts whose text is not a well-formed rupiah figure (e.g. `160.427.6000`: the
/// dots do not split groups of three digits). The loader keeps such text so it can be reported
/// here with what the digits would read, how a well-formed amount looks, and — when the table's
/// other figures allow — what was probably meant.
enum NumberFormatChecks {
    static func run(_ ctx: DocumentContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for table in ctx.tables {
            for (item, parent) in table.itemsWithParents {
                for kind in AmountKind.allCases {
                    guard let amount = item.amount(kind), amount.value.value == nil else { continue }
                    out.append(malformed(amount, kind: kind, item: item, parent: parent, ctx: ctx))
                }
            }
        }
        return out
    }

    static func malformed(_ amount: Located<AmountText>, kind: AmountKind, item: Item, parent: Item?, ctx: DocumentContext) -> Diagnostic {
        let a = amount.value
        let problem = a.problem ?? .notANumber
        var figures: [Diagnostic.Figure] = [.init("tertulis", a.raw)]
        var notes: [String] = []
        if let digits = a.digitsValue {
            figures.append(.init("dibaca dari digitnya", digits.formatted))
            figures.append(.init("penulisan yang sah", "\(digits.plain) (titik setiap tiga digit dari kanan)"))
            if kind == .realisasi, let pagu = item.pagu?.value.value, digits > pagu {
                notes.append("bila dibaca \(digits.formatted), realisasi melebihi pagu \(pagu.formatted)")
            }
        } else {
            figures.append(.init("diharapkan", "jumlah rupiah dengan titik setiap tiga digit, mis. 1.244.173.000"))
        }
        if let likely = LikelyReading.of(item, kind: kind, parent: parent) {
            figures.append(.init("kemungkinan maksudnya", likely.value.formatted))
            notes.append(likely.explanation)
        }
        return ctx.finding(.galat, "angka-format",
                           "`\(kind.key)` \(item.reference) tidak ditulis sebagai jumlah rupiah yang sah: \(problem.explanation)",
                           at: amount.location, item: item, figures: figures, notes: notes)
    }
}

/// What a malformed amount most likely was meant to be, worked out from the rest of the table:
/// the parent's figure minus the other children, confirmed (when the table has it) by the row's
/// own stated absorption percentage.
struct LikelyReading {
    var value: Rupiah
    var explanation: String
    /// True when a second, independent figure (the stated percentage) agrees.
    var confirmed: Bool

    static func of(_ item: Item, kind: AmountKind, parent: Item?) -> LikelyReading? {
        guard let parent, let parentValue = parent.amount(kind)?.value.value else { return nil }
        var others = Rupiah.zero
        for sibling in parent.children where sibling.anchor != item.anchor {
            guard let v = sibling.amount(kind)?.value.value else { return nil }
            others = others + v
        }
        let implied = parentValue - others
        guard implied.value >= 0 else { return nil }
        var text = "\(implied.formatted) = \(kind.key) \(parent.shortReference) (\(parentValue.formatted)) dikurangi \(kind.key) \(parent.children.count - 1) \(item.level.word) lainnya"
        var confirmed = false
        if let stated = item.statedAbsorption, let s = stated.value.value?.value {
            let share: Percent?
            if kind == .realisasi, let pagu = item.pagu?.value.value {
                share = implied.percent(of: pagu)
            } else if kind == .pagu, let real = item.realisasi?.value.value {
                share = real.percent(of: implied)
            } else {
                share = nil
            }
            if let share, PercentAgreement.compare(stated: s, raw: stated.value.raw, computed: share.value) == .agrees {
                confirmed = true
                text += ", dan cocok dengan persen realisasi tertulis \(Wording.percent(s))"
            }
        }
        return LikelyReading(value: implied, explanation: text, confirmed: confirmed)
    }
}
