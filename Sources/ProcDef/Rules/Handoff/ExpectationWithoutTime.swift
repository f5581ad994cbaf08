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
    private static let units: [[UInt32]] = [
        "business hours", "business hour", "business days", "business day", "seconds", "minutes", "second", "minute",
        "hours", "weeks", "days", "hour", "week", "hrs", "sec", "min", "day", "hr", "bd", "bh", "s", "m", "h", "d", "w",
    ].map { $0.unicodeScalars.map(\.value) }

    static func occurs(in text: String) -> Bool {
        // Most expectations hold no digit at all; they are answered without lowercasing or decoding the text.
        guard text.utf8.contains(where: { $0 &- UInt8(ascii: "0") < 10 }) else { return false }
        // ASCII text is searched as its bytes, lowercased as they are read: in ASCII, Unicode's lowercase mapping, white
        // space, letters and digits are the ASCII ones, so the answer is the same as the scalars'.
        if let answer = text.utf8.withContiguousStorageIfAvailable({ bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return occurs(
                in: bytes.lazy.map { UInt32($0 &- UInt8(ascii: "A") < 26 ? $0 | 0x20 : $0) },
                isSpace: { $0 == 0x20 || $0 &- 0x09 < 5 },
                isWordCharacter: { $0 == 0x5F || isDigit($0) || $0 &- 0x61 < 26 })
        }), let answer {
            return answer
        }
        return occurs(
            in: text.lowercased().unicodeScalars.map(\.value),
            isSpace: { Unicode.Scalar($0)?.properties.isWhitespace == true },
            isWordCharacter: { value in
                guard let scalar = Unicode.Scalar(value) else { return false }
                return scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            })
    }

    /// The search over lowercased code points; `isSpace` and `isWordCharacter` are `\s` and the word characters.
    private static func occurs<Text: RandomAccessCollection<UInt32>>(
        in text: Text, isSpace: (UInt32) -> Bool, isWordCharacter: (UInt32) -> Bool
    ) -> Bool where Text.Index == Int {
        /// `\s*` then one unit, then a word boundary.
        func unitFollows(from position: Int) -> Bool {
            var index = position
            while index < text.endIndex, isSpace(text[index]) { index += 1 }
            for unit in units where index + unit.count <= text.endIndex {
                guard text[index..<index + unit.count].elementsEqual(unit) else { continue }
                let end = index + unit.count
                if end == text.endIndex || !isWordCharacter(text[end]) { return true }
            }
            return false
        }
        var start = text.startIndex
        while start < text.endIndex {
            guard isDigit(text[start]) else {
                start += 1
                continue
            }
            var index = start
            while index < text.endIndex, isDigit(text[index]) { index += 1 }
            let afterDigits = index
            if unitFollows(from: afterDigits) { return true }
            // `(\.\d+)?`: the fraction is optional, so "1.5 hours" is tried with it as well as without.
            if afterDigits + 1 < text.endIndex, text[afterDigits] == 0x2E, isDigit(text[afterDigits + 1]) {
                var fraction = afterDigits + 1
                while fraction < text.endIndex, isDigit(text[fraction]) { fraction += 1 }
                if unitFollows(from: fraction) { return true }
            }
            // Any later digit of the run starts a shorter number that ends at the same place: nothing new to try.
            start = afterDigits
        }
        return false
    }

    /// `\d`: an ASCII digit, whatever Unicode calls a digit.
    private static func isDigit(_ value: UInt32) -> Bool {
        value &- 0x30 < 10
    }
}
