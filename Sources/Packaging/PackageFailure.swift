import CourseKit

/// Why `meridian package` wrote no package: each case prints as one line naming the file and the place.
public enum PackageFailure: Error, Sendable, Equatable {
    /// The course did not build; the diagnostics say where.
    case build(BuildFailure)
    case unreadableCourseData(String)
    case invalidPath(String)
    case tooLarge(bytes: Int64, limit: Int64)
    case tooManyFiles(count: Int, limit: Int)
    case suspendDataTooLong(characters: Int, limit: Int)
    case tooManyOptions(String, count: Int)
    /// An exam the encoding cannot hold: what it has, and the most a package can record.
    case examTooLarge(String, limit: String)
    case manifest(String)
    case write(String, reason: String)

    public static func == (lhs: PackageFailure, rhs: PackageFailure) -> Bool { lhs.message == rhs.message }

    /// The one-line reason.
    public var message: String {
        switch self {
        case .build(let failure): "the course did not build (\(failure.errorCount) error\(failure.errorCount == 1 ? "" : "s"))"
        case .unreadableCourseData(let path): "\(path): the built course data cannot be read"
        case .invalidPath(let path):
            "'\(path)' is not a valid URL path in a package: name files with letters, digits, '.', '-', '_' and '~' only"
        case .tooLarge(let bytes, let limit):
            "the site is \(megabytes(bytes)) MB; a package holds at most \(megabytes(limit)) MB"
        case .tooManyFiles(let count, let limit): "the site has \(count) files; a package holds at most \(limit)"
        case .suspendDataTooLong(let characters, let limit):
            "a learner's progress can need \(characters) characters of cmi.suspend_data; SCORM 1.2 keeps at most \(limit)"
        case .tooManyOptions(let place, let count):
            "\(place) has \(count) choices, items or replies; a package can record at most \(SuspendDataBudget.maxPosition)"
        case .examTooLarge(let what, let limit): "\(what); a package can record at most \(limit)"
        case .manifest(let reason): "imsmanifest.xml would not validate: \(reason)"
        case .write(let path, let reason): "\(path): cannot write the package: \(reason)"
        }
    }

    private func megabytes(_ bytes: Int64) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }
}
