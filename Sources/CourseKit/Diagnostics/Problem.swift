/// A problem of one area of the course (its settings, its countries, a translation…) as data:
/// an enum case with what the message needs. Every case's wording lives in the catalogue
/// (`Diagnostics/Wording*.swift`), not where the problem is found, in the manner of
/// swift-argument-parser's error-message generator.
public protocol Problem: Sendable {
    /// The one line printed after `error:` or `warning:`, without a final period.
    var message: String { get }
}

extension Diagnostic {
    /// A diagnostic of `severity` worded by the catalogue.
    public init(_ severity: Severity, at location: SourceLocation, _ problem: some Problem) {
        self.init(severity, at: location, problem.message)
    }

    /// An error worded by the catalogue: `.error(CountryProblem.unknownCode(…), at: location)`.
    public static func error(_ problem: some Problem, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, at: location, problem.message)
    }

    /// A warning worded by the catalogue.
    public static func warning(_ problem: some Problem, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, at: location, problem.message)
    }
}

extension Suggestion {
    /// " (did you mean 'x'?)" for a closest name found, else "": how every problem words one.
    static func hint(_ closest: String?) -> String {
        closest.map { " (did you mean '\($0)'?)" } ?? ""
    }
}
