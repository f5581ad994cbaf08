import YAMLTree

extension Workspace {
    /// Reads every path (files, or folders walked recursively for `*.yaml`/`*.yml`), parses and decodes each file in
    /// parallel, then links roles and cross-file references. Only a missing path throws; all else is a diagnostic.
    public static func load(paths: [String], options: CheckOptions = CheckOptions()) throws(WorkspaceError) -> Workspace {
        // Filled in by the decoding work.
        Workspace()
    }
}
