/// Kubernetes resource quantities (`500m`, `1Gi`, `2.5`, `1e3`) as numbers.
public enum Quantity {
    private static let suffixes: [String: Double] = [
        "n": 1e-9, "u": 1e-6, "m": 1e-3, "": 1, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18,
        "Ki": 1024, "Mi": 1_048_576, "Gi": 1_073_741_824, "Ti": 1_099_511_627_776,
        "Pi": 1_125_899_906_842_624, "Ei": 1_152_921_504_606_846_976,
    ]

    /// The value of `text`, or `nil` when it is not a quantity.
    public static func parse(_ text: String) -> Double? {
        var body = text.first == " " || text.last == " " ? Substring(text.trimmingSpaces) : Substring(text)
        guard !body.isEmpty else { return nil }
        var sign = 1.0
        if body.first == "+" || body.first == "-" {
            sign = body.first == "-" ? -1 : 1
            body = body.dropFirst()
        }
        let numberEnd = body.firstIndex { !($0.isNumber || $0 == ".") } ?? body.endIndex
        let number = body[..<numberEnd]
        var suffix = body[numberEnd...]
        guard !number.isEmpty, number.filter({ $0 == "." }).count <= 1, number != ".", let value = Double(number) else { return nil }
        if let e = suffix.first, e == "e" || e == "E", suffix.count > 1,
           let exponent = Int(suffix.dropFirst()) {
            return sign * value * pow10(exponent)
        }
        if suffix == "e" || suffix == "E" { suffix = "E" }
        guard let multiplier = suffixes[String(suffix)] else { return nil }
        return sign * value * multiplier
    }

    private static func pow10(_ e: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(e) { result *= 10 }
        return e < 0 ? 1 / result : result
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
