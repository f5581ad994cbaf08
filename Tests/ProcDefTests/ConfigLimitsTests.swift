import XCTest
import YAMLTree

@testable import ProcDef

/// `limits:` in `.procdef.yaml`: the flags' names and syntax, lower only, and a flag beats the config.
final class ConfigLimitsTests: XCTestCase {
    private let raisedHelp =
        "a pull request can change the config, so the config cannot weaken the protection against hostile YAML (docs/security.md)"

    /// The config decoded from `text`, with its findings.
    private func decode(_ text: String) -> (Config?, [Diagnostic]) {
        let loaded = Workspace.load(files: [SourceFile(path: ".procdef.yaml", bytes: Array(text.utf8))])
        return (loaded.configs.first, loaded.diagnostics)
    }

    private func effective(_ limits: EffectiveLimits) -> [String] {
        limits.entries.map { "\($0.limit.name) \($0.limit.syntax.format($0.value)) \($0.source)" }
    }

    // MARK: Lowering

    func testEveryKeyLowersItsLimit() throws {
        let (config, findings) = decode(
            """
            kind: config
            limits:
              max-file-size: 512KiB
              max-depth: 16
              max-aliases: 10
              max-alias-expansion: 500
              max-activities: 200
              max-states: 5000
            """)
        XCTAssertEqual(findings.map(\.message), [])
        let limits = EffectiveLimits(config: try XCTUnwrap(config))
        XCTAssertEqual(
            effective(limits),
            [
                "max-file-size 512KiB .procdef.yaml line 3",
                "max-depth 16 .procdef.yaml line 4",
                "max-aliases 10 .procdef.yaml line 5",
                "max-alias-expansion 500 .procdef.yaml line 6",
                "max-activities 200 .procdef.yaml line 7",
                "max-states 5000 .procdef.yaml line 8",
            ])
        let options = limits.applied(to: CheckOptions())
        XCTAssertEqual(options.limits, YAMLLimits(maxFileSize: 512 * 1024, maxDepth: 16, maxAliasesPerDocument: 10, maxAliasExpansion: 500))
        XCTAssertEqual(options.maxActivitiesPerProcess, 200)
        XCTAssertEqual(options.maxStatesPerProcess, 5000)
    }

    func testTheDefaultItselfAndEverySpellingOfASizeAreAccepted() throws {
        let (config, findings) = decode(
            """
            kind: config
            limits:
              max-file-size: "8MiB"
              max-depth: 64
              max-aliases: +100
              max-activities: ~
            """)
        XCTAssertEqual(findings.map(\.message), [])
        XCTAssertEqual(
            effective(EffectiveLimits(config: try XCTUnwrap(config))),
            [
                "max-file-size 8MiB .procdef.yaml line 3",
                "max-depth 64 .procdef.yaml line 4",
                "max-aliases 100 .procdef.yaml line 5",
                "max-alias-expansion 10000 default",
                "max-activities 1000 default",
                "max-states 100000 default",
            ])
    }

    func testWithoutLimitsEveryDefaultHolds() {
        XCTAssertEqual(
            effective(EffectiveLimits(config: nil)),
            [
                "max-file-size 8MiB default",
                "max-depth 64 default",
                "max-aliases 100 default",
                "max-alias-expansion 10000 default",
                "max-activities 1000 default",
                "max-states 100000 default",
            ])
    }

    // MARK: Raising

    func testAValueAboveTheDefaultIsRefused() {
        XCTAssertDecoding(
            [
                ".procdef.yaml": """
                kind: config
                limits:
                  max-file-size: 1️⃣16MiB
                  max-depth: 2️⃣200
                  max-aliases: 3️⃣101
                  max-alias-expansion: 4️⃣10001
                  max-activities: 5️⃣1000000
                """
            ],
            [
                ExpectedFinding(
                    "1️⃣", "schema/type",
                    "max-file-size 16MiB is above the default 8MiB: the config may only lower a limit; raise it on the command line with --max-file-size",
                    help: raisedHelp),
                ExpectedFinding(
                    "2️⃣", "schema/type",
                    "max-depth 200 is above the default 64: the config may only lower a limit; raise it on the command line with --max-depth",
                    help: raisedHelp),
                ExpectedFinding(
                    "3️⃣", "schema/type",
                    "max-aliases 101 is above the default 100: the config may only lower a limit; raise it on the command line with --max-aliases",
                    help: raisedHelp),
                ExpectedFinding(
                    "4️⃣", "schema/type",
                    "max-alias-expansion 10001 is above the default 10000: the config may only lower a limit; raise it on the command line with --max-alias-expansion",
                    help: raisedHelp),
                ExpectedFinding(
                    "5️⃣", "schema/type",
                    "max-activities 1000000 is above the default 1000: the config may only lower a limit; raise it on the command line with --max-activities",
                    help: raisedHelp),
            ])
    }

    func testARefusedValueIsNotAppliedEvenWithItsFindingTurnedOff() throws {
        let (config, _) = decode(
            """
            kind: config
            rules:
              schema/type: off
            limits:
              max-depth: 200  # procdef: ignore schema/type -- an attempt to raise the limit
              max-aliases: 50
            """)
        XCTAssertEqual(
            effective(EffectiveLimits(config: try XCTUnwrap(config))),
            [
                "max-file-size 8MiB default",
                "max-depth 64 default",
                "max-aliases 50 .procdef.yaml line 6",
                "max-alias-expansion 10000 default",
                "max-activities 1000 default",
                "max-states 100000 default",
            ])
    }

    func testOfARepeatedKeyTheFirstCounts() throws {
        let (config, findings) = decode("kind: config\nlimits:\n  max-depth: 200\n  max-depth: 8\n")
        XCTAssertEqual(findings.map(\.rule), ["schema/type", "yaml/duplicate-key"])
        XCTAssertEqual(effective(EffectiveLimits(config: try XCTUnwrap(config)))[1], "max-depth 64 default")
    }

    // MARK: Bad values

    func testBadValuesAreTypeErrors() {
        XCTAssertDecoding(
            [
                ".procdef.yaml": """
                kind: config
                limits:
                  max-file-size: 1️⃣8 MiB
                  max-depth: 2️⃣0
                  max-aliases: 3️⃣-5
                  max-alias-expansion: 4️⃣[100]
                  max-activities: 5️⃣many
                """
            ],
            [
                ExpectedFinding(
                    "1️⃣", "schema/type",
                    "'max-file-size' in 'limits' of the config must be a size from 1 byte to 1024MiB, such as 8MiB or 524288, found '8 MiB'"
                ),
                ExpectedFinding("2️⃣", "schema/type", "'max-depth' in 'limits' of the config must be a whole number from 1 up, found '0'"),
                ExpectedFinding("3️⃣", "schema/type", "'max-aliases' in 'limits' of the config must be a whole number from 1 up, found '-5'"),
                ExpectedFinding(
                    "4️⃣", "schema/type", "'max-alias-expansion' in 'limits' of the config must be a whole number from 1 up, found a list"),
                ExpectedFinding(
                    "5️⃣", "schema/type", "'max-activities' in 'limits' of the config must be a whole number from 1 up, found 'many'"),
            ])
    }

    func testSizesOutOfRangeAndOddTypes() {
        XCTAssertDecoding(
            [
                ".procdef.yaml": """
                kind: config
                limits:
                  max-file-size: 1️⃣2048MiB
                  max-depth: 2️⃣{levels: 3}
                  max-aliases: 3️⃣true
                  max-activities: 4️⃣1.5
                """
            ],
            [
                ExpectedFinding(
                    "1️⃣", "schema/type",
                    "'max-file-size' in 'limits' of the config must be a size from 1 byte to 1024MiB, such as 8MiB or 524288, found '2048MiB'"
                ),
                ExpectedFinding(
                    "2️⃣", "schema/type", "'max-depth' in 'limits' of the config must be a whole number from 1 up, found a mapping"),
                ExpectedFinding(
                    "3️⃣", "schema/type", "'max-aliases' in 'limits' of the config must be a whole number from 1 up, found 'true'"),
                ExpectedFinding(
                    "4️⃣", "schema/type", "'max-activities' in 'limits' of the config must be a whole number from 1 up, found '1.5'"),
            ])
    }

    func testLimitsMustBeAMapping() {
        XCTAssertDecoding(
            [
                ".procdef.yaml": """
                kind: config
                limits: 1️⃣[max-depth, 32]
                """
            ],
            [
                ExpectedFinding("1️⃣", "schema/type", "'limits' in the config must be a mapping from limit name to value, found a list")
            ])
    }

    func testUnknownKeysHaveDidYouMean() {
        XCTAssertDecoding(
            [
                ".procdef.yaml": """
                kind: config
                limits:
                  1️⃣max-dept: 32
                  2️⃣max-files: 100
                """
            ],
            [
                ExpectedFinding(
                    "1️⃣", "schema/unknown-key", "unknown key 'max-dept' in 'limits' of the config", help: "did you mean 'max-depth'?"),
                ExpectedFinding(
                    "2️⃣", "schema/unknown-key", "unknown key 'max-files' in 'limits' of the config",
                    help: "valid keys here: max-file-size, max-depth, max-aliases, max-alias-expansion, max-activities, max-states"),
            ])
    }

    // MARK: Precedence

    func testAFlagBeatsTheConfigAndMayRaiseALimit() throws {
        let (config, _) = decode("kind: config\nlimits:\n  max-depth: 16\n  max-activities: 200\n")
        let limits = EffectiveLimits(config: try XCTUnwrap(config), flags: [.maxDepth: 128, .maxFileSize: 1024])
        XCTAssertEqual(
            effective(limits),
            [
                "max-file-size 1KiB --max-file-size",
                "max-depth 128 --max-depth",
                "max-aliases 100 default",
                "max-alias-expansion 10000 default",
                "max-activities 200 .procdef.yaml line 4",
                "max-states 100000 default",
            ])
        XCTAssertEqual(limits.applied(to: CheckOptions()).limits.maxDepth, 128)
    }

    // MARK: Syntax

    func testOneSyntaxForFlagsAndConfig() {
        XCTAssertEqual(LimitSyntax.size.parse("8MiB"), 8 << 20)
        XCTAssertEqual(LimitSyntax.size.parse("512KiB"), 512 << 10)
        XCTAssertEqual(LimitSyntax.size.parse("3K"), 3072)
        XCTAssertEqual(LimitSyntax.size.parse("2MB"), 2 << 20)
        XCTAssertEqual(LimitSyntax.size.parse("524288"), 524_288)
        XCTAssertEqual(LimitSyntax.size.parse("1024MiB"), 1 << 30)
        for bad in ["0", "-1", "1025MiB", "8 MiB", "MiB", "8GiB", ""] { XCTAssertNil(LimitSyntax.size.parse(bad), bad) }
        XCTAssertEqual(LimitSyntax.count.parse("1"), 1)
        for bad in ["0", "-3", "1.5", "ten", "", "64KiB"] { XCTAssertNil(LimitSyntax.count.parse(bad), bad) }
        XCTAssertEqual([8 << 20, 512 << 10, 1000, 1].map(LimitSyntax.size.format), ["8MiB", "512KiB", "1000", "1"])
        XCTAssertEqual(LimitSyntax.count.format(1024), "1024")
    }

    func testEveryLimitIsAKeyOfTheConfig() {
        XCTAssertEqual(
            ModelDecoder.limitKeys, ["max-file-size", "max-depth", "max-aliases", "max-alias-expansion", "max-activities", "max-states"])
        XCTAssertEqual(InputLimit.all.map(\.defaultValue), [8 << 20, 64, 100, 10_000, 1000, 100_000])
        XCTAssertEqual(InputLimit.all.map { $0.value(in: CheckOptions()) }, InputLimit.all.map(\.defaultValue))
    }
}
