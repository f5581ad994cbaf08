import ArgumentParser
import Foundation
import ProcDef
import ProcDefOutput

/// `procdef init ID`: writes a new process to start from, clean under `procdef check --strict`; with `--from-csv`, the
/// process a RACI spreadsheet describes, for the checker to say what it leaves out.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a new process, ready to edit, that passes check --strict; or one from a RACI spreadsheet.",
        discussion: """
            Writes <folder>/<id>.yaml: an owner, a manager, a case owner, four activities with procedures, a decision \
            and two handoffs. Roles come from the repository's role catalogue where it has them (service-desk, \
            service-desk-lead, application-support, a customer role such as end-user); the others are defined in the \
            file as process-local roles. Never overwrites a file.

            The folder is --dir, else the first folder the configuration's `paths` names (.procdef.yaml, found as \
            check finds it, or --config), else Processes. The repository is read from the configuration's paths, \
            else Processes and Policies, to find the role catalogue and the process ids already taken.

            With --from-csv, the process is the RACI matrix of a spreadsheet saved as CSV (comma or semicolon \
            separated, UTF-8): the first row is the header, the first column holds the activity names and each \
            further column is a role, named by its id or its name. A column headed `id`, first or second, holds \
            activity ids, and the raci/<id>.csv that build writes reads as it is. Cells hold R, A, C and I, alone \
            or combined (A/R, "R, A", AR), or nothing. The activities follow the rows. Nothing the spreadsheet \
            does not say is added: run check to see what is missing.
            """
    )

    @Argument(help: ArgumentHelp("The new process's id, kebab-case, such as access-request; the file is named after it.", valueName: "id"))
    var id: String

    @Option(
        help: ArgumentHelp(
            "The folder to write into; created if missing (default: the first folder of the config's paths, else Processes).",
            valueName: "folder"))
    var dir: String?

    @Option(
        help: ArgumentHelp("The configuration file (default: the nearest .procdef.yaml from the current directory up).", valueName: "file"))
    var config: String?

    @Option(
        name: .customLong("from-csv"),
        help: ArgumentHelp("A RACI matrix saved from a spreadsheet as CSV: one row per activity, one column per role.", valueName: "file"))
    var fromCSV: String?

    func run() throws {
        if let defect = Identifier.defect(of: id) {
            throw Terminal.fail("invalid process id '\(id)'\(Identifier.detail(of: defect))", help: Identifier.help(for: defect, of: id))
        }
        let active = try CheckSession.activeConfig(explicit: config, options: CheckOptions())
        let configured = CheckSession.configuredPaths(active) ?? []
        let folder = try dir ?? Self.firstFolder(of: configured) ?? CheckSession.defaultPaths[0]
        let path = (folder as NSString).appendingPathComponent("\(id).yaml")
        let files = FileManager.default
        if files.fileExists(atPath: path) {
            throw Terminal.fail(
                "\(path) already exists", help: "procdef init never overwrites a file: choose another id, or remove the file first")
        }

        let workspace = Self.existingWorkspace(folder: folder, configured: configured)
        if let existing = workspace?.process(id: id) {
            throw Terminal.fail(
                "a process '\(id)' already exists in \(existing.file)",
                help: "process ids are unique across the repository: choose another id")
        }
        if let external = workspace?.externalProcess(id: id) {
            throw Terminal.fail(
                "a process '\(id)' is already defined elsewhere in \(external.file) (kind: external-process)",
                help: "a process defined elsewhere shares the process ids: choose another id, or remove that document first")
        }
        let catalogue = workspace?.catalogueRoles ?? [:]

        let text: String
        var report: String
        let catalogueRolesUsed: [String]
        if let fromCSV {
            let scaffold = try Self.scaffold(id: id, csv: fromCSV, catalogue: catalogue.mapValues(\.name.value))
            text = scaffold.render()
            catalogueRolesUsed = scaffold.catalogueRolesUsed
            let activities = scaffold.spreadsheet.rows.count
            let roles = scaffold.roleIDs.count
            report =
                "created \(path) from \(fromCSV): \(activities) \(activities == 1 ? "activity" : "activities"), \(roles) \(roles == 1 ? "role" : "roles")\n"
        } else {
            let template = ProcessTemplate(id: id, catalogue: catalogue.mapValues(\.kind.value))
            text = template.render()
            catalogueRolesUsed = template.catalogueRolesUsed
            report = "created \(path)\n"
        }

        if let file = Self.fileInTheWay(of: folder) {
            throw Terminal.fail("\(file) is not a folder", help: "name another folder with --dir")
        }
        do {
            try files.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw Terminal.fail("cannot create the folder \(folder): \(Self.reason(error))")
        }
        do {
            // `withoutOverwriting` also refuses a file created since the check above.
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            throw Terminal.fail("cannot write \(path): \(Self.reason(error))")
        }

        if !catalogueRolesUsed.isEmpty { report += "roles from the catalogue: \(catalogueRolesUsed.joined(separator: ", "))\n" }
        report +=
            fromCSV == nil
            ? "next: edit it, then run procdef check --strict\n"
            : "next: run procdef check to list what the spreadsheet does not say, and fill it in\n"
        Terminal.write(report)
    }

    /// The spreadsheet at `csv`, read and made into a process; a file that cannot be read or used is a usage problem.
    private static func scaffold(id: String, csv: String, catalogue: [String: String]) throws -> RACIScaffold {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: csv, isDirectory: &isFolder) else {
            throw Terminal.fail("cannot read \(csv): no such file or directory")
        }
        if isFolder.boolValue {
            throw Terminal.fail("cannot read \(csv): it is a folder", help: "name the CSV file saved from the spreadsheet")
        }
        let bytes: [UInt8]
        do {
            bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: csv)))
        } catch {
            throw Terminal.fail("cannot read \(csv): \(reason(error))")
        }
        do {
            let spreadsheet = try RACISpreadsheet(csv: bytes)
            return try RACIScaffold(id: id, spreadsheet: spreadsheet, catalogue: catalogue, source: (csv as NSString).lastPathComponent)
        } catch {
            throw Terminal.fail(error.located(in: csv), help: error.help)
        }
    }

    /// The first of the config's paths that names a folder (existing, or to be created): a path to a YAML file, or
    /// to anything else that is not a folder, is passed over. Nil without a config or paths; a usage problem when
    /// the paths name files only.
    private static func firstFolder(of configured: [String]) throws -> String? {
        guard !configured.isEmpty else { return nil }
        for path in configured {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
                if isFolder.boolValue { return path }
            } else if !path.hasSuffix(".yaml") && !path.hasSuffix(".yml") {
                return path
            }
        }
        throw Terminal.fail("the configuration's paths name no folder to write the process into", help: "name one with --dir")
    }

    /// What the repository already defines, read from `folder` and the config's paths (else the default folders);
    /// nil when nothing is there. Findings do not matter here: `init` only needs the catalogue's roles and the
    /// process ids already taken.
    private static func existingWorkspace(folder: String, configured: [String]) -> Workspace? {
        let candidates = [folder] + (configured.isEmpty ? CheckSession.defaultPaths : configured)
        var paths: [String] = []
        for path in candidates where !paths.contains(path) && FileManager.default.fileExists(atPath: path) {
            paths.append(path)
        }
        guard !paths.isEmpty else { return nil }
        return try? Workspace.load(paths: paths)
    }

    /// The first part of `path` that exists and is not a folder: it keeps the folder from being created, and
    /// Foundation's own error would not say so.
    private static func fileInTheWay(of path: String) -> String? {
        var prefix = ""
        for component in (path as NSString).pathComponents {
            prefix = prefix.isEmpty ? component : (prefix as NSString).appendingPathComponent(component)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: prefix, isDirectory: &isFolder) else { return nil }
            if !isFolder.boolValue { return prefix }
        }
        return nil
    }

    private static func reason(_ error: any Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let code = underlying?.code, underlying?.domain == NSPOSIXErrorDomain, let text = strerror(Int32(code)) {
            return String(cString: text).lowercased()
        }
        // Foundation's read errors on Linux carry no POSIX error to word them with.
        if let cocoa = error as? CocoaError, cocoa.code == .fileReadNoPermission { return "permission denied" }
        return error.localizedDescription
    }
}
