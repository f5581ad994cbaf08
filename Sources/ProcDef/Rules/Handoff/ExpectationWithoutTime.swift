import YAMLTree

/// `handoff/expectation-without-time`: a handoff whose expectation says what the receiver does but not how soon.
enum ExpectationWithoutTime: ProcessRule {
    static let descriptor = RuleDescriptor(
        id: "handoff/expectation-without-time",
        defaultSeverity: .note,
        summary: "a handoff whose `expectation` gives no time and that has no `within`",
        explanation: """
            Every handoff is a moment of truth, and an expectation with no time is not a commitment: "the resolver \
            group picks it up promptly" cannot be chased, measured or promised to the customer. The handoff says when \
            through `within` (a duration, one or per priority), or its `expectation` says it in words.

            The rule reports a handoff with an `expectation`, no `within`, and no duration in the expectation's text. \
            A duration is a number followed by a unit, matched case-insensitively by \
            `\\d+(\\.\\d+)?\\s*(s|sec|seconds?|m|min|minutes?|h|hrs?|hours?|d|days?|w|weeks?|bd|business days?|bh|business hours?)\\b` \
            (`\\d` is an ASCII digit; at `\\b` no letter, digit or `_` follows): "within 30 minutes", "4h", "2 business days" and \
            "1.5 hours" are times; "right away", "promptly" and "the m5 router" are not. A handoff without an \
            expectation is `handoff/missing-expectation`'s business, and a handoff to a `system` role needs no \
            expectation, so neither is reported here.

            Add `within:` with the time the receiver commits to (`within: 30m`, or `{p1: 15m, default: 1h}`), or \
            write the time into the expectation.
            """,
        failingExample: """
            kind: roles
            roles:
              incident-process-owner: {name: Incident Process Owner, kind: owner}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              resolver: {name: Resolver Group, kind: practitioner}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-process-owner
            defaults:
              accountable: incident-process-owner
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                handoff:
                  artifact: incident-record
                  expectation: The resolver group picks it up promptly.
              - id: diagnose
                name: Investigate and diagnose
                responsible: resolver
            """,
        fixedExample: """
            kind: roles
            roles:
              incident-process-owner: {name: Incident Process Owner, kind: owner}
              service-desk: {name: Service Desk Analyst, kind: practitioner}
              resolver: {name: Resolver Group, kind: practitioner}
            ---
            kind: process
            id: incident-management
            name: Incident Management
            owner: incident-process-owner
            defaults:
              accountable: incident-process-owner
            activities:
              - id: log
                name: Log the incident
                responsible: service-desk
                handoff:
                  artifact: incident-record
                  expectation: The resolver group picks it up promptly.
                  within: 30m
              - id: diagnose
                name: Investigate and diagnose
                responsible: resolver
            """
    )

    static func check(_ context: ProcessContext, into findings: inout Findings) {
        // A handoff written around a fork holds for several branches: it is reported once.
        var reported = Set<SourceRange>()
        for point in context.handoffs.points {
            guard let handoff = point.handoff, handoff.within == nil, let expectation = handoff.statedExpectation else { continue }
            // A machine commits to nothing, so it is asked for no time either.
            if point.isToSystem { continue }
            guard !DurationInText.occurs(in: expectation.value), reported.insert(handoff.range).inserted else { continue }
            let commits = point.target.roles.count > 1 ? "commit" : "commits"
            findings.report(
                Self.self, at: expectation.range,
                "the handoff \(HandoffWording.edge(point, context)) promises '\(expectation.value)' with no time: add `within` (a duration) or say in the expectation how soon",
                help:
                    "add `within:` with the time \(HandoffWording.receiver(point)) \(commits) to, e.g. `within: 30m`, or write it into the expectation (`... within 30 minutes.`)",
                activities: point.activityIDs, roles: point.roleIDs, path: point.witness(file: context.process.file)
            )
        }
    }
}

/// Whether a text states a duration: `\d+(\.\d+)?\s*(unit)\b`, case-insensitive, searched anywhere in the text.
///
/// A hand scanner rather than a `Regex`, so that `\d` stays ASCII digits and the word boundary letters, digits and `_`,
/// exactly as the rule's explanation documents, whatever a regex engine's Unicode defaults take them to mean.
enum DurationInText {
    /// Longest first, so that "business days" is tried before "business day"; any one that ends at a word boundary
    /// makes a match, so the order only saves work.
    private static let units: [[Unicode.Scalar]] = [
        "business hours", "business hour", "business days", "business day", "seconds", "minutes", "second", "minute",
        "hours", "weeks", "days", "hour", "week", "hrs", "sec", "min", "day", "hr", "bd", "bh", "s", "m", "h", "d", "w",
    ].map { Array($0.unicodeScalars) }

    static func occurs(in text: String) -> Bool {
        // Most expectations hold no digit at all; they are answered without lowercasing or decoding the text.
        guard text.utf8.contains(where: { $0 &- UInt8(ascii: "0") < 10 }) else { return false }
        if let answer = text.utf8.withContiguousStorageIfAvailable({ bytes in
            bytes.allSatisfy { $0 < 0x80 } ? occurs(inASCII: bytes) : nil
        }), let answer {
            return answer
        }
        return occurs(in: Array(text.lowercased().unicodeScalars))
    }

    /// The same search over ASCII bytes, lowercased as they are read: in ASCII, Unicode's lowercase mapping, white
    /// space, letters and digits are the ASCII ones, so the answer is the scalar search's.
    private static func occurs(inASCII bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < bytes.count {
            guard isDigit(bytes[start]) else {
                start += 1
                continue
            }
            var index = start
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
            let afterDigits = index
            if unitFollows(bytes, from: afterDigits) { return true }
            if afterDigits + 1 < bytes.count, bytes[afterDigits] == UInt8(ascii: "."), isDigit(bytes[afterDigits + 1]) {
                var fraction = afterDigits + 1
                while fraction < bytes.count, isDigit(bytes[fraction]) { fraction += 1 }
                if unitFollows(bytes, from: fraction) { return true }
            }
            start = afterDigits
        }
        return false
    }

    private static func unitFollows(_ bytes: UnsafeBufferPointer<UInt8>, from position: Int) -> Bool {
        var index = position
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] &- 0x09 < 5 { index += 1 }
        for unit in asciiUnits where index + unit.count <= bytes.count {
            var matches = true
            for offset in 0..<unit.count where lowercased(bytes[index + offset]) != unit[offset] {
                matches = false
                break
            }
            guard matches else { continue }
            let end = index + unit.count
            if end == bytes.count || !isWordCharacter(bytes[end]) { return true }
        }
        return false
    }

    private static let asciiUnits: [[UInt8]] = units.map { unit in unit.map { UInt8($0.value) } }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    private static func isWordCharacter(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || isDigit(byte) || lowercased(byte) &- UInt8(ascii: "a") < 26
    }

    private static func occurs(in scalars: [Unicode.Scalar]) -> Bool {
        var start = 0
        while start < scalars.count {
            guard isDigit(scalars[start]) else {
                start += 1
                continue
            }
            var index = start
            while index < scalars.count, isDigit(scalars[index]) { index += 1 }
            let afterDigits = index
            if unitFollows(scalars, from: afterDigits) { return true }
            // `(\.\d+)?`: the fraction is optional, so "1.5 hours" is tried with it as well as without.
            if afterDigits + 1 < scalars.count, scalars[afterDigits] == ".", isDigit(scalars[afterDigits + 1]) {
                var fraction = afterDigits + 1
                while fraction < scalars.count, isDigit(scalars[fraction]) { fraction += 1 }
                if unitFollows(scalars, from: fraction) { return true }
            }
            // Any later digit of the run starts a shorter number that ends at the same place: nothing new to try.
            start = afterDigits
        }
        return false
    }

    /// `\s*` then one unit, then a word boundary.
    private static func unitFollows(_ scalars: [Unicode.Scalar], from position: Int) -> Bool {
        var index = position
        while index < scalars.count, scalars[index].properties.isWhitespace { index += 1 }
        for unit in units where index + unit.count <= scalars.count {
            guard scalars[index..<index + unit.count].elementsEqual(unit) else { continue }
            let end = index + unit.count
            if end == scalars.count || !isWordCharacter(scalars[end]) { return true }
        }
        return false
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value &- 0x30 < 10
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
