import ArgumentParser
import Foundation

/// The LRS address and credentials `records push` and `records pull` take alike: the user from
/// --user or MERIDIAN_LRS_USER, the password from --password-file or MERIDIAN_LRS_PASSWORD,
/// never from the command line.
struct LRSCredentials {
    var user: String?
    var password: String?

    init(user: String?, passwordFile: String?) throws {
        self.user = user ?? Self.environment("MERIDIAN_LRS_USER")
        guard let passwordFile else {
            password = Self.environment("MERIDIAN_LRS_PASSWORD")
            return
        }
        guard let data = FileManager.default.contents(atPath: passwordFile) else {
            Terminal.standardError.write("error: cannot read the password file \(passwordFile)\n")
            throw ExitCode(1)
        }
        password = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    /// Refuses an --lrs that is not an http or https address.
    static func validate(_ lrs: String) throws {
        guard let url = URL(string: lrs), ["http", "https"].contains(url.scheme ?? ""), url.host != nil else {
            throw ValidationError("--lrs must be an http or https address, such as https://lrs.example.com/xAPI/")
        }
    }

    /// The xAPI root, ending in a slash so that `statements` goes below it.
    static func endpoint(_ lrs: String) -> URL {
        URL(string: lrs.hasSuffix("/") ? lrs : lrs + "/")!
    }

    private static func environment(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }
}
