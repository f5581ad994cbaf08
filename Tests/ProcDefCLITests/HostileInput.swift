import Foundation
import ProcDefTestSupport

/// The hostile inputs too large to commit, made the same way on every run.
///
/// Tests/hostile-limits.sh makes the same inputs (with the same sizes) to time the release binary on them; keep
/// the two in step.
enum HostileInput {
    /// Billion laughs: nine levels, each an anchored list of nine aliases of the level below. Expanded, the last
    /// level would be 9^9 = 387,420,489 scalars.
    static var billionLaughs: [UInt8] {
        var text = "kind: process\nid: laughs\nl0: &l0 lol\n"
        for level in 1...9 {
            text += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        return Array(text.utf8)
    }

    /// 20,000 aliases of one scalar in one flow sequence.
    static var manyAliases: [UInt8] {
        Array(
            ("kind: process\nid: aliases\nname: &n x\ntags: [" + Array(repeating: "*n", count: 20_000).joined(separator: ", ") + "]\n").utf8
        )
    }

    /// `[[[...]]]`, 200,000 levels deep: libyaml alone takes minutes on this (its flow parse is quadratic in depth).
    static var deepFlow: [UInt8] {
        Array(
            ("kind: process\nid: deep\ntags: " + String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000) + "\n")
                .utf8)
    }

    /// `- - - ... x`: a block sequence 100,000 levels deep on one line.
    static var deepBlockSequence: [UInt8] {
        Array((String(repeating: "- ", count: 100_000) + "x\n").utf8)
    }

    /// A block mapping 100 levels deep, each level indented two more spaces.
    static var deepBlockMapping: [UInt8] {
        var text = "kind: process\nid: nested\nname:\n"
        for level in 1...100 {
            text += String(repeating: "  ", count: level) + "a:\n"
        }
        text += String(repeating: "  ", count: 101) + "x\n"
        return Array(text.utf8)
    }

    /// 9 MiB: a valid process followed by comment lines.
    static var oversized: [UInt8] {
        var bytes = Array("kind: process\nid: big\n".utf8)
        let line = Array(("# " + String(repeating: "x", count: 61) + "\n").utf8)
        while bytes.count + line.count <= 9 * 1024 * 1024 { bytes += line }
        bytes += Array(repeating: UInt8(ascii: "#"), count: 9 * 1024 * 1024 - bytes.count)
        return bytes
    }

    /// A complete process written as one flow mapping on a single 2 MB line, with a misspelt key at its far end.
    static var longLine: [UInt8] {
        let purpose = String(repeating: "x", count: 2_000_000)
        return Array(
            """
            {kind: process, id: long-line, name: Long line, owner: incident-process-owner, \
            defaults: {accountable: incident-manager}, purpose: \(purpose), \
            activities: [{id: log, name: Log, responsible: service-desk, informed: [user], informd: [user]}]}

            """.utf8)
    }

    /// 4 KiB from a fixed-seed generator, so every run reads the same bytes.
    static var randomBytes: [UInt8] {
        var generator = SplitMix64(seed: 0x5EED_CAFE)
        return generator.bytes(count: 4096)
    }
}
