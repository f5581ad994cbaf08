import ArgumentParser
import Foundation
import ProcDef
import ProcDefOutput

/// `procdef init ID`: writes a new process to start from, clean under `procdef check --strict`.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a new process, ready to edit, that passes check --strict.",
        discussion: """
            Writes <dir>/<id>.yaml: an owner, a manager, a case owner, four activities with procedures, a decision \
            and two handoffs. Roles come from the role catalogue in <dir> or in Processes/ and Policies/ where it \
            has them (service-desk, service-desk-lead, application-support, a customer role such as end-user); \
            the others are defined in the file as process-local roles. Never overwrites a file.
            """
    )

    @Argument(help: ArgumentHelp("The new process's id, kebab-case, such as access-request; the file is named after it.", valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp("The folder to write into; created if missing.", valueName: "folder"))
    var dir = "Processes"

    func run() throws {
        if let defect = Identifier.defect(of: id) {
            throw Terminal.fail("invalid process id '\(id)'\(Identifier.detail(of: defect))", help: Identifier.help(for: defect, of: id))
        }
        let path = (dir as NSString).appendingPathComponent("\(id).yaml")
        let files = FileManager.default
        if files.fileExists(atPath: path) {
            throw Terminal.fail("\(path) already exists", help: "procdef init never overwrites a file: choose another id, or remove the file first")
        }

        let workspace = existingWorkspace()
        if let existing = workspace?.process(id: id) {
            throw Terminal.fail("a process '\(id)' already exists in \(existing.file)", help: "process ids are unique across the repository: choose another id")
        }
        let catalogue = (workspace?.catalogueRoles ?? [:]).mapValues(\.kind.value)
        let template = ProcessTemplate(id: id, catalogue: catalogue)

        if let file = Self.fileInTheWay(of: dir) {
            throw Terminal.fail("\(file) is not a folder", help: "name another folder with --dir")
        }
        do {
            try files.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw Terminal.fail("cannot create the folder \(dir): \(Self.reason(error))")
        }
        do {
            // `withoutOverwriting` also refuses a file created since the check above.
            try Data(template.render().utf8).write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            throw Terminal.fail("cannot write \(path): \(Self.reason(error))")
        }

        var report = "created \(path)\n"
        let used = template.catalogueRolesUsed
        if !used.isEmpty { report += "roles from the catalogue: \(used.joined(separator: ", "))\n" }
        report += "next: edit it, then run procdef check --strict\n"
        Terminal.write(report)
    }

    /// What the repository already defines, read from `dir` and the default folders; nil when nothing is there.
    /// Findings do not matter here: `init` only needs the catalogue's roles and the process ids already taken.
    private func existingWorkspace() -> Workspace? {
        let paths = ([dir] + CheckSession.defaultPaths).filter { FileManager.default.fileExists(atPath: $0) }
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
        return error.localizedDescription
    }
}
