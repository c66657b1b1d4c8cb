import Foundation

/// Sends the xAPI statements of learners' records to an LRS in batches. Statement ids are
/// name-based (see README, "The progress-record format"), so a statement pushed twice is the
/// same statement: the LRS keeps it once, and a second push stores nothing new.
public struct StatementPush: Sendable {
    /// One statement to send, and whose record it comes from.
    public struct Item: Sendable {
        public var id: String
        public var verb: String
        public var object: String
        public var statement: JSONValue
    }

    /// A statement not sent, and why.
    public struct Refusal: Error, Sendable, Equatable {
        public var id: String
        public var problem: StatementProblem
        /// Why, worded by the catalogue.
        public var reason: String { problem.message }
    }

    public struct Summary: Sendable, Equatable {
        public var sent = 0
        public var alreadyThere = 0
        public var refused: [Refusal] = []
    }

    let client: LRSClient
    let batchSize: Int

    public init(client: LRSClient, batchSize: Int = 50) {
        self.client = client
        self.batchSize = max(1, batchSize)
    }

    /// The statements of `records`, each once, and those that cannot be sent as they are.
    public static func items(of records: [ProgressRecord]) -> (items: [Item], refused: [Refusal]) {
        var items: [Item] = [], refused: [Refusal] = [], seen: Set<String> = []
        for record in records {
            for (index, statement) in (record.statements ?? []).enumerated() {
                switch check(statement, courseID: record.course.id) {
                case .success(let item):
                    if seen.insert(item.id).inserted { items.append(item) }
                case .failure(let refusal):
                    let who = record.learner.employeeId.isEmpty ? record.learner.name : record.learner.employeeId
                    refused.append(Refusal(id: "\(who) #\(index + 1)", problem: refusal.problem))
                }
            }
        }
        return (items, refused)
    }

    /// A statement is sent only when it has a UUID id, an actor, a verb and an object of this course.
    static func check(_ statement: JSONValue, courseID: String) -> Result<Item, Refusal> {
        guard case let .object(fields) = statement, case let .string(id)? = fields["id"] else {
            return .failure(Refusal(id: "", problem: .noID))
        }
        guard UUID(uuidString: id) != nil else { return .failure(Refusal(id: id, problem: .idNotAUUID)) }
        guard case .object? = fields["actor"] else { return .failure(Refusal(id: id, problem: .noActor)) }
        guard case let .object(verb)? = fields["verb"], case let .string(verbID)? = verb["id"] else {
            return .failure(Refusal(id: id, problem: .noVerb))
        }
        // Activity ids are the course id without its trailing slashes, as the site writes them.
        var course = Substring(courseID)
        while course.hasSuffix("/") { course = course.dropLast() }
        guard case let .object(object)? = fields["object"], case let .string(objectID)? = object["id"],
              objectID == course || objectID.hasPrefix(course + "/") else {
            return .failure(Refusal(id: id, problem: .notCourseActivity(course: courseID)))
        }
        return .success(Item(id: id, verb: verbID, object: objectID, statement: statement))
    }

    /// Sends `items` in batches; `progress(done, total)` after each.
    public func send(_ items: [Item], progress: (Int, Int) -> Void = { _, _ in }) async throws(LRSError) -> Summary {
        var summary = Summary()
        var done = 0
        for start in stride(from: 0, to: items.count, by: batchSize) {
            let batch = Array(items[start..<min(start + batchSize, items.count)])
            try await send(batch, into: &summary)
            done += batch.count
            progress(done, items.count)
        }
        return summary
    }

    /// A batch the LRS refuses for a conflict is split until the conflicting statement is alone.
    private func send(_ batch: [Item], into summary: inout Summary) async throws(LRSError) {
        switch try await client.post(batch.map(\.statement)) {
        case .stored(let ids):
            let stored = Set(ids).intersection(batch.map(\.id)).count
            summary.sent += stored
            summary.alreadyThere += batch.count - stored
        case .conflict(let reason) where batch.count == 1:
            summary.refused.append(Refusal(id: batch[0].id, problem: .conflict(reason)))
        case .conflict:
            let middle = batch.count / 2
            try await send(Array(batch[..<middle]), into: &summary)
            try await send(Array(batch[middle...]), into: &summary)
        }
    }
}
