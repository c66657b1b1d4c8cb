import Foundation

/// Draws Hofstede scores as an inline SVG bar chart: one group of bars per dimension, one bar
/// per series (a country and its parts), over the low, middle and high bands. The chart is a
/// picture with a short text name; the score table beside it carries the numbers for everyone.
/// `Templates/assets/compare.js` draws the compare page's chart with the same geometry.
struct ScoreChart {
    struct Series {
        var name: String
        var scores: HofstedeScores
    }

    var series: [Series]
    /// Band thresholds to shade; nil draws no bands.
    var bands: (low: Int, high: Int)?
    /// The words of the chart: dimension and band names, "no score".
    var texts: TextCatalogue

    static let width = 440.0
    static let plotWidth = 370.0
    static let barHeight = 14.0
    static let barGap = 4.0
    static let labelHeight = 22.0
    static let groupGap = 14.0
    static let top = 24.0

    /// The scale's end: 100, or the next ten above the highest score (a few exceed 100).
    var maximum: Int {
        let highest = series.flatMap { $0.scores.values.values }.max() ?? 100
        return max(100, (highest + 9) / 10 * 10)
    }

    func x(_ score: Int) -> Double { Self.plotWidth * Double(min(max(score, 0), maximum)) / Double(maximum) }

    var groupHeight: Double {
        Self.labelHeight + Double(series.count) * (Self.barHeight + Self.barGap) + Self.groupGap
    }

    var height: Double { Self.top + Double(Dimension.allCases.count) * groupHeight + 18 }

    func svg(titleID: String) -> String {
        var out = "<svg class=\"score-svg\" viewBox=\"0 0 \(Self.format(Self.width)) \(Self.format(height))\" role=\"img\" aria-labelledby=\"\(titleID)\">"
        out += "<title id=\"\(titleID)\">\(HTML.escape(title))</title>"
        out += backdrop()
        for (row, dimension) in Dimension.allCases.enumerated() {
            out += group(dimension, top: Self.top + Double(row) * groupHeight)
        }
        out += "</svg>"
        return out
    }

    /// The chart's text name: every series and score, in words.
    var title: String {
        series.map { entry in
            let scores = Dimension.allCases.map { "\($0.name(in: texts)) \(entry.scores[$0].map(String.init) ?? texts.text("chart.noScore"))" }
            return "\(entry.name): \(scores.joined(separator: ", "))"
        }.joined(separator: "; ")
    }

    private func backdrop() -> String {
        let bottom = height - 18
        var out = ""
        if let bands {
            out += "<rect class=\"chart-band\" x=\"0\" y=\"\(Self.format(Self.top - 6))\" width=\"\(Self.format(x(bands.low)))\" height=\"\(Self.format(bottom - Self.top + 6))\"/>"
            out += "<rect class=\"chart-band\" x=\"\(Self.format(x(bands.high)))\" y=\"\(Self.format(Self.top - 6))\" width=\"\(Self.format(x(maximum) - x(bands.high)))\" height=\"\(Self.format(bottom - Self.top + 6))\"/>"
            let labels = [("low", x(0) + x(bands.low) / 2), ("middle", (x(bands.low) + x(bands.high)) / 2),
                          ("high", (x(bands.high) + x(maximum)) / 2)]
            for (band, center) in labels {
                out += "<text class=\"chart-band-label\" x=\"\(Self.format(center))\" y=\"12\" text-anchor=\"middle\">\(HTML.escape(texts.text("band.\(band)")))</text>"
            }
        }
        for tick in stride(from: 0, through: maximum, by: 50) {
            out += "<line class=\"chart-grid\" x1=\"\(Self.format(x(tick)))\" x2=\"\(Self.format(x(tick)))\" y1=\"\(Self.format(Self.top - 6))\" y2=\"\(Self.format(bottom))\"/>"
            out += "<text class=\"chart-tick\" x=\"\(Self.format(x(tick)))\" y=\"\(Self.format(bottom + 14))\" text-anchor=\"\(tick == 0 ? "start" : "middle")\">\(tick)</text>"
        }
        return out
    }

    private func group(_ dimension: Dimension, top: Double) -> String {
        var out = "<text class=\"chart-label\" x=\"0\" y=\"\(Self.format(top + 15))\">\(HTML.escape(dimension.name(in: texts)))</text>"
        for (index, entry) in series.enumerated() {
            let y = top + Self.labelHeight + Double(index) * (Self.barHeight + Self.barGap)
            guard let score = entry.scores[dimension] else {
                out += "<text class=\"chart-missing\" x=\"4\" y=\"\(Self.format(y + 11))\">\(HTML.escape(texts.text("chart.noScore")))</text>"
                continue
            }
            let width = max(x(score), 2)
            out += "<rect class=\"chart-bar series-\(index)\" x=\"0\" y=\"\(Self.format(y))\" width=\"\(Self.format(width))\" height=\"\(Self.format(Self.barHeight))\" rx=\"2\"/>"
            out += "<text class=\"chart-value\" x=\"\(Self.format(width + 6))\" y=\"\(Self.format(y + 11.5))\">\(score)</text>"
        }
        return out
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
