/// How a safety limit's value is written, on the command line (`--max-file-size 512KiB`) and under `limits:` in
/// `.procdef.yaml` alike: one parser, so the two can never accept different spellings.
package enum LimitSyntax: Sendable, Hashable {
    /// A whole number from 1 up.
    case count
    /// `8388608`, `512KiB`, `8MiB` (also `K`, `KB`, `M`, `MB`, all powers of 1024), from 1 byte to 1 GiB.
    case size

    /// The largest size accepted: a file beyond it could not be held in memory with room to spare.
    package static let largestSize = 1 << 30

    private static let units: [(suffix: String, factor: Int)] = [
        ("MiB", 1 << 20), ("MB", 1 << 20), ("M", 1 << 20), ("KiB", 1 << 10), ("KB", 1 << 10), ("K", 1 << 10),
    ]

    /// What a value must look like, to follow "expected" or "must be" in a message.
    package var expected: String {
        switch self {
        case .count: "a whole number from 1 up"
        case .size: "a size from 1 byte to 1024MiB, such as 8MiB or 524288"
        }
    }

    /// The value `text` stands for; nil when it is not one, or out of range.
    package func parse(_ text: String) -> Int? {
        switch self {
        case .count:
            guard let value = Int(text), value >= 1 else { return nil }
            return value
        case .size:
            var digits = Substring(text)
            var unit = 1
            for (suffix, factor) in Self.units where text.hasSuffix(suffix) {
                digits = text.dropLast(suffix.count)
                unit = factor
                break
            }
            guard let value = Int(digits), value >= 1, value <= Self.largestSize / unit else { return nil }
            return value * unit
        }
    }

    /// `value` as it would be written: `64`, or for a size the largest unit that divides it (`8MiB`, `512KiB`, `1000`).
    package func format(_ value: Int) -> String {
        guard self == .size, value > 0 else { return String(value) }
        if value % (1 << 20) == 0 { return "\(value >> 20)MiB" }
        if value % (1 << 10) == 0 { return "\(value >> 10)KiB" }
        return String(value)
    }
}
