/// A horizontal bar chart as inline SVG, drawn by Portcullis (no chart library, no script): a row per
/// label, each bar made of coloured segments (a severity each), the total after it. Every label is
/// escaped; with `link`, a row's label is a link (`#policy=…`, which the report's script turns into a
/// filter).
struct BarChart {
    struct Segment {
        var value: Int
        /// A CSS class (`error`, `warning`, `info`, `other`) that colours the segment.
        var style: String
        var title: String
    }

    struct Row {
        var label: String
        var segments: [Segment]
        var link: String?
        var total: Int { segments.reduce(0) { $0 + $1.value } }
    }

    var title: String
    var rows: [Row]

    static let rowHeight = 22
    static let barWidth = 240
    /// An estimate of a 12-pixel monospace character's width, to size the label column.
    static let characterWidth = 7.5

    func svg() -> String {
        // Labels up to the widest that fits 420 pixels are whole; longer ones are cut with an ellipsis.
        let longest = min(rows.map(\.label.count).max() ?? 0, Int(408 / Self.characterWidth))
        let labelWidth = max(60, Int((Double(longest) * Self.characterWidth).rounded(.up)) + 12)
        let maximum = max(1, rows.map(\.total).max() ?? 1)
        let width = labelWidth + Self.barWidth + 70
        let height = rows.count * Self.rowHeight + 6
        var out = "<svg class=\"chart\" role=\"img\" aria-label=\"\(HTMLText.escape(title))\" viewBox=\"0 0 \(width) \(height)\" "
            + "width=\"\(width)\" height=\"\(height)\">\n<title>\(HTMLText.escape(title))</title>\n"
        for (index, row) in rows.enumerated() {
            let y = index * Self.rowHeight + 3
            let label = HTMLText.escape(Self.shortened(row.label, to: longest))
            var text = "<text class=\"label\" x=\"\(labelWidth - 8)\" y=\(quoted(y + 15)) text-anchor=\"end\">\(label)<title>\(HTMLText.escape(row.label))</title></text>"
            if let link = row.link { text = "<a href=\"\(HTMLText.escape(link))\">\(text)</a>" }
            out += "<g class=\"bar\">" + text
            var x = Double(labelWidth)
            for segment in row.segments where segment.value > 0 {
                let w = max(1.0, Double(segment.value) / Double(maximum) * Double(Self.barWidth))
                out += "<rect class=\"\(segment.style)\" x=\(quoted(x)) y=\(quoted(y + 3)) width=\(quoted(w)) height=\"16\" rx=\"2\">"
                    + "<title>\(HTMLText.escape(segment.title))</title></rect>"
                x += w
            }
            out += "<text class=\"count\" x=\(quoted(x + 6)) y=\(quoted(y + 15))>\(row.total)</text></g>\n"
        }
        return out + "</svg>"
    }

    private func quoted(_ value: Int) -> String { "\"\(value)\"" }

    /// One decimal at most: the same bytes on every platform.
    private func quoted(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? "\"\(tenths / 10)\"" : "\"\(tenths / 10).\(tenths % 10)\""
    }

    /// The label cut to `limit` characters, with an ellipsis.
    static func shortened(_ label: String, to limit: Int) -> String {
        label.count <= limit ? label : String(label.prefix(max(1, limit - 1))) + "…"
    }
}
