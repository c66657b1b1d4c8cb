/// A problem found in the content or the templates, printed the way compilers print them:
/// `Content/modules/03-x.md:12:5: error: message`.
public struct Diagnostic: Hashable, Comparable, Sendable, CustomStringConvertible, Error {
    public enum Severity: String, Sendable, Comparable, CaseIterable {
        /// A remark that is neither wrong nor risky, such as `check`'s course-wide item summary.
        case note, warning, error

        public static func < (a: Severity, b: Severity) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, at: location, message)
    }

    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, at: location, message)
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.location, a.message) < (b.location, b.message)
    }
}

/// Every diagnostic of a build, sorted by place; thrown when any of them is an error.
public struct BuildFailure: Error, CustomStringConvertible, Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
    }

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }

    /// Warnings only, not notes.
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

extension Array where Element == Diagnostic {
    /// True when at least one diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
