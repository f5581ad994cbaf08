/// How many of a check's errors lie in one process's document and how many elsewhere: what a command that prints
/// one process (its RACI matrix, its diagram) tells about the findings it does not print.
package struct ProcessErrorCount: Sendable, Hashable {
    /// Errors whose position lies inside the process's own document.
    package var inProcess: Int
    /// Every other error of the check: other documents, other files.
    package var elsewhere: Int

    package init(inProcess: Int, elsewhere: Int) {
        self.inProcess = inProcess
        self.elsewhere = elsewhere
    }

    /// The errors of `report`, split by whether they point into `process`'s document.
    package init(_ process: ProcessDefinition, in report: CheckReport) {
        var inProcess = 0
        for diagnostic in report.diagnostics where diagnostic.severity == .error && diagnostic.file == process.file {
            let start = diagnostic.range.start
            if start >= process.range.start && start <= process.range.end { inProcess += 1 }
        }
        self.init(inProcess: inProcess, elsewhere: report.summary.errors - inProcess)
    }

    /// One line for standard error, such as "12 errors in this process, 3 in other definitions; run `procdef check`
    /// for them"; nil when the check found no error.
    package var summary: String? {
        func errors(_ count: Int) -> String { count == 1 ? "1 error" : "\(count) errors" }
        let counts: String
        switch (inProcess, elsewhere) {
        case (0, 0): return nil
        case (0, let other): counts = "\(errors(other)) in other definitions, none in this process"
        case (let own, 0): counts = "\(errors(own)) in this process"
        case (let own, let other): counts = "\(errors(own)) in this process, \(other) in other definitions"
        }
        return counts + "; run `procdef check` for them"
    }
}
