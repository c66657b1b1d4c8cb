import ArgumentParser
import CourseKit
import Foundation

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a new course: a small working course with the default templates.",
        discussion: """
        Writes Content/ (a module with every kind of question, a scenario, a country note and \
        the country dataset), Templates/ and a README.md that explains the format into DIR, \
        which must be empty or not exist. Then: cd DIR && meridian build.
        """
    )

    @Argument(help: "The folder to create.")
    var directory: String

    func run() throws {
        let terminal = Terminal.standardError
        let folder = URL(fileURLWithPath: directory, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL
        do {
            let written = try Scaffold.write(StarterFiles.all, into: folder, displayPath: directory)
            FileHandle.standardOutput.write(Data("""
                Created a course in \(directory) (\(written.count) files). Next:
                  cd \(directory)
                  meridian build    # then open Site/index.html
                  meridian serve    # or preview it, rebuilt as you edit

                """.utf8))
        } catch {
            terminal.write("\(error)\n")
            throw ExitCode(1)
        }
    }
}

/// The files `new` writes, from the copies embedded at build time (see Plugins/EmbedCourseFiles).
enum StarterFiles {
    static var all: [String: Data] {
        var files: [String: Data] = [:]
        for (path, base64) in EmbeddedFiles.base64 {
            guard let data = Data(base64Encoded: base64) else { continue }
            if path.hasPrefix("Templates/") {
                files[path] = data
            } else if path.hasPrefix("Data/") {
                files["Content/data/" + path.dropFirst("Data/".count)] = data
            } else if path.hasPrefix("Starter/") {
                files[String(path.dropFirst("Starter/".count))] = data
            }
        }
        return files
    }
}
