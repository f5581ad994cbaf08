// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "procdef",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "procdef", targets: ["ProcDefCLI"]),
        // The library's public API: load a workspace (Workspace, CheckOptions, ConfigResolver), check it (Checker,
        // CheckReport), and read the findings (Diagnostic, FindingSubjects), the model and the rule catalogue
        // (RuleRegistry, RuleDescriptor). Everything else is `package`: shared by this package's targets only.
        .library(name: "ProcDef", targets: ["ProcDef"]),
        // The libFuzzer target: build it with Fuzz/run.sh (--sanitize=fuzzer), never as part of the tests.
        .executable(name: "procdef-fuzz", targets: ["procdef-fuzz"]),
        // The libFuzzer target over the language server's protocol layer (framing, JSON-RPC, LSP types, positions).
        .executable(name: "procdef-lsp-fuzz", targets: ["procdef-lsp-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2")
    ],
    targets: [
        // libyaml from the system, found through pkg-config (Debian: libyaml-dev).
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        // bytes -> YAML nodes with source marks, limits and duplicate keys
        .target(name: "YAMLTree", dependencies: ["CYAML"]),
        // the language: model, decoding, flow graph, rules, policies, workspace
        .target(name: "ProcDef", dependencies: ["YAMLTree"]),
        // renderers: diagnostics formats, runbooks, diagrams, CSV, schema
        .target(name: "ProcDefOutput", dependencies: ["ProcDef", "YAMLTree"]),
        // the Language Server Protocol over stdio: framing, JSON-RPC 2.0, LSP 3.17 types, positions and open documents;
        // Foundation only, knowing nothing of procdef (no LSP library is among the packages we may use)
        .target(name: "LanguageServerProtocol"),
        // `procdef lsp`: the handlers, over a workspace kept in memory and checked again after each edit
        .target(name: "ProcDefLanguageServer", dependencies: ["ProcDef", "ProcDefOutput", "YAMLTree", "LanguageServerProtocol"]),
        // the command line, kept thin
        // The executable keeps the name procdef (the product); the target's name differs from ProcDef by more than case,
        // so the two folders stay apart on case-insensitive disks.
        .executableTarget(
            name: "ProcDefCLI",
            dependencies: [
                "ProcDef", "ProcDefOutput", "ProcDefLanguageServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // the whole pipeline on one fuzzer input, in memory; shared by the fuzz target and its regression tests
        .target(name: "ProcDefFuzz", dependencies: ["ProcDef", "ProcDefOutput", "YAMLTree"]),
        .executableTarget(name: "procdef-fuzz", dependencies: ["ProcDefFuzz"]),
        // libFuzzer over the protocol layer: framing, message decoding, document edits (Fuzz/run.sh SECONDS procdef-lsp-fuzz)
        .executableTarget(name: "procdef-lsp-fuzz", dependencies: ["LanguageServerProtocol"]),
        // What several test targets share: golden-file comparison (RECORD_GOLDEN=1), the optional real tools (dot,
        // cmark-gfm, check-jsonschema) and their skips, and a seeded generator.
        .target(name: "ProcDefTestSupport", path: "Tests/ProcDefTestSupport"),
        .testTarget(name: "YAMLTreeTests", dependencies: ["YAMLTree", "ProcDefTestSupport"]),
        .testTarget(name: "ProcDefTests", dependencies: ["ProcDef", "YAMLTree"]),
        // Golden files and fixtures are data the tests read from disk, not resources to bundle.
        .testTarget(name: "ProcDefOutputTests", dependencies: ["ProcDefOutput", "ProcDef", "ProcDefTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "ProcDefCLITests", dependencies: ["ProcDefCLI", "ProcDefTestSupport"], exclude: ["Golden", "Fixtures"]),
        .testTarget(name: "ProcDefFuzzTests", dependencies: ["ProcDefFuzz", "ProcDef", "ProcDefTestSupport"], exclude: ["Regressions"]),
        .testTarget(name: "LanguageServerProtocolTests", dependencies: ["LanguageServerProtocol"]),
        .testTarget(name: "ProcDefLanguageServerTests", dependencies: ["ProcDefLanguageServer", "LanguageServerProtocol", "ProcDef"]),
    ]
)
