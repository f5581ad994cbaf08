import Foundation
import ProcDefTestSupport
import XCTest

/// `docs/tutorial.md` is a script: this test runs it in an empty folder and holds every command to the output the
/// tutorial shows, so a newcomer who follows it sees exactly that.
///
/// The tutorial marks what the test does with fenced blocks:
/// - ```` ```yaml file=PATH ````: write the block to PATH (a later block for the same PATH replaces it);
/// - ```` ```console ````: run each `$ ` line with `sh` (the built `procdef` first on `PATH`), standard output and
///   error together as a terminal shows them, and compare with the lines up to the next `$ `, byte for byte after
///   the temporary folder's path is replaced by `.`;
/// - ```` ```LANG excerpt=PATH ````: the file at PATH, as the commands so far left it, contains the block.
/// Other blocks (```` ```sh ```` for installing procdef) are for the reader only.
final class TutorialTests: XCTestCase {
    static let docs = Procdef.testsDirectory.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs")

    func testEveryStepOfTheTutorialWorksAsShown() throws {
        // The tutorial renders its diagram with `build --render svg`, which needs Graphviz.
        try OptionalTool.dot.require()
        let markdown = try String(contentsOf: Self.docs.appendingPathComponent("tutorial.md"), encoding: .utf8)
        let blocks = TutorialBlock.parse(markdown)
        let root = try Procdef.temporaryDirectory(self)
        var counts: [String: Int] = [:]

        for block in blocks {
            switch block.kind {
            case .file(let path):
                let url = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(block.body.utf8).write(to: url)
                counts["file", default: 0] += 1
            case .console:
                for step in TutorialBlock.commands(in: block.body) {
                    XCTAssertTrue(step.command.hasPrefix("procdef "), "line \(block.line): only procdef commands are run: \(step.command)")
                    let actual = try Self.shell(step.command, in: root)
                        .replacingOccurrences(of: root.standardizedFileURL.path, with: ".")
                        .replacingOccurrences(of: root.path, with: ".")
                    XCTAssertEqual(actual, step.expectedOutput, "line \(block.line): $ \(step.command)")
                    counts["command", default: 0] += 1
                }
            case .excerpt(let path):
                let text = (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? ""
                XCTAssertTrue(
                    text.contains(block.body),
                    "line \(block.line): \(path) does not contain the excerpt:\n\(block.body)\n--- \(path):\n\(text)")
                counts["excerpt", default: 0] += 1
            case .other:
                break
            }
        }
        // A change to the fences that the parser no longer sees must not pass as a tutorial with nothing to check.
        XCTAssertEqual(counts, ["file": 5, "command": 7, "excerpt": 3])
    }

    /// Every image the tutorial shows is in the repository.
    func testTheTutorialsImagesExist() throws {
        let markdown = try String(contentsOf: Self.docs.appendingPathComponent("tutorial.md"), encoding: .utf8)
        let images = markdown.components(separatedBy: "](images/").dropFirst().compactMap {
            $0.split(separator: ")").first.map(String.init)
        }
        XCTAssertEqual(images, ["tutorial-gaps.svg", "tutorial-fixed.svg"])
        for image in images {
            let text = try String(contentsOf: Self.docs.appendingPathComponent("images").appendingPathComponent(image), encoding: .utf8)
            XCTAssertTrue(text.contains("<svg"), image)
        }
    }

    func testTheParserSeesFencesCommandsAndOutputs() {
        let blocks = TutorialBlock.parse(
            """
            text
            ```yaml file=Processes/a.yaml
            kind: roles
            ```
            ```console
            $ procdef check
            line one

            line three
            $ procdef rules
            ```
            ```markdown excerpt=out/index.md
            # Title
            ```
            ```sh
            swift build
            ```
            """)
        XCTAssertEqual(blocks.map(\.kind), [.file("Processes/a.yaml"), .console, .excerpt("out/index.md"), .other])
        XCTAssertEqual(blocks.map(\.line), [2, 5, 12, 15])
        XCTAssertEqual(blocks[0].body, "kind: roles\n")
        let commands = TutorialBlock.commands(in: blocks[1].body)
        XCTAssertEqual(commands.map(\.command), ["procdef check", "procdef rules"])
        XCTAssertEqual(commands.map(\.expectedOutput), ["line one\n\nline three\n", ""])
    }

    /// Runs `command` with `sh -c` in `directory`, the built products first on `PATH` and `NO_COLOR` set, and
    /// returns standard output and standard error interleaved as a terminal would show them.
    static func shell(_ command: String, in directory: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = Procdef.productsDirectory.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// One fenced block of the tutorial and what the test does with it.
struct TutorialBlock {
    enum Kind: Equatable {
        case file(String)
        case console
        case excerpt(String)
        case other
    }

    var kind: Kind
    /// The block's lines, each ending in a newline.
    var body: String
    /// The 1-based line of the opening fence, for messages.
    var line: Int

    /// A command of a console block and the output shown under it.
    struct Command: Equatable {
        var command: String
        var expectedOutput: String
    }

    /// The fenced blocks of `markdown`, in order.
    static func parse(_ markdown: String) -> [TutorialBlock] {
        var blocks: [TutorialBlock] = []
        var open: (kind: Kind, line: Int)?
        var body = ""
        for (index, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let current = open {
                if line == "```" {
                    blocks.append(TutorialBlock(kind: current.kind, body: body, line: current.line))
                    open = nil
                } else {
                    body += line + "\n"
                }
            } else if line.hasPrefix("```") {
                open = (kind(of: line.dropFirst(3)), index + 1)
                body = ""
            }
        }
        return blocks
    }

    /// `yaml file=PATH`, `console`, `LANG excerpt=PATH`, or anything else.
    private static func kind(of info: Substring) -> Kind {
        let words = info.split(separator: " ")
        if words.first == "console" { return .console }
        for word in words.dropFirst() {
            if word.hasPrefix("file=") { return .file(String(word.dropFirst(5))) }
            if word.hasPrefix("excerpt=") { return .excerpt(String(word.dropFirst(8))) }
        }
        return .other
    }

    /// The `$ ` lines of a console block, each with the lines under it up to the next `$ `.
    static func commands(in body: String) -> [Command] {
        var commands: [Command] = []
        for line in body.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if line.hasPrefix("$ ") {
                commands.append(Command(command: String(line.dropFirst(2)), expectedOutput: ""))
            } else if !commands.isEmpty {
                commands[commands.count - 1].expectedOutput += line + "\n"
            }
        }
        return commands
    }
}
