import ProcDef

extension MarkdownWriter {
    /// A process defined elsewhere: its name, linked to its `link` when it has one, and `(defined elsewhere)`.
    mutating func externalProcess(name: String, link: String?) {
        if let link {
            self.link(text: name, to: Self.linkDestination(link))
        } else {
            text(name)
        }
        markdown(" (defined elsewhere)")
    }

    /// An address as a link destination: the decoder accepts only http(s) addresses without white space or angle
    /// brackets, and parentheses are escaped so that one cannot close the link early.
    static func linkDestination(_ address: String) -> String {
        var out = ""
        for character in address {
            switch character {
            case "(": out += "%28"
            case ")": out += "%29"
            case "\\": out += "%5C"
            default: out.append(character)
            }
        }
        return out
    }
}
