import ProcDef

/// Renders findings as GitHub Actions workflow commands, which the runner turns into annotations on the
/// pull request's diff: `::error file=F,line=L,col=C,endLine=..,endColumn=..,title=RULE::MESSAGE`.
package struct GitHubAnnotationRenderer: Sendable {
    package init() {}

    package func render(_ report: CheckReport) -> String {
        var out = ""
        for diagnostic in report.diagnostics {
            out += render(diagnostic)
            out += "\n"
        }
        return out
    }

    package func render(_ diagnostic: Diagnostic) -> String {
        let command: String
        switch diagnostic.severity {
        case .error: command = "error"
        case .warning: command = "warning"
        case .note: command = "notice"
        }
        let start = diagnostic.range.start
        let end = diagnostic.range.end
        var properties = [
            "file=\(Self.escapeProperty(diagnostic.file))",
            "line=\(start.line)",
            "col=\(start.column)",
        ]
        if end.line >= start.line {
            properties.append("endLine=\(end.line)")
            if end.line == start.line { properties.append("endColumn=\(max(end.column, start.column))") }
        }
        properties.append("title=\(Self.escapeProperty(diagnostic.rule))")
        var message = diagnostic.message
        if let help = diagnostic.help { message += "\nhelp: \(help)" }
        return "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(message))"
    }

    /// The runner's escaping of a command's message: `%`, CR and LF.
    package static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The runner's escaping of a property value: the message's, plus `:` and `,` which delimit properties.
    package static func escapeProperty(_ text: String) -> String {
        var out = ""
        for scalar in escapeData(text).unicodeScalars {
            switch scalar {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
