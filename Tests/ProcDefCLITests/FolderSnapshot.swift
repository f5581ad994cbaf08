import Foundation

/// Every file below `folder` by relative path, with its bytes: two snapshots are equal when the trees are
/// byte-identical.
func folderSnapshot(_ folder: URL) throws -> [String: [UInt8]] {
    var files: [String: [UInt8]] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder.path)
    while let path = enumerator?.nextObject() as? String {
        var isDirectory: ObjCBool = false
        let url = folder.appendingPathComponent(path)
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            files[path] = Array(try Data(contentsOf: url))
        }
    }
    return files
}
