/// What a `Position.character` counts: UTF-8 bytes, UTF-16 code units (LSP's default) or Unicode scalars.
public enum PositionEncoding: String, Codable, Hashable, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"

    /// The encoding to announce in `ServerCapabilities.positionEncoding`, given the client's
    /// `capabilities.general.positionEncodings`.
    ///
    /// UTF-8 when offered, since documents are kept as UTF-8 bytes and it needs no counting; otherwise UTF-16, which
    /// every client must support (LSP 3.17) and which is what a client that offers nothing uses.
    public static func negotiate(clientOffers: [String]?) -> PositionEncoding {
        clientOffers?.contains(PositionEncoding.utf8.rawValue) == true ? .utf8 : .utf16
    }
}
