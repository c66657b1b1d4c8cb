import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Why talking to a Learning Record Store failed, in one line that names the address.
public struct LRSError: Error, Sendable, CustomStringConvertible {
    public var description: String
}

/// An xAPI 1.0.3 Learning Record Store's statements resource, spoken to over HTTP with Basic
/// authentication. Failures that may pass (a network error, a 5xx, a 429) are retried with a
/// growing pause; everything else is final.
public struct LRSClient: Sendable {
    /// What the LRS did with one batch of statements.
    public enum Outcome: Sendable, Equatable {
        /// Stored: the ids the LRS says it stored (an id it already had is not among them).
        case stored([String])
        /// Refused: 409, a statement with one of these ids is there with other content.
        case conflict(String)
    }

    public let endpoint: URL
    let user: String?
    let password: String?
    let attempts: Int
    let firstPause: Double

    /// `endpoint` is the xAPI root (`…/xAPI/`); the statements resource is below it.
    public init(endpoint: URL, user: String?, password: String?, attempts: Int = 5, firstPause: Double = 0.5) {
        self.endpoint = endpoint
        self.user = user
        self.password = password
        self.attempts = max(1, attempts)
        self.firstPause = firstPause
    }

    var statementsURL: URL { endpoint.appendingPathComponent("statements") }

    /// Posts `statements` as one batch.
    public func post(_ statements: [JSONValue]) async throws(LRSError) -> Outcome {
        let body: Data
        do { body = try JSONEncoder().encode(statements) } catch { throw LRSError(description: "cannot encode the statements: \(error)") }
        var request = self.request(statementsURL)
        request.httpMethod = "POST"
        request.httpBody = body
        let (status, data) = try await send(request)
        switch status {
        case 200:
            guard let ids = try? JSONDecoder().decode([String].self, from: data) else {
                throw LRSError(description: "\(statementsURL.absoluteString) answered 200 with something that is not a list of statement ids: \(Self.excerpt(data))")
            }
            return .stored(ids)
        case 204:
            return .stored([])
        case 409:
            return .conflict(Self.reason(data))
        default:
            throw failure(status, data)
        }
    }

    /// Every statement the LRS answers `query` with, following its `more` links;
    /// `progress(statements so far)` after each page.
    public func statements(query: [URLQueryItem], progress: (Int) -> Void = { _ in }) async throws(LRSError) -> [JSONValue] {
        var components = URLComponents(url: statementsURL, resolvingAgainstBaseURL: false)!
        components.queryItems = query
        var next: URL? = components.url!
        var found: [JSONValue] = [], visited: Set<URL> = []
        while let url = next {
            guard visited.insert(url).inserted else {
                throw LRSError(description: "\(statementsURL.absoluteString) sent the same page twice (its 'more' link goes round in a circle)")
            }
            var request = self.request(url)
            request.httpMethod = "GET"
            let (status, data) = try await send(request)
            guard status == 200 else { throw failure(status, data) }
            guard case let .object(page)? = try? JSONDecoder().decode(JSONValue.self, from: data),
                  case let .array(statements)? = page["statements"] else {
                throw LRSError(description: "\(url.absoluteString) answered with something that is not an xAPI statement result: \(Self.excerpt(data))")
            }
            found += statements
            progress(found.count)
            next = nil
            if case let .string(more)? = page["more"], !more.isEmpty {
                guard let link = URL(string: more, relativeTo: endpoint)?.absoluteURL else {
                    throw LRSError(description: "\(url.absoluteString) gave a 'more' link that is not an address: \(more)")
                }
                next = link
            }
        }
        return found
    }

    private func request(_ url: URL) -> URLRequest {
        var request = URLRequest(url: url, timeoutInterval: 60)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("1.0.3", forHTTPHeaderField: "X-Experience-API-Version")
        if let user, let password {
            request.setValue("Basic " + Data("\(user):\(password)".utf8).base64EncodedString(), forHTTPHeaderField: "Authorization")
        }
        return request
    }

    /// Sends `request`, retrying what may pass; the final status and body.
    private func send(_ request: URLRequest) async throws(LRSError) -> (Int, Data) {
        var pause = firstPause
        for attempt in 1...attempts {
            let last = attempt == attempts
            do {
                let (data, response) = try await URLSession.shared.data(for: request)
                let status = (response as? HTTPURLResponse)?.statusCode ?? 0
                if (status >= 500 || status == 429) && !last {
                    try? await Task.sleep(nanoseconds: UInt64(pause * 1e9))
                    pause *= 2
                    continue
                }
                return (status, data)
            } catch {
                if last { throw LRSError(description: "cannot reach the LRS at \(request.url?.absoluteString ?? ""): \(error.localizedDescription)") }
                try? await Task.sleep(nanoseconds: UInt64(pause * 1e9))
                pause *= 2
            }
        }
        throw LRSError(description: "cannot reach the LRS at \(request.url?.absoluteString ?? "")")
    }

    private func failure(_ status: Int, _ data: Data) -> LRSError {
        let url = statementsURL.absoluteString
        switch status {
        case 401, 403: return LRSError(description: "\(url) refused the credentials (\(status)): \(Self.reason(data))")
        case 404: return LRSError(description: "\(url) is not an xAPI statements resource (404); give the LRS's xAPI endpoint, such as https://lrs.example.com/xAPI/")
        default: return LRSError(description: "\(url) answered \(status): \(Self.reason(data))")
        }
    }

    /// The LRS's own words: a JSON `detail` or `message`, or the start of the body.
    static func reason(_ data: Data) -> String {
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            for key in ["detail", "message", "error"] { if let text = object[key] as? String { return text } }
        }
        return excerpt(data)
    }

    static func excerpt(_ data: Data) -> String {
        let text = String(decoding: data.prefix(200), as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
        return text.isEmpty ? "(no body)" : text
    }
}
