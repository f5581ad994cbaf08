import ProcDefFuzz

/// libFuzzer's entry point: built only with `swift build --product procdef-fuzz --sanitize=fuzzer`, which links
/// libFuzzer's own `main`. See Fuzz/README.md.
@_cdecl("LLVMFuzzerTestOneInput")
public func procdefFuzzOneInput(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeRawBufferPointer(start: $0, count: count)) } ?? []
    FuzzPipeline.run(bytes)
    return 0
}
