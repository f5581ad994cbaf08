/// The git commit procdef was built from. scripts/build-release.sh writes the commit into a copy of the sources
/// before it builds a release; a build from a checkout says "unknown", because SwiftPM runs no script at build time
/// that could ask git without a plugin that every build, the editor's included, would have to trust.
package enum ProcdefBuildCommit {
    package static let commit = "unknown"
}
