/// Kubernetes resource quantities (`500m`, `1Gi`, `2.5`, `1e3`) as numbers.
package enum Quantity {
    private static let suffixes: [String: Double] = [
        "n": 1e-9, "u": 1e-6, "m": 1e-3, "": 1, "k": 1e3, "M": 1e6, "G": 1e9, "T": 1e12, "P": 1e15, "E": 1e18,
        "Ki": 1024, "Mi": 1_048_576, "Gi": 1_073_741_824, "Ti": 1_099_511_627_776,
        "Pi": 1_125_899_906_842_624, "Ei": 1_152_921_504_606_846_976,
    ]

    /// The value of `text`, or `nil` when it is not a quantity.
    package static func parse(_ text: String) -> Double? {
        var bytes = Substring(text).utf8[...]
        while bytes.first == UInt8(ascii: " ") { bytes = bytes.dropFirst() }
        while bytes.last == UInt8(ascii: " ") { bytes = bytes.dropLast() }
        guard !bytes.isEmpty else { return nil }
        var sign = 1.0
        if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") {
            sign = bytes.first == UInt8(ascii: "-") ? -1 : 1
            bytes = bytes.dropFirst()
        }
        let numberEnd = bytes.firstIndex { !(($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: ".")) } ?? bytes.endIndex
        let number = bytes[..<numberEnd]
        let suffix = bytes[numberEnd...]
        guard !number.isEmpty, number.filter({ $0 == UInt8(ascii: ".") }).count <= 1, number.count > 1 || number.first != UInt8(ascii: "."),
              let value = Double(String(decoding: number, as: UTF8.self)) else { return nil }
        if let e = suffix.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E"), suffix.count > 1,
           let exponent = Int(String(decoding: suffix.dropFirst(), as: UTF8.self)) {
            return sign * value * pow10(exponent)
        }
        let unit = String(decoding: suffix, as: UTF8.self)
        guard let multiplier = suffixes[unit == "e" ? "E" : unit] else { return nil }
        return sign * value * multiplier
    }

    private static func pow10(_ e: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(e) { result *= 10 }
        return e < 0 ? 1 / result : result
    }
}
