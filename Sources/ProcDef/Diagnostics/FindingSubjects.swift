import YAMLTree

/// The ids a finding is about, as data: what baselines, the language server and SARIF key findings by, since a
/// message's wording changes and its ids do not.
///
/// Only what the reporter knows is filled in; nothing is guessed. Empty lists cost no allocation, so a finding about
/// a process alone stays as cheap as before.
public struct FindingSubjects: Sendable, Hashable {
    /// The process the finding is about (stamped by `Findings` for process rules and policies).
    public var process: String?
    /// Activity ids, the one the finding is about first. A trigger's target activity belongs to the triggered process.
    public var activities: [String]
    /// Role ids, the one the finding is about first.
    public var roles: [String]
    /// The policy a `policy/<id>` finding, a waiver finding or a `ref/unknown-policy` reference is about.
    public var policy: String?
    /// The waiver a finding is about; a waiver is identified by the process that declares it and the policy it waives.
    public var waiver: WaiverSubject?

    public init(
        process: String? = nil, activities: [String] = [], roles: [String] = [], policy: String? = nil, waiver: WaiverSubject? = nil
    ) {
        self.process = process
        self.activities = activities
        self.roles = roles
        self.policy = policy
        self.waiver = waiver
    }

    /// True when the finding names no id at all (YAML syntax, unreadable files, most configuration findings).
    public var isEmpty: Bool {
        process == nil && activities.isEmpty && roles.isEmpty && policy == nil && waiver == nil
    }
}

/// A waiver, named the way the format identifies it: the process's `waivers:` entry for one policy.
public struct WaiverSubject: Sendable, Hashable {
    public var process: String
    public var policy: String

    public init(process: String, policy: String) {
        self.process = process
        self.policy = policy
    }
}

/// One step of a finding's witness path: a place and what happens there, in the order a case would pass them.
public struct WitnessStep: Sendable, Hashable {
    public var file: String
    public var range: SourceRange
    public var message: String

    public init(file: String, range: SourceRange, message: String) {
        self.file = file
        self.range = range
        self.message = message
    }
}
