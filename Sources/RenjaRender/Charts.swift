import RenjaModel

/// Bar charts drawn at build time as inline SVG: no JavaScript, readable by screen readers (a
/// `<title>` and `<desc>` name the chart; the page prints the same figures in a table beside it),
/// and sharp on paper.
///
/// Layout: every bar's row starts with its label (wrapped to whole words, one `<tspan>` a line),
/// then one bar per series. Vertical positions are pixels; horizontal ones are percentages of the
/// chart's width, so bars stretch with the screen while the text keeps its size — a 360 px phone
/// gets the same chart as a desktop, only narrower bars.
struct BarChart {
    struct Series {
        var name: String
        /// Suffix of the bar's CSS class (`grafik-batang seri-<key>`), styled in `style.css`.
        var key: String
    }

    struct Bar {
        /// nil draws no bar (the value is missing or malformed) and prints `valueText` as written.
        var value: Double?
        var valueText: String
        /// Extra class for this bar only, e.g. `di-bawah` for an indicator behind its target.
        var tone: String? = nil
    }

    struct Group {
        var label: String
        var bars: [Bar]
    }

    var id: String
    var title: String
    var description: String
    var series: [Series]
    var groups: [Group]
    /// The value at the right end of the track; bars beyond it are drawn full and marked.
    var scaleMax: Double
    /// Vertical reference lines (e.g. the period's pace and the 100% target) with their labels.
    var references: [(value: Double, label: String)] = []

    // Geometry, in px (vertical) and % (horizontal).
    static let trackPercent = 68.0
    static let valuePercent = 70.0
    static let labelLine = 17
    static let barHeight = 14
    static let barGap = 4
    static let groupGap = 14
    static let wrapAt = 36
    /// Labels wrap to whole lines and are never cut; the group's `<title>` holds the full text as
    /// a tooltip too.
    static let maxLabelLines = 12
    /// Bars with this tone are hatched (a second cue besides colour, kept in grayscale print).
    static let hatchedTone = "di-bawah"

    /// The `<svg>` element, deterministic to the byte.
    var svg: String {
        var body = ""
        var y = 0
        let top = references.isEmpty ? 0 : BarChart.labelLine + 2
        y = top
        let hatch = "\(id)-arsir"
        let hatched = groups.contains { $0.bars.contains { $0.tone == BarChart.hatchedTone } }
        for group in groups {
            let lines = BarChart.wrap(group.label, width: BarChart.wrapAt, maxLines: BarChart.maxLabelLines)
            body += "<g class=\"grafik-kelompok\"><title>\(HTMLText.escape(group.label))</title>"
            body += "<text class=\"grafik-label\" x=\"0\" y=\"\(y + 13)\">"
            for (i, line) in lines.enumerated() {
                body += "<tspan x=\"0\" dy=\"\(i == 0 ? 0 : BarChart.labelLine)\">\(HTMLText.escape(line))</tspan>"
            }
            body += "</text>"
            y += lines.count * BarChart.labelLine + 3
            for (i, bar) in group.bars.enumerated() {
                let s = series[min(i, series.count - 1)]
                body += "<rect class=\"grafik-jalur\" x=\"0\" y=\"\(y)\" width=\"\(BarChart.pct(BarChart.trackPercent))\" height=\"\(BarChart.barHeight)\"/>"
                if let v = bar.value, v > 0, scaleMax > 0 {
                    let share = min(v, scaleMax) / scaleMax
                    let cls = "grafik-batang seri-\(s.key)" + (bar.tone.map { " \($0)" } ?? "")
                    let fill = bar.tone == BarChart.hatchedTone ? " style=\"fill:url(#\(hatch))\"" : ""
                    body += "<rect class=\"\(cls)\"\(fill) x=\"0\" y=\"\(y)\" width=\"\(BarChart.pct(share * BarChart.trackPercent))\" height=\"\(BarChart.barHeight)\"/>"
                    if v > scaleMax {
                        body += "<text class=\"grafik-lebih\" x=\"\(BarChart.pct(BarChart.trackPercent - 0.5))\" y=\"\(y + 11)\" text-anchor=\"end\">»</text>"
                    }
                }
                for reference in references where scaleMax > 0 {
                    // The reference as a tick across each bar, so it never crosses the labels.
                    let x = BarChart.pct(min(reference.value, scaleMax) / scaleMax * BarChart.trackPercent)
                    body += "<line class=\"grafik-acuan\" x1=\"\(x)\" y1=\"\(y - 3)\" x2=\"\(x)\" y2=\"\(y + BarChart.barHeight + 3)\"/>"
                }
                // The series is told by colour, hatching and legend (and by the table beside the
                // chart); a bar behind is marked ▼ before its value as well.
                let marker = bar.tone == BarChart.hatchedTone ? "▼ " : ""
                body += "<text class=\"grafik-nilai seri-\(s.key)-nilai\" x=\"\(BarChart.pct(BarChart.valuePercent))\" y=\"\(y + 11)\">\(marker)\(HTMLText.escape(bar.valueText))</text>"
                y += BarChart.barHeight + BarChart.barGap
            }
            body += "</g>"
            y += BarChart.groupGap
        }
        let height = max(y, 20)
        var overlay = ""
        for reference in references where scaleMax > 0 {
            let x = BarChart.pct(min(reference.value, scaleMax) / scaleMax * BarChart.trackPercent)
            overlay += "<text class=\"grafik-acuan-label\" x=\"\(x)\" y=\"12\" text-anchor=\"middle\">\(HTMLText.escape(reference.label))</text>"
        }
        let defs = hatched
            ? "<defs><pattern id=\"\(hatch)\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\">"
                + "<rect class=\"arsir-dasar\" width=\"6\" height=\"6\"/><rect class=\"arsir-garis\" width=\"2\" height=\"6\"/></pattern></defs>"
            : ""
        return "<svg class=\"grafik\" xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" height=\"\(height)\" role=\"img\" "
            + "aria-labelledby=\"\(id)-judul \(id)-uraian\" focusable=\"false\">"
            + "<title id=\"\(id)-judul\">\(HTMLText.escape(title))</title><desc id=\"\(id)-uraian\">\(HTMLText.escape(description))</desc>"
            + defs + body + overlay + "</svg>"
    }

    /// `43.4900%`: fixed decimals so the bytes never depend on floating-point printing.
    static func pct(_ x: Double) -> String {
        let scaled = Int((max(0, x) * 100).rounded())
        let frac = scaled % 100
        return "\(scaled / 100).\(frac < 10 ? "0" : "")\(frac)%"
    }

    /// Greedy word wrap; a label longer than `maxLines` lines ends with `…` (the full text is in
    /// the table beside the chart).
    static func wrap(_ text: String, width: Int, maxLines: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        if lines.isEmpty { return [""] }
        if lines.count > maxLines {
            lines = Array(lines.prefix(maxLines))
            var last = lines[maxLines - 1]
            if last.count > width - 1 { last = String(last.prefix(width - 1)) }
            lines[maxLines - 1] = last + "…"
        }
        return lines.map { $0.count > width + 8 ? String($0.prefix(width + 7)) + "…" : $0 }
    }

    /// A round scale end at or above the largest value: 100 for percentages up to 100, else the
    /// next multiple of 50 (capped so one outlier does not flatten every other bar).
    static func percentScale(_ values: [Double?], cap: Double = 150) -> Double {
        let top = values.compactMap { $0 }.max() ?? 0
        if top <= 100 { return 100 }
        return min(cap, (top / 50).rounded(.up) * 50)
    }

    /// A round scale end for amounts: 1, 2 or 5 × 10ⁿ at or above the largest value.
    static func amountScale(_ values: [Double?]) -> Double {
        let top = values.compactMap { $0 }.max() ?? 0
        guard top > 0 else { return 1 }
        var magnitude = 1.0
        while magnitude * 10 <= top { magnitude *= 10 }
        for step in [1.0, 2.0, 5.0, 10.0] where step * magnitude >= top { return step * magnitude }
        return 10 * magnitude
    }
}

/// Short amounts for chart labels, where space is tight: `Rp 2,78 M`, `Rp 21,6 jt`. The exact
/// figures are in the table beside every chart.
enum ShortRupiah {
    static func format(_ r: Rupiah) -> String {
        let v = Double(r.value)
        let sign = v < 0 ? "-" : ""
        let a = abs(v)
        if a >= 1e12 { return "\(sign)Rp \(IndonesianNumber.decimal(a / 1e12, places: 2)) T" }
        if a >= 1e9 { return "\(sign)Rp \(IndonesianNumber.decimal(a / 1e9, places: 2)) M" }
        if a >= 1e6 { return "\(sign)Rp \(IndonesianNumber.decimal(a / 1e6, places: 1)) jt" }
        return r.formatted
    }
}
